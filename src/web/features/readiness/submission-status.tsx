import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CoSellStatus } from '../../../domain/readiness/readiness-types.js';
import type { Submission } from '../../../domain/schemas/reviews.js';
import { useFormatDateTime } from '../../components/use-format-date-time.js';
import { CoSellStatusBadge } from '../offers/offer-badges.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

interface SubmissionStatusProps {
  status: CoSellStatus;
  latest: Submission | undefined;
}

/** The offer's co-sell status, and what became of its latest submission (a rejection says what to fix). */
export function SubmissionStatus({ status, latest }: SubmissionStatusProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();
  // A pending submission is "In review" even before the report is fetched again.
  const shown: CoSellStatus =
    latest?.status === 'pending' && status === 'NotCoSellReady' ? 'InReview' : status;
  return (
    <div className={styles.root} data-testid="submission-status" data-status={shown}>
      <div className={styles.line}>
        <Text weight="semibold">{t('readiness.statusLabel')}</Text>
        <CoSellStatusBadge status={shown} />
      </div>
      {latest?.status === 'pending' && (
        <Text data-testid="submission-pending">
          {t('readiness.submission.pending', {
            date: formatDateTime(latest.submittedAt),
            name: latest.submittedBy.name,
          })}
        </Text>
      )}
      {latest?.status === 'approved' && (
        <MessageBar intent="success" layout="multiline" data-testid="submission-approved">
          <MessageBarBody>
            <MessageBarTitle>{t('readiness.submission.approvedTitle')}</MessageBarTitle>
            {t('readiness.submission.decided', {
              date: formatDateTime(latest.decision?.at ?? latest.submittedAt),
              name: latest.decision?.by.name ?? t('readiness.submission.aReviewer'),
            })}
            {latest.decision?.comment
              ? ` ${t('readiness.submission.comment', { comment: latest.decision.comment })}`
              : ''}
            {(status === 'NotCoSellReady' || status === 'InReview') && (
              <div>{t('readiness.submission.changedSinceApproval')}</div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {latest?.status === 'rejected' && (
        <MessageBar intent="warning" layout="multiline" data-testid="submission-rejected">
          <MessageBarBody>
            <MessageBarTitle>{t('readiness.submission.rejectedTitle')}</MessageBarTitle>
            {t('readiness.submission.decided', {
              date: formatDateTime(latest.decision?.at ?? latest.submittedAt),
              name: latest.decision?.by.name ?? t('readiness.submission.aReviewer'),
            })}
            {latest.decision?.comment && (
              <div data-testid="rejection-comment">
                {t('readiness.submission.whatToFix', { comment: latest.decision.comment })}
              </div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
