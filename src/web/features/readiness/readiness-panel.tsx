import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { SubHeading } from '../../components/headings.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { useOffer } from '../offers/offer-queries.js';
import { useReadiness, useSubmissions } from './readiness-queries.js';
import { ReadinessTierView } from './readiness-tier.js';
import { standingReasons } from './rejection-reasons.js';
import { SubmissionStatus } from './submission-status.js';
import { SubmitForReview } from './submit-for-review.js';
import { useFixNavigation } from './use-fix-navigation.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { maxWidth: '80ch', color: tokens.colorNeutralForeground2 },
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
  const fix = useFixNavigation(offerId, offer.data?.data.organizationId);

  const latest = submissions.data?.[0];
  const report = readiness.data;
  const reasons = standingReasons(submissions.data);

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
            <SubmitForReview
              offerId={offerId}
              isReady={report.canSubmit}
              latest={latest}
              isLoaded={submissions.isSuccess}
            />
          )}
          <div className={styles.tiers}>
            {report.tiers.map((tier) => (
              <ReadinessTierView key={tier.id} tier={tier} canFix={canWrite} onFix={fix} reasons={reasons} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
