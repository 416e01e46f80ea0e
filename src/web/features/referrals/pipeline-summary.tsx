import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ReferralSummary } from '../../../domain/schemas/referrals.js';
import { useReferralLabels } from './use-referral-labels.js';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  count: { fontWeight: tokens.fontWeightSemibold },
});

const ORDER = ['Received', 'Pending', 'Accepted', 'Won', 'Lost', 'Declined', 'Expired'];

/** The pipeline by status: how many deals, and their value per currency. */
export function PipelineSummary({ summary }: { summary: ReferralSummary }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useReferralLabels();
  const groups = [...summary.groups].sort((a, b) => ORDER.indexOf(a.substatus) - ORDER.indexOf(b.substatus));
  if (groups.length === 0) return null;
  return (
    <ul className={styles.list} data-testid="pipeline-summary">
      {groups.map((group) => (
        <li
          key={`${group.status}-${group.substatus}`}
          className={styles.item}
          data-testid={`summary-${group.substatus}`}
        >
          <Caption1>{labels.statusLabel(group.status, group.substatus)}</Caption1>
          <Body1 className={styles.count}>{t('referrals.pipeline.count', { count: group.count })}</Body1>
          {group.totals.map((total) => (
            <Caption1 key={total.currency}>{labels.money(total.dealValue, total.currency)}</Caption1>
          ))}
        </li>
      ))}
    </ul>
  );
}
