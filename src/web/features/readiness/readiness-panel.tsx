import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { SendRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { SubHeading } from '../../components/headings.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { useOffer } from '../offers/offer-queries.js';
import {
  useReadiness,
  useRefreshReadinessOnWrites,
  useSubmissions,
  useSubmitForReview,
} from './readiness-queries.js';
import { ReadinessTierView } from './readiness-tier.js';
import { SubmissionStatus } from './submission-status.js';
import { useFixNavigation } from './use-fix-navigation.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { maxWidth: '80ch', color: tokens.colorNeutralForeground2 },
  submit: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground2 },
  tiers: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface ReadinessPanelProps {
  offerId: string;
  /** Owners and editors fix items and submit; viewers read. */
  canWrite: boolean;
}

/**
 * What co-sell readiness still needs, tier by tier, with a Fix button that goes to the place to change
 * it, and the submission for review once everything a publisher can do is done.
 */
export function ReadinessPanel({ offerId, canWrite }: ReadinessPanelProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const readiness = useReadiness(offerId);
  const submissions = useSubmissions(offerId);
  const offer = useOffer(offerId);
  const submit = useSubmitForReview(offerId);
  const fix = useFixNavigation(offer.data?.data.organizationId);
  useRefreshReadinessOnWrites(offerId);

  const latest = submissions.data?.[0];
  const isPending = latest?.status === 'pending';
  const report = readiness.data;
  const canSubmit = Boolean(report?.canSubmit) && submissions.isSuccess && !isPending && !submit.isPending;
  const issues = isApiError(submit.error) ? submit.error.issues.map((issue) => issue.message) : [];

  return (
    <section
      id="section-readiness"
      className={styles.section}
      aria-labelledby="readiness-heading"
      data-testid="readiness-panel"
    >
      <SubHeading level={1} id="readiness-heading">
        {t('readiness.heading')}
      </SubHeading>
      <Text className={styles.intro}>{t('readiness.intro')}</Text>
      {readiness.isPending && <LoadingState />}
      {readiness.isError && <QueryError error={readiness.error} onRetry={() => void readiness.refetch()} />}
      {submissions.isError && (
        <QueryError error={submissions.error} onRetry={() => void submissions.refetch()} />
      )}
      {report && (
        <>
          <SubmissionStatus status={report.status} latest={latest} report={report} />
          {canWrite && (
            <div className={styles.submit}>
              <Button
                appearance="primary"
                icon={<SendRegular />}
                disabled={!canSubmit}
                onClick={() => submit.mutate()}
                data-testid="submit-for-review"
              >
                {submit.isPending ? t('readiness.submitting') : t('readiness.submit')}
              </Button>
              <Text className={styles.hint} data-testid="submit-hint">
                {isPending
                  ? t('readiness.submitHintPending')
                  : report.canSubmit
                    ? t('readiness.submitHintReady')
                    : t('readiness.submitHintNotReady')}
              </Text>
            </div>
          )}
          {submit.isError && (
            <ApiErrorMessage error={submit.error} title={t('readiness.submitFailed')} details={issues} />
          )}
          <div className={styles.tiers}>
            {report.tiers.map((tier) => (
              <ReadinessTierView key={tier.id} tier={tier} canFix={canWrite} onFix={fix} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
