import { Caption1 } from '@fluentui/react-components';
import { BuildingShopRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../api/reference-queries.js';
import { EmptyState } from '../../components/empty-state.js';
import { SectionHeading, type SectionLevel } from '../../components/headings.js';
import { useSectionStyles } from '../../components/section-styles.js';
import { usePageTitle } from '../../components/use-page-title.js';

/** The co-sell catalogue for sellers and channel resellers; empty until published offers exist. */
export function CatalogSection({ level }: { level: SectionLevel }) {
  const { t } = useTranslation();
  const styles = useSectionStyles();
  // The catalogue will filter by the taxonomy; showing its version already tells readers which one applies.
  const reference = useReference();
  return (
    <section className={styles.section} data-testid="catalog-section">
      <SectionHeading level={level}>{t('catalog.heading')}</SectionHeading>
      <EmptyState icon={<BuildingShopRegular />} title={t('catalog.emptyTitle')} testId="catalog-empty">
        {t('catalog.emptyBody')}
      </EmptyState>
      {reference.data && (
        <Caption1 className={styles.meta}>
          {t('catalog.taxonomy', { version: reference.data.taxonomyVersion })}
        </Caption1>
      )}
    </section>
  );
}

export function CatalogPage() {
  const { t } = useTranslation();
  usePageTitle(t('catalog.heading'));
  return <CatalogSection level={1} />;
}
