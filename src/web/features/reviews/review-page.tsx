import {
  Body1,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Subtitle1,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/api-error.js';
import { NotFoundPage } from '../../components/not-found-page.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { RouterLink } from '../../components/router-link.js';
import { useFormatDateTime } from '../../components/use-format-date-time.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { ReadinessTierView } from '../readiness/readiness-tier.js';
import { ReviewDecisionForm } from './review-decision-form.js';
import { useReview } from './review-queries.js';
import { SnapshotSummary, unconfirmedRevenue } from './snapshot-summary.js';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  meta: { color: tokens.colorNeutralForeground2 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** One submission: what was submitted, how the offer stands now, and the decision. */
export function ReviewPage() {
  const { submissionId = '' } = useParams();
  const { t } = useTranslation();
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();
  const review = useReview(submissionId);
  usePageTitle(
    review.data ? t('reviews.page.title', { offer: review.data.offerName }) : t('reviews.heading'),
  );
  if (review.isPending) return <LoadingState />;
  if (review.isError) {
    if (isApiError(review.error) && review.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <Title1 as="h1">{t('reviews.heading')}</Title1>
        <QueryError error={review.error} onRetry={() => void review.refetch()} />
      </>
    );
  }
  const { submission, offerName, organizationName, snapshot, current } = review.data;
  const changed = snapshot.report.fingerprint !== current.fingerprint;
  return (
    <>
      <div className={styles.header}>
        <RouterLink to="/reviews">{t('reviews.page.back')}</RouterLink>
        <Title1 as="h1">{t('reviews.page.title', { offer: offerName })}</Title1>
        <Body1 className={styles.meta}>
          {t('reviews.page.meta', {
            organization: organizationName,
            date: formatDateTime(submission.submittedAt),
            name: submission.submittedBy.name,
          })}
        </Body1>
      </div>
      {changed && (
        <MessageBar intent="warning" data-testid="review-changed">
          <MessageBarBody>{t('reviews.page.changed')}</MessageBarBody>
        </MessageBar>
      )}
      <section className={styles.section} aria-labelledby="review-snapshot-heading">
        <Subtitle1 as="h2" id="review-snapshot-heading">
          {t('reviews.page.snapshot')}
        </Subtitle1>
        <SnapshotSummary input={snapshot.input} report={snapshot.report} />
      </section>
      <section
        className={styles.section}
        aria-labelledby="review-current-heading"
        data-testid="review-readiness"
      >
        <Subtitle1 as="h2" id="review-current-heading">
          {t('reviews.page.current')}
        </Subtitle1>
        {current.tiers.map((tier) => (
          <ReadinessTierView key={tier.id} tier={tier} canFix={false} onFix={() => undefined} />
        ))}
      </section>
      <section className={styles.section} aria-labelledby="review-decision-heading">
        <Subtitle1 as="h2" id="review-decision-heading">
          {t('reviews.page.decision')}
        </Subtitle1>
        {submission.status === 'pending' ? (
          <ReviewDecisionForm
            submissionId={submission.id}
            offerName={offerName}
            revenue={unconfirmedRevenue(snapshot.input)}
          />
        ) : (
          <Body1 data-testid="review-already-decided">
            {t(submission.status === 'approved' ? 'reviews.page.wasApproved' : 'reviews.page.wasRejected', {
              date: formatDateTime(submission.decision?.at ?? submission.submittedAt),
              name: submission.decision?.by.name ?? '',
            })}
          </Body1>
        )}
      </section>
    </>
  );
}
