import { Badge, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { RejectedItemsSchema } from '../../../domain/schemas/review-content.js';
import { useFormatDateTime } from '../../components/use-format-date-time.js';
import { useReadinessLabels } from '../readiness/use-readiness-labels.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  item: {
    listStyle: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  reason: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

type RejectedItems = z.infer<typeof RejectedItemsSchema>;

/** The previous rejection's reasons, each with whether the publisher changed that item since. */
export function RejectedItems({ rejected }: { rejected: RejectedItems }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();
  const { itemLabel } = useReadinessLabels();
  return (
    <section
      className={styles.root}
      aria-labelledby="review-rejected-heading"
      data-testid="review-rejected-items"
    >
      <Subtitle2 as="h3" id="review-rejected-heading">
        {t('reviews.rejectedItems.heading', {
          date: formatDateTime(rejected.decidedAt ?? rejected.submittedAt),
          name: rejected.decidedBy ?? t('readiness.submission.aReviewer'),
        })}
      </Subtitle2>
      {rejected.comment && <Text>{t('reviews.rejectedItems.comment', { comment: rejected.comment })}</Text>}
      <ul className={styles.list}>
        {rejected.items.map((item) => (
          <li
            key={item.itemId}
            className={styles.item}
            data-testid={`rejected-item-${item.itemId}`}
            data-changed={item.changed}
          >
            <span className={styles.title}>
              <Text weight="semibold">{itemLabel(item.itemId)}</Text>
              <Badge
                appearance="tint"
                color={item.changed ? 'success' : 'warning'}
                data-testid="rejected-item-state"
              >
                {item.changed ? t('reviews.rejectedItems.changed') : t('reviews.rejectedItems.unchanged')}
              </Badge>
            </span>
            <Text size={200} className={styles.reason}>
              {t('reviews.rejectedItems.reason', { reason: item.reason })}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
