import {
  Body1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Subtitle1,
  Subtitle2,
  Text,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { reasonableItems } from '../../../domain/reviews/item-reasons.js';
import { isApiError } from '../../api/api-error.js';
import { useReference } from '../../api/reference-queries.js';
import { NotFoundPage } from '../../components/not-found-page.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { RouterLink } from '../../components/router-link.js';
import { useFormatDateTime } from '../../components/use-format-date-time.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { ReadinessTierView } from '../readiness/readiness-tier.js';
import { RejectedItems } from './rejected-items.js';
import { ReviewDecisionForm } from './review-decision-form.js';
import { useReview } from './review-queries.js';
import { SubmissionChanges } from './submission-changes.js';
import { SubmittedContacts } from './submitted-contacts.js';
import { SubmittedDocuments } from './submitted-documents.js';
import { SubmittedProfile } from './submitted-profile.js';
import { useContentLabels } from './use-content-labels.js';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  meta: { color: tokens.colorNeutralForeground2 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  note: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

/**
 * One submission: the publisher's note, what changed since the last decision, what was submitted (in words,
 * with its files), how the offer stands now, and the decision.
 */
export function ReviewPage() {
  const { submissionId = '' } = useParams();
  const { t } = useTranslation();
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();
  const review = useReview(submissionId);
  const reference = useReference();
  const labels = useContentLabels(review.data?.content.listing?.taxonomyVersion);
  usePageTitle(
    review.data ? t('reviews.page.title', { offer: review.data.offerName }) : t('reviews.heading'),
  );
  if (review.isPending || reference.isPending) return <LoadingState />;
  if (review.isError || reference.isError) {
    if (isApiError(review.error) && review.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <Title1 as="h1">{t('reviews.heading')}</Title1>
        <QueryError
          error={review.error ?? reference.error}
          onRetry={() => void (review.isError ? review.refetch() : reference.refetch())}
        />
      </>
    );
  }
  const { submission, offerName, organizationName, snapshot, content, current } = review.data;
  const changed = snapshot.report.fingerprint !== current.fingerprint;
  const revenue = content.organization.azureConsumedRevenue;
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
      {submission.note && (
        <MessageBar intent="info" layout="multiline" data-testid="review-note">
          <MessageBarBody>
            <MessageBarTitle>{t('reviews.page.note', { name: submission.submittedBy.name })}</MessageBarTitle>
            <span className={styles.note}>{submission.note}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      {changed && (
        <MessageBar intent="warning" data-testid="review-changed">
          <MessageBarBody>{t('reviews.page.changed')}</MessageBarBody>
        </MessageBar>
      )}
      {(review.data.changes || review.data.rejectedItems) && (
        <section className={styles.section} aria-labelledby="review-since-heading">
          <Subtitle1 as="h2" id="review-since-heading">
            {t('reviews.page.since')}
          </Subtitle1>
          {review.data.rejectedItems && <RejectedItems rejected={review.data.rejectedItems} />}
          {review.data.changes && (
            <SubmissionChanges changes={review.data.changes} labels={labels} reference={reference.data} />
          )}
        </section>
      )}
      <section
        className={styles.section}
        aria-labelledby="review-snapshot-heading"
        data-testid="snapshot-summary"
      >
        <Subtitle1 as="h2" id="review-snapshot-heading">
          {t('reviews.page.snapshot')}
        </Subtitle1>
        {content.partial && (
          <MessageBar intent="info" data-testid="review-partial">
            <MessageBarBody>{t('reviews.content.partial')}</MessageBarBody>
          </MessageBar>
        )}
        <SubmittedProfile content={content} labels={labels} />
        <SubmittedDocuments content={content} labels={labels} canOpen={review.data.canOpenDocuments} />
        <div className={styles.part}>
          <Subtitle2 as="h3">{t('reviews.content.externalUrl')}</Subtitle2>
          <Text data-testid="submitted-external-url">
            {content.externalReferenceUrl ? (
              <Link href={content.externalReferenceUrl} target="_blank" rel="noopener noreferrer">
                {content.externalReferenceUrl}
              </Link>
            ) : content.partial ? (
              t('reviews.content.notRecorded')
            ) : (
              t('reviews.content.none')
            )}
          </Text>
        </div>
        <SubmittedContacts content={content} labels={labels} reference={reference.data} />
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
            items={reasonableItems(snapshot.report)}
            revenue={revenue && !revenue.confirmedByReviewer ? revenue : null}
          />
        ) : (
          <Body1 data-testid="review-already-decided">{decidedText(submission)}</Body1>
        )}
      </section>
    </>
  );

  function decidedText(s: typeof submission): string {
    if (s.status === 'withdrawn')
      return t('reviews.page.wasWithdrawn', {
        date: formatDateTime(s.withdrawn?.at ?? s.submittedAt),
        name: s.withdrawn?.by.name ?? '',
      });
    return t(s.status === 'approved' ? 'reviews.page.wasApproved' : 'reviews.page.wasRejected', {
      date: formatDateTime(s.decision?.at ?? s.submittedAt),
      name: s.decision?.by.name ?? '',
    });
  }
}
