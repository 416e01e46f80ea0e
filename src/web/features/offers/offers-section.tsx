import { useTranslation } from 'react-i18next';
import { SectionHeading, type SectionLevel } from '../../components/headings.js';
import { useSectionStyles } from '../../components/section-styles.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/auth-context.js';
import { OrganizationOffersCard } from './organization-offers-card.js';

/** "Your offers", one card per organisation the person belongs to. */
export function OffersSection({ level }: { level: SectionLevel }) {
  const { t } = useTranslation();
  const styles = useSectionStyles();
  const { memberships } = useSession();
  return (
    <section className={styles.section} data-testid="offers-section">
      <SectionHeading level={level}>{t('offers.heading')}</SectionHeading>
      {memberships.map((membership) => (
        <OrganizationOffersCard key={membership.organizationId} membership={membership} level={level} />
      ))}
    </section>
  );
}

export function OffersPage() {
  const { t } = useTranslation();
  usePageTitle(t('offers.heading'));
  return <OffersSection level={1} />;
}
