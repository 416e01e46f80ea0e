import { Badge, Button, makeStyles, ProgressBar, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular, WrenchRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ReadinessItem, ReadinessTier } from '../../../domain/readiness/readiness-types.js';
import { ItemReason } from './item-reason.js';
import { useReadinessLabels } from './use-readiness-labels.js';
import { useReadinessMessages } from './use-readiness-messages.js';

const useStyles = makeStyles({
  tier: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  summary: { color: tokens.colorNeutralForeground2 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  item: {
    listStyle: 'none',
    display: 'grid',
    gridTemplateColumns: 'auto 1fr auto',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
    paddingBlock: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  icon: { fontSize: '20px', marginTop: '2px' },
  metIcon: { color: tokens.colorPaletteGreenForeground1 },
  unmetIcon: { color: tokens.colorNeutralForeground3 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  titleLine: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  detail: { color: tokens.colorNeutralForeground2 },
});

interface ReadinessTierViewProps {
  tier: ReadinessTier;
  /** Whether Fix buttons are offered (owners and editors). */
  canFix: boolean;
  onFix: (item: ReadinessItem) => void;
  /** A rejection's reasons by item id: each is shown beside its item, which the publisher may then fix. */
  reasons?: ReadonlyMap<string, string> | undefined;
}

/** One tier: how many of its items are met (text and bar), then every item with what to do about it. */
export function ReadinessTierView({ tier, canFix, onFix, reasons }: ReadinessTierViewProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { statusLabel } = useReadinessLabels();
  const met = tier.items.filter((item) => item.met).length;
  const total = tier.items.length;
  const headingId = `readiness-tier-heading-${tier.id}`;
  const summaryId = `readiness-tier-summary-${tier.id}`;
  return (
    <section className={styles.tier} aria-labelledby={headingId} data-testid={`readiness-tier-${tier.id}`}>
      <div className={styles.head}>
        <Subtitle2 as="h3" id={headingId}>
          {statusLabel(tier.id) === tier.id ? tier.label : statusLabel(tier.id)}
        </Subtitle2>
        <Badge
          appearance={tier.met ? 'filled' : 'outline'}
          color={tier.met ? 'success' : 'informative'}
          data-testid="tier-state"
        >
          {tier.met ? t('readiness.tierMet') : t('readiness.tierNotMet')}
        </Badge>
      </div>
      <Text id={summaryId} className={styles.summary} data-testid="tier-summary">
        {t('readiness.metCount', { met, total })}
      </Text>
      <ProgressBar
        value={total === 0 ? 1 : met / total}
        color={tier.met ? 'success' : 'brand'}
        thickness="large"
        aria-labelledby={`${headingId} ${summaryId}`}
      />
      <ul className={styles.list}>
        {tier.items.map((item) => (
          <ReadinessItemRow
            key={item.id}
            item={item}
            canFix={canFix}
            onFix={onFix}
            reviewerReason={reasons?.get(item.id)}
          />
        ))}
      </ul>
    </section>
  );
}

/** Who takes an unmet item's action; reports frozen by an older engine have only byReviewer. */
function actionBy(item: ReadinessItem): 'publisher' | 'reviewer' {
  return item.actionBy ?? (item.byReviewer ? 'reviewer' : 'publisher');
}

function ReadinessItemRow({
  item,
  canFix,
  onFix,
  reviewerReason,
}: {
  item: ReadinessItem;
  canFix: boolean;
  onFix: (item: ReadinessItem) => void;
  reviewerReason: string | undefined;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { itemLabel } = useReadinessLabels();
  const { texts } = useReadinessMessages();
  const label = itemLabel(item.id);
  const { reason, action } = texts(item);
  // A met item the reviewer gave a reason for still has something to fix.
  const fixable =
    (!item.met || reviewerReason !== undefined) && !item.byReviewer && item.fix.section !== 'review';
  return (
    <li className={styles.item} data-testid={`readiness-item-${item.id}`} data-met={item.met}>
      {item.met ? (
        <CheckmarkCircleFilled aria-hidden="true" className={`${styles.icon} ${styles.metIcon}`} />
      ) : (
        <CircleRegular aria-hidden="true" className={`${styles.icon} ${styles.unmetIcon}`} />
      )}
      <div className={styles.body}>
        <div className={styles.titleLine}>
          <Text weight="semibold">{label}</Text>
          <Badge appearance="tint" color={item.met ? 'success' : 'warning'} data-testid="item-state">
            {item.met ? t('readiness.met') : t('readiness.notMet')}
          </Badge>
        </div>
        <Text size={200} className={styles.detail}>
          {reason}
        </Text>
        {reviewerReason !== undefined && <ItemReason reason={reviewerReason} />}
        {!item.met && (
          <Text size={200} data-testid="item-action">
            {actionBy(item) === 'reviewer'
              ? t('readiness.actionBy.reviewer', { action })
              : t('readiness.actionBy.publisher', { action })}
          </Text>
        )}
      </div>
      {fixable && canFix && (
        <Button
          size="small"
          icon={<WrenchRegular />}
          onClick={() => onFix(item)}
          aria-label={t('readiness.fixLabel', { item: label })}
          data-testid={`fix-${item.id}`}
        >
          {t('readiness.fix')}
        </Button>
      )}
    </li>
  );
}
