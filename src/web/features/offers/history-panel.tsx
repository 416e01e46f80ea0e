import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { SubHeading } from '../../components/headings.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { HistoryEntryItem } from './history-entry.js';
import { useOfferHistory } from './offer-queries.js';
import { useMessageWords } from './use-message-words.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

/** Who changed what of the offer and its co-sell profile, newest first, a page at a time. */
export function HistoryPanel({ offerId }: { offerId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const history = useOfferHistory(offerId);
  const words = useMessageWords();
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className={styles.root} aria-labelledby="history-heading" data-testid="history-panel">
      <SubHeading level={1} id="history-heading">
        {t('history.heading')}
      </SubHeading>
      {history.isPending && <LoadingState />}
      {history.isError && <QueryError error={history.error} onRetry={() => void history.refetch()} />}
      {history.isSuccess && entries.length === 0 && <Text>{t('history.empty')}</Text>}
      {entries.length > 0 && (
        <ol className={styles.list}>
          {entries.map((entry) => (
            <HistoryEntryItem key={entry.id} entry={entry} words={words} />
          ))}
        </ol>
      )}
      {history.hasNextPage && (
        <div>
          <Button
            onClick={() => void history.fetchNextPage()}
            disabled={history.isFetchingNextPage}
            data-testid="history-load-more"
          >
            {history.isFetchingNextPage ? t('app.loading') : t('history.loadMore')}
          </Button>
        </div>
      )}
    </section>
  );
}
