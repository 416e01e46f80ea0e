import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { StatusEffect } from '../../../domain/schemas/status-effect.js';
import { formatReadinessParams, readinessMessageText } from './readiness-messages.js';
import { useReadinessLabels } from './use-readiness-labels.js';
import { useReadinessMessages } from './use-readiness-messages.js';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  reasons: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/**
 * What a change would do to the co-sell status, in words, before it is made: the status before and after,
 * why (the requirements it breaks), whether the offer leaves the catalogue and whether co-sell ready then
 * needs a new review. Nothing is shown for a change that does none of these.
 */
export function StatusEffectNotice({ effect }: { effect: StatusEffect }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { statusLabel } = useReadinessLabels();
  const { labels } = useReadinessMessages();
  if (!effect.needsConfirmation) return null;
  const content = formatReadinessParams({ categories: effect.changedContent.join(', ') }, labels).categories;
  // Taking an offer back to draft keeps the approval: publishing it again unchanged restores the status.
  const onlyDraft = effect.reasons.length > 0 && effect.reasons.every((r) => r.itemId === 'offerLive');
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="status-effect">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{t('readiness.effect.heading')}</MessageBarTitle>
        {effect.before !== effect.after && (
          <div data-testid="status-effect-change" data-before={effect.before} data-after={effect.after}>
            {t('readiness.effect.statusChange', {
              before: statusLabel(effect.before),
              after: statusLabel(effect.after),
            })}
          </div>
        )}
        {effect.reasons.length > 0 && (
          <div>
            {t('readiness.effect.because')}
            <ul className={styles.reasons} data-testid="status-effect-reasons">
              {effect.reasons.map((r) => (
                <li key={r.itemId} data-item={r.itemId}>
                  {readinessMessageText('reasons', r.reasonMessage, r.reason, labels)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {effect.leavesCatalogue && <div>{t('readiness.effect.leavesCatalogue')}</div>}
        {effect.startsNewReview && (
          <div data-testid="status-effect-review">
            {effect.before === 'InReview'
              ? t('readiness.effect.startsNewReviewPending', { content })
              : t('readiness.effect.startsNewReview', { content })}
          </div>
        )}
        {onlyDraft && !effect.startsNewReview && <div>{t('readiness.effect.returnsWhenPublished')}</div>}
      </MessageBarBody>
    </MessageBar>
  );
}
