import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { CommentErrorRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  reason: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorStatusWarningBorderActive,
    backgroundColor: tokens.colorStatusWarningBackground1,
    overflowWrap: 'anywhere',
  },
  icon: { flexShrink: 0, marginTop: '2px', fontSize: '16px' },
});

/** A reviewer's reason for rejecting the submission, beside the item it concerns: in words, not colour alone. */
export function ItemReason({ reason }: { reason: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.reason} data-testid="item-reason">
      <CommentErrorRegular aria-hidden="true" className={styles.icon} />
      <Text size={200}>{t('readiness.reviewerReason', { reason })}</Text>
    </div>
  );
}
