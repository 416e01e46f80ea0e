import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ReadinessReport } from '../../../domain/readiness/readiness-types.js';
import { useReadinessLabels } from '../readiness/use-readiness-labels.js';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  pair: { display: 'contents' },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
});

// The frozen readiness input, read leniently: a summary shows what it finds and skips what it does not.
const SnapshotInputSchema = z
  .object({
    organization: z
      .object({
        legalName: z.string().nullish(),
        partnerId: z.string().nullish(),
        azureConsumedRevenue: z
          .object({ amountUsd: z.number(), periodEnd: z.string(), confirmedByReviewer: z.boolean() })
          .nullish()
          .catch(undefined),
      })
      .partial()
      .nullish()
      .catch(undefined),
    offer: z
      .object({ offerType: z.string(), state: z.string(), markets: z.array(z.string()) })
      .partial()
      .nullish()
      .catch(undefined),
    listing: z
      .object({ platforms: z.array(z.string()), solutionType: z.string().nullish() })
      .partial()
      .nullish()
      .catch(undefined),
    documents: z
      .array(z.object({ slot: z.string() }))
      .nullish()
      .catch(undefined),
    contacts: z
      .array(z.object({ role: z.string() }))
      .nullish()
      .catch(undefined),
  })
  .partial();

/** The revenue attestation as submitted, when a reviewer has yet to confirm it. */
export function unconfirmedRevenue(input: unknown): { amountUsd: number; periodEnd: string } | null {
  const parsed = SnapshotInputSchema.safeParse(input);
  const revenue = parsed.success ? parsed.data.organization?.azureConsumedRevenue : null;
  return revenue && !revenue.confirmedByReviewer ? revenue : null;
}

interface SnapshotSummaryProps {
  input: unknown;
  report: ReadinessReport;
}

/** The profile as it was submitted: its key data and how many items of each tier were met. */
export function SnapshotSummary({ input, report }: SnapshotSummaryProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { statusLabel } = useReadinessLabels();
  const parsed = SnapshotInputSchema.safeParse(input);
  const data = parsed.success ? parsed.data : {};
  const none = t('reviews.snapshot.none');
  const rows: [string, string][] = [
    [t('reviews.snapshot.legalName'), data.organization?.legalName ?? none],
    [t('reviews.snapshot.partnerId'), data.organization?.partnerId ?? none],
    [t('reviews.snapshot.offerType'), data.offer?.offerType ?? none],
    [t('reviews.snapshot.markets'), data.offer?.markets?.join(', ') || none],
    [t('reviews.snapshot.platforms'), String(data.listing?.platforms?.length ?? 0)],
    [t('reviews.snapshot.documents'), data.documents?.map((d) => d.slot).join(', ') || none],
    [t('reviews.snapshot.contacts'), String(data.contacts?.length ?? 0)],
    ...report.tiers.map((tier): [string, string] => [
      statusLabel(tier.id),
      t('readiness.metCount', { met: tier.items.filter((i) => i.met).length, total: tier.items.length }),
    ]),
  ];
  return (
    <dl className={styles.list} data-testid="snapshot-summary">
      {rows.map(([term, value]) => (
        <div key={term} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>
            <Text>{value}</Text>
          </dd>
        </div>
      ))}
    </dl>
  );
}
