import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CoSellStatus, ReadinessReport } from '../../../domain/readiness/readiness-types.js';
import type { Submission } from '../../../domain/schemas/reviews.js';
import { useFormatDateTime } from '../../components/use-format-date-time.js';
import { CoSellStatusBadge } from '../offers/offer-badges.js';
import { useReadinessMessages } from './use-readiness-messages.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

interface SubmissionStatusProps {
  status: CoSellStatus;
  latest: Submission | undefined;
  /** The report the status comes from: an approval that no longer gives co-sell ready says why from it. */
  report?: ReadinessReport;
}

const NOT_READY: readonly CoSellStatus[] = ['NotCoSellReady', 'InReview'];

/** The offer's co-sell status, and what became of its latest submission (a rejection says what to fix). */
export function SubmissionStatus({ status, latest, report }: SubmissionStatusProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();
  const { texts } = useReadinessMessages();
  // An approval beside a status below co-sell ready is no success: say whether it still holds, and why not.
  const readyItems = report?.tiers.find((tier) => tier.id === 'CoSellReady')?.items ?? [];
  const approval = readyItems.find((item) => item.id === 'approved');
  const missing = readyItems.find((item) => !item.met && item.id !== 'approved');
  const approvalEnded = latest?.status === 'approved' && NOT_READY.includes(status);
  const why =
    approval && !approval.met ? texts(approval).reason : missing ? texts(missing).reason : undefined;
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
      {latest?.status === 'withdrawn' && latest.withdrawn && (
        <Text data-testid="submission-withdrawn">
          {t('readiness.submission.withdrawn', {
            date: formatDateTime(latest.withdrawn.at),
            name: latest.withdrawn.by.name,
          })}
        </Text>
      )}
      {latest?.status === 'approved' && (
        <MessageBar
          intent={approvalEnded ? 'warning' : 'success'}
          layout="multiline"
          data-testid="submission-approved"
          data-holds={!approvalEnded}
        >
          <MessageBarBody>
            <MessageBarTitle>
              {approvalEnded
                ? approval?.met
                  ? t('readiness.submission.approvedNotReadyTitle')
                  : t('readiness.submission.approvalEndedTitle')
                : t('readiness.submission.approvedTitle')}
            </MessageBarTitle>
            {t('readiness.submission.decided', {
              date: formatDateTime(latest.decision?.at ?? latest.submittedAt),
              name: latest.decision?.by.name ?? t('readiness.submission.aReviewer'),
            })}
            {latest.decision?.comment
              ? ` ${t('readiness.submission.comment', { comment: latest.decision.comment })}`
              : ''}
            {approvalEnded && (
              <div data-testid="approval-ended">
                {why
                  ? approval?.met
                    ? t('readiness.submission.stillHolds', { reason: why })
                    : why
                  : t('readiness.submission.changedSinceApproval')}
              </div>
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
            {latest.decision && latest.decision.reasons.length > 0 && (
              <div data-testid="rejection-reasons-note">
                {t('readiness.submission.reasonsBeside', { count: latest.decision.reasons.length })}
              </div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
