import { Button, makeStyles, Subtitle1, Text, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import type { InfiniteData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CatalogPage } from '../../../domain/catalog/catalog-schema.js';
import { EmptyState } from '../../components/empty-state.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import type { useCatalogSearch } from './catalog-queries.js';
import { CatalogResultItem } from './catalog-result-item.js';
import type { CatalogLabels } from './use-catalog-labels.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  count: { color: tokens.colorNeutralForeground2 },
  more: { alignSelf: 'flex-start' },
});

interface CatalogResultsProps {
  query: ReturnType<typeof useCatalogSearch>;
  labels: CatalogLabels;
  search: string;
  /** The countries filtered by (the cards' markets and contacts are told for them). */
  countries: readonly string[];
}

/** The results with their count (announced when it changes), "Show more", and the empty and error states. */
export function CatalogResults({ query, labels, search, countries }: CatalogResultsProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const data: InfiniteData<CatalogPage> | undefined = query.data;
  const items = data?.pages.flatMap((page) => page.items) ?? [];
  const total = data?.pages[0]?.total ?? 0;
  const isSearching = query.isFetching && !query.isFetchingNextPage;

  return (
    <section className={styles.root} aria-labelledby="catalog-results-heading" aria-busy={isSearching}>
      <Subtitle1 as="h2" id="catalog-results-heading">
        {t('catalog.resultsLabel')}
      </Subtitle1>
      <Text role="status" className={styles.count} data-testid="catalog-result-count">
        {query.isPending || (isSearching && query.isPlaceholderData)
          ? t('catalog.searching')
          : data
            ? t('catalog.resultCount', { count: total })
            : ''}
      </Text>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError && !data ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<SearchRegular />} title={t('catalog.noResultsTitle')} testId="catalog-no-results">
          {t('catalog.noResultsBody')}
        </EmptyState>
      ) : (
        <>
          <ul className={styles.list} aria-labelledby="catalog-results-heading" data-testid="catalog-results">
            {items.map((result) => (
              <CatalogResultItem
                key={result.offerId}
                result={result}
                labels={labels}
                search={search}
                countries={countries}
              />
            ))}
          </ul>
          {query.isFetchNextPageError && <QueryError error={query.error} />}
          {query.hasNextPage && (
            <Button
              className={styles.more}
              onClick={() => void query.fetchNextPage()}
              disabled={query.isFetchingNextPage}
              data-testid="catalog-load-more"
            >
              {query.isFetchingNextPage ? t('catalog.loadingMore') : t('catalog.loadMore')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
