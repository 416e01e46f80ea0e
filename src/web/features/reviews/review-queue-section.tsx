import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { TaskListSquareLtrRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { EmptyState } from '../../components/empty-state.js';
import { SectionHeading, type SectionLevel } from '../../components/headings.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { useSectionStyles } from '../../components/section-styles.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useReviewQueue } from './review-queries.js';
import { ReviewQueueTable } from './review-queue-table.js';

/** What the review page leaves in the history state after a decision, for the queue to confirm it. */
export interface DecidedState {
  decided: { offerName: string; decision: 'approve' | 'reject' };
}

function isDecidedState(state: unknown): state is DecidedState {
  return typeof state === 'object' && state !== null && 'decided' in state;
}

/** Profiles waiting for a reviewer, oldest first. */
export function ReviewQueueSection({ level }: { level: SectionLevel }) {
  const { t } = useTranslation();
  const styles = useSectionStyles();
  const queue = useReviewQueue();
  const { state } = useLocation();
  const decided = isDecidedState(state) ? state.decided : null;
  return (
    <section className={styles.section} data-testid="review-queue-section">
      <SectionHeading level={level}>{t('reviews.heading')}</SectionHeading>
      {decided && (
        <MessageBar intent="success" data-testid="review-decided">
          <MessageBarBody>
            {decided.decision === 'approve'
              ? t('reviews.decidedApproved', { offer: decided.offerName })
              : t('reviews.decidedRejected', { offer: decided.offerName })}
          </MessageBarBody>
        </MessageBar>
      )}
      {queue.isPending && <LoadingState />}
      {queue.isError && <QueryError error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.isSuccess && queue.data.length === 0 && (
        <EmptyState
          icon={<TaskListSquareLtrRegular />}
          title={t('reviews.emptyTitle')}
          testId="review-queue-empty"
        >
          {t('reviews.emptyBody')}
        </EmptyState>
      )}
      {queue.isSuccess && queue.data.length > 0 && (
        <>
          <span className={styles.meta} data-testid="review-queue-count">
            {t('reviews.count', { count: queue.data.length })}
          </span>
          <ReviewQueueTable items={queue.data} />
        </>
      )}
    </section>
  );
}

export function ReviewQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('reviews.heading'));
  return <ReviewQueueSection level={1} />;
}
