import { Badge, Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { ArrowRepeatAllRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { WebhookDelivery } from '../../../domain/schemas/webhooks.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { useFormatDateTime } from '../../components/use-format-date-time.js';
import { WebhookError } from './webhook-error.js';
import { useDeliveries, useSendToEndpoint } from './webhook-queries.js';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  type: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    margin: 0,
    maxHeight: '16rem',
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalS,
  },
  attempts: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

const STATUS_COLOR = { pending: 'informative', delivered: 'success', failed: 'danger' } as const;

function DeliveryItem({
  delivery,
  onReplay,
  replaying,
}: {
  delivery: WebhookDelivery;
  onReplay: () => void;
  replaying: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();
  return (
    <li className={styles.item} data-testid="webhook-delivery">
      <div className={styles.line}>
        <span className={styles.type}>{delivery.eventType}</span>
        <Badge appearance="tint" color={STATUS_COLOR[delivery.status]}>
          {t(`webhooks.deliveries.status.${delivery.status}`)}
        </Badge>
        <Caption1 className={styles.muted}>{formatDateTime(delivery.createdAt)}</Caption1>
      </div>
      <Body1>
        {t('webhooks.deliveries.attempts', { count: delivery.attempts })}
        {delivery.nextAttemptAt &&
          ` · ${t('webhooks.deliveries.nextAttempt', { time: formatDateTime(delivery.nextAttemptAt) })}`}
        {delivery.lastError && ` · ${delivery.lastError}`}
      </Body1>
      <details>
        <summary>{t('webhooks.deliveries.details')}</summary>
        <Subtitle2 as="h3">{t('webhooks.deliveries.request')}</Subtitle2>
        <Caption1 className={styles.muted}>webhook-id: {delivery.messageId}</Caption1>
        <pre className={styles.code}>{delivery.body}</pre>
        {delivery.attemptLog.length > 0 && (
          <>
            <Subtitle2 as="h3">{t('webhooks.deliveries.attemptLog')}</Subtitle2>
            <ol className={styles.attempts}>
              {delivery.attemptLog.map((attempt) => (
                <li key={attempt.attempt}>
                  {t('webhooks.deliveries.attempt', {
                    time: formatDateTime(attempt.at),
                    result:
                      attempt.statusCode === null ? (attempt.error ?? '') : `HTTP ${attempt.statusCode}`,
                    duration: attempt.durationMs,
                  })}
                  {attempt.responseBody && <pre className={styles.code}>{attempt.responseBody}</pre>}
                </li>
              ))}
            </ol>
          </>
        )}
      </details>
      <div>
        <Button size="small" icon={<ArrowRepeatAllRegular />} onClick={onReplay} disabled={replaying}>
          {t('webhooks.deliveries.replay')}
        </Button>
      </div>
    </li>
  );
}

/** An endpoint's deliveries, newest first, each with its request, attempts and a replay button. */
export function DeliveryLog({ endpointId }: { endpointId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const deliveries = useDeliveries(endpointId);
  const { replay } = useSendToEndpoint(endpointId);
  if (deliveries.isPending) return <LoadingState />;
  if (deliveries.isError)
    return <QueryError error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  return (
    <>
      {replay.isError && <WebhookError error={replay.error} />}
      {deliveries.data.items.length === 0 ? (
        <Body1>{t('webhooks.deliveries.empty')}</Body1>
      ) : (
        <ul className={styles.list} aria-label={t('webhooks.deliveries.title')}>
          {deliveries.data.items.map((delivery) => (
            <DeliveryItem
              key={delivery.id}
              delivery={delivery}
              replaying={replay.isPending}
              onReplay={() => replay.mutate(delivery.id)}
            />
          ))}
        </ul>
      )}
    </>
  );
}
