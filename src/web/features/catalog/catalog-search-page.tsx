import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useReference } from '../../api/reference-queries.js';
import { SectionHeading } from '../../components/headings.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { useSectionStyles } from '../../components/section-styles.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { CatalogFilters } from './catalog-filters.js';
import { useCatalogSearch } from './catalog-queries.js';
import { CatalogResults } from './catalog-results.js';
import { CatalogSearchForm } from './catalog-search-form.js';
import { type CatalogSearch, readCatalogSearch, writeCatalogSearch } from './catalog-search-params.js';
import { useCatalogLabels } from './use-catalog-labels.js';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(220px, 300px) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
    '@media (max-width: 760px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
});

/** How long typing pauses before the search runs (Enter runs it at once). */
const typingDelayMs = 350;

/**
 * The catalogue search. The address holds the words and every filter (?q=&country=SE…), so a search is a
 * link to share, and reload or Back shows the same results.
 */
export function CatalogPage() {
  const { t } = useTranslation();
  usePageTitle(t('catalog.heading'));
  const sectionStyles = useSectionStyles();
  const reference = useReference();
  return (
    <section className={sectionStyles.section} data-testid="catalog-section">
      <SectionHeading level={1}>{t('catalog.heading')}</SectionHeading>
      {reference.isPending ? (
        <LoadingState />
      ) : reference.isError ? (
        <QueryError error={reference.error} onRetry={() => void reference.refetch()} />
      ) : (
        <CatalogSearchView reference={reference.data} />
      )}
    </section>
  );
}

function CatalogSearchView({
  reference,
}: {
  reference: NonNullable<ReturnType<typeof useReference>['data']>;
}) {
  const styles = useStyles();
  const labels = useCatalogLabels(reference);
  const [params, setParams] = useSearchParams();
  const address = params.toString();
  // The search is held here as well as in the address: the address changes a moment after a click (the
  // router navigates asynchronously), and a checkbox must show its new state at once.
  const [search, setSearch] = useState(() => readCatalogSearch(params));
  const [text, setText] = useState(search.q);
  // The last address the router showed, and the last one this page asked for.
  const [seen, setSeen] = useState({ observed: address, written: address });
  if (address !== seen.observed) {
    if (address === seen.written) setSeen({ ...seen, observed: address });
    else {
      // Changed from outside (Back, a link): the address wins, the search box included.
      const fromAddress = readCatalogSearch(params);
      setSeen({ observed: address, written: address });
      setSearch(fromAddress);
      setText(fromAddress.q);
    }
  }
  const results = useCatalogSearch(search);

  function go(next: CatalogSearch, replace: boolean) {
    const nextParams = writeCatalogSearch(next);
    setSearch(next);
    setSeen((current) => ({ ...current, written: nextParams.toString() }));
    setParams(nextParams, { replace });
  }

  useEffect(() => {
    const q = text.trim();
    if (q === search.q) return;
    const timer = setTimeout(() => go({ ...search, q }, true), typingDelayMs);
    return () => clearTimeout(timer);
  });

  const facets = results.data?.pages[0]?.facets;
  return (
    <>
      <CatalogSearchForm value={text} onChange={setText} onSubmit={(q) => go({ ...search, q }, false)} />
      <div className={styles.layout}>
        <CatalogFilters
          filters={search.filters}
          facets={facets}
          onChange={(filters) => go({ q: text.trim(), filters }, false)}
          reference={reference}
          labels={labels}
        />
        <CatalogResults query={results} labels={labels} search={address} countries={search.filters.country} />
      </div>
    </>
  );
}
