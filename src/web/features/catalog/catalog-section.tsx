import { Body1 } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SectionHeading, type SectionLevel } from '../../components/headings.js';
import { RouterLink } from '../../components/router-link.js';
import { useSectionStyles } from '../../components/section-styles.js';
import { CatalogSearchForm } from './catalog-search-form.js';

/** The catalogue on the home page of sellers and channel resellers: a search box that opens the results. */
export function CatalogSection({ level }: { level: SectionLevel }) {
  const { t } = useTranslation();
  const styles = useSectionStyles();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  return (
    <section className={styles.section} data-testid="catalog-section">
      <SectionHeading level={level}>{t('catalog.heading')}</SectionHeading>
      <Body1 className={styles.meta}>{t('catalog.homeIntro')}</Body1>
      <CatalogSearchForm
        value={text}
        onChange={setText}
        onSubmit={(q) => navigate(q ? `/catalog?${new URLSearchParams({ q })}` : '/catalog')}
      />
      <RouterLink to="/catalog" data-testid="catalog-browse">
        {t('catalog.browse')}
      </RouterLink>
    </section>
  );
}
