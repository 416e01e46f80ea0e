import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { SectionHeading, type SectionLevel } from '../../components/headings.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { useSectionStyles } from '../../components/section-styles.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/auth-context.js';
import { CreateOfferDialog } from './create-offer-dialog.js';
import { writableOrganizations } from './offer-access.js';
import { useOffers } from './offer-queries.js';
import { OrganizationOffersCard } from './organization-offers-card.js';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
});

/** "Your offers": one card per organisation, and "Create offer" for owners and editors. */
export function OffersSection({ level }: { level: SectionLevel }) {
  const { t } = useTranslation();
  const styles = useSectionStyles();
  const ownStyles = useStyles();
  const { memberships } = useSession();
  const offers = useOffers();
  const writable = writableOrganizations(memberships);
  return (
    <section className={styles.section} data-testid="offers-section">
      <div className={ownStyles.header}>
        <SectionHeading level={level}>{t('offers.heading')}</SectionHeading>
        {writable.length > 0 && <CreateOfferDialog organizations={writable} />}
      </div>
      {offers.isPending && <LoadingState />}
      {offers.isError && <QueryError error={offers.error} onRetry={() => void offers.refetch()} />}
      {offers.isSuccess &&
        memberships.map((membership) => (
          <OrganizationOffersCard
            key={membership.organizationId}
            membership={membership}
            offers={offers.data.filter((offer) => offer.organizationId === membership.organizationId)}
            level={level}
          />
        ))}
    </section>
  );
}

export function OffersPage() {
  const { t } = useTranslation();
  usePageTitle(t('offers.heading'));
  return <OffersSection level={1} />;
}
