import {
  Badge,
  Body1,
  Button,
  Caption1,
  Link,
  makeStyles,
  Subtitle1,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { DocumentBulletListRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  type Referral,
  type ReferralFilter,
  ReferralFilterSchema,
} from '../../../domain/schemas/referrals.js';
import { EmptyState } from '../../components/empty-state.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { RouterLink } from '../../components/router-link.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { PipelineFilters } from './pipeline-filters.js';
import { PipelineSummary } from './pipeline-summary.js';
import { exportUrl, usePipeline, usePipelineSummary } from './referral-queries.js';
import { useReferralLabels } from './use-referral-labels.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1100px' },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  side: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: tokens.spacingVerticalXXS },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  toolbar: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
});

/** The filter in the address, so a reload or a shared link keeps it; anything unknown is left out. */
function readFilter(params: URLSearchParams): ReferralFilter {
  const parsed = ReferralFilterSchema.safeParse(Object.fromEntries(params));
  return parsed.success ? parsed.data : {};
}

/** The pipeline: the referrals the reader is a party to, by status with counts and sums, filtered, paged. */
export function PipelinePage() {
  const { t } = useTranslation();
  const styles = useStyles();
  usePageTitle(t('referrals.pipeline.title'));
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => readFilter(params), [params]);
  const pipeline = usePipeline(filter);
  const summary = usePipelineSummary(filter);
  const items = pipeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className={styles.page} aria-labelledby="pipeline-title" data-testid="pipeline">
      <Title1 as="h1" id="pipeline-title">
        {t('referrals.pipeline.title')}
      </Title1>
      <Body1>{t('referrals.pipeline.intro')}</Body1>
      <PipelineFilters
        key={params.toString()}
        filter={filter}
        onApply={(next) =>
          setParams(new URLSearchParams(Object.entries(next).map(([k, v]) => [k, String(v)])))
        }
      />
      <section aria-labelledby="pipeline-summary-heading">
        <Subtitle1 as="h2" id="pipeline-summary-heading">
          {t('referrals.pipeline.summaryHeading')}
        </Subtitle1>
        {summary.data && <PipelineSummary summary={summary.data} />}
      </section>
      <section aria-labelledby="pipeline-list-heading" className={styles.page}>
        <div className={styles.toolbar}>
          <Subtitle1 as="h2" id="pipeline-list-heading">
            {t('referrals.pipeline.listHeading')}
          </Subtitle1>
          <Link href={exportUrl(filter)} download="referrals.csv" data-testid="pipeline-export">
            {t('referrals.pipeline.export')}
          </Link>
        </div>
        {pipeline.isPending ? (
          <LoadingState />
        ) : pipeline.isError ? (
          <QueryError error={pipeline.error} onRetry={() => void pipeline.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<DocumentBulletListRegular />}
            title={t('referrals.pipeline.none')}
            testId="pipeline-empty"
          >
            {t('referrals.pipeline.noneHint')}
          </EmptyState>
        ) : (
          <ul className={styles.list} data-testid="pipeline-list">
            {items.map((referral) => (
              <PipelineItem key={referral.id} referral={referral} />
            ))}
          </ul>
        )}
        {pipeline.hasNextPage && (
          <Button onClick={() => void pipeline.fetchNextPage()} disabled={pipeline.isFetchingNextPage}>
            {t('referrals.pipeline.showMore')}
          </Button>
        )}
      </section>
    </section>
  );
}

function PipelineItem({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useReferralLabels();
  const { customerProfile: customer, details } = referral;
  return (
    <li className={styles.item} data-testid="pipeline-item" data-referral-id={referral.id}>
      <div className={styles.main}>
        <RouterLink to={`/referrals/${encodeURIComponent(referral.id)}`} className={styles.name}>
          {referral.name}
        </RouterLink>
        <Caption1>
          {t('referrals.pipeline.customer', {
            customer: customer.name,
            country: labels.countryName(customer.address.country),
          })}
        </Caption1>
        <Caption1>
          {t(`referrals.directions.${referral.direction}`, { organization: referral.organizationName })}
        </Caption1>
      </div>
      <div className={styles.side}>
        <Badge appearance="tint" data-testid="pipeline-item-status">
          {labels.statusLabel(referral.status, referral.substatus)}
        </Badge>
        <Body1>{labels.money(details.dealValue, details.currency)}</Body1>
        <Caption1>
          {t('referrals.pipeline.created', { date: labels.formatDate(referral.createdDateTime) })}
        </Caption1>
      </div>
    </li>
  );
}
