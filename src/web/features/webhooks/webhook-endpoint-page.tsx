import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Subtitle1,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular, SendRegular } from '@fluentui/react-icons';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { WebhookEndpoint } from '../../../domain/schemas/webhooks.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { RouterLink } from '../../components/router-link.js';
import { useFormatDateTime } from '../../components/use-format-date-time.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { DeliveryLog } from './delivery-log.js';
import { RotateSecretDialog } from './rotate-secret-dialog.js';
import { WebhookError } from './webhook-error.js';
import {
  useDeleteWebhook,
  useSendToEndpoint,
  useUpdateWebhook,
  useWebhook,
  webhooksPath,
} from './webhook-queries.js';
import { WebhookStatus } from './webhook-status.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  url: { overflowWrap: 'anywhere' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    '& dt': { color: tokens.colorNeutralForeground2 },
    '& dd': { margin: 0, overflowWrap: 'anywhere', minWidth: 0 },
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  replay: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

function EndpointDetails({ endpoint, etag }: { endpoint: WebhookEndpoint; etag: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const navigate = useNavigate();
  const formatDateTime = useFormatDateTime();
  const update = useUpdateWebhook(endpoint.id);
  const remove = useDeleteWebhook(endpoint.id);
  const { test, replaySince } = useSendToEndpoint(endpoint.id);
  const [deleting, setDeleting] = useState(false);
  const [since, setSince] = useState('');
  const back = webhooksPath(endpoint.organizationId);

  async function confirmDelete() {
    const done = await remove.mutateAsync(etag).then(
      () => true,
      () => false,
    );
    if (done) navigate(back);
  }

  function submitReplay(event: FormEvent) {
    event.preventDefault();
    const at = new Date(since);
    if (!Number.isNaN(at.getTime())) replaySince.mutate(at.toISOString());
  }

  const failure = update.error ?? test.error ?? replaySince.error;
  return (
    <>
      <Title1 as="h1" className={styles.url}>
        {endpoint.url}
      </Title1>
      <RouterLink to={back}>{t('webhooks.back')}</RouterLink>
      <dl className={styles.facts}>
        <dt>{t('webhooks.columns.status')}</dt>
        <dd>
          <WebhookStatus endpoint={endpoint} />
        </dd>
        <dt>{t('webhooks.columns.description')}</dt>
        <dd>{endpoint.description || '—'}</dd>
        <dt>{t('webhooks.columns.events')}</dt>
        <dd className={styles.mono}>
          {endpoint.eventTypes.length === 0 ? t('webhooks.allEvents') : endpoint.eventTypes.join(', ')}
        </dd>
        <dt>{t('webhooks.fields.secret')}</dt>
        <dd className={styles.mono}>{endpoint.secretPrefix}…</dd>
        {endpoint.previousSecretExpiresAt && (
          <>
            <dt>{t('webhooks.fields.overlap')}</dt>
            <dd>{formatDateTime(endpoint.previousSecretExpiresAt)}</dd>
          </>
        )}
        {endpoint.failingSince && (
          <>
            <dt>{t('webhooks.fields.failingSince')}</dt>
            <dd>{formatDateTime(endpoint.failingSince)}</dd>
          </>
        )}
      </dl>
      {failure && <WebhookError error={failure} />}
      {test.isSuccess && (
        <MessageBar intent="success">
          <MessageBarBody>{t('webhooks.testQueued')}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={update.isPending}
          onClick={() => update.mutate({ etag, change: { enabled: !endpoint.enabled } })}
          data-testid="webhook-toggle"
        >
          {endpoint.enabled ? t('webhooks.disable') : t('webhooks.enable')}
        </Button>
        <Button
          icon={<SendRegular />}
          disabled={!endpoint.enabled || test.isPending}
          onClick={() => test.mutate()}
        >
          {t('webhooks.sendTest')}
        </Button>
        <RotateSecretDialog endpointId={endpoint.id} />
        <Button icon={<DeleteRegular />} onClick={() => setDeleting(true)}>
          {t('webhooks.delete.open')}
        </Button>
      </div>
      <Subtitle1 as="h2">{t('webhooks.deliveries.title')}</Subtitle1>
      <form className={styles.replay} onSubmit={submitReplay} noValidate>
        <Field label={t('webhooks.replaySince.label')} hint={t('webhooks.replaySince.hint')}>
          <Input type="datetime-local" value={since} onChange={(_event, data) => setSince(data.value)} />
        </Field>
        <Button type="submit" disabled={!endpoint.enabled || since === '' || replaySince.isPending}>
          {t('webhooks.replaySince.submit')}
        </Button>
      </form>
      <div aria-live="polite">
        {replaySince.isSuccess && t('webhooks.replaySince.queued', { count: replaySince.data.queued })}
      </div>
      <DeliveryLog endpointId={endpoint.id} />
      {deleting && (
        <ConfirmDialog
          title={t('webhooks.delete.title')}
          error={remove.isError && <WebhookError error={remove.error} />}
          cancelLabel={t('webhooks.cancel')}
          confirmLabel={t('webhooks.delete.confirm')}
          pendingLabel={t('webhooks.delete.pending')}
          isPending={remove.isPending}
          onConfirm={() => void confirmDelete()}
          onClose={() => {
            remove.reset();
            setDeleting(false);
          }}
          confirmTestId="confirm-delete-webhook"
        >
          {t('webhooks.delete.body', { url: endpoint.url })}
        </ConfirmDialog>
      )}
    </>
  );
}

/** /webhooks/:endpointId: an endpoint's settings, its secret's rotation, test events, replays and log. */
export function WebhookEndpointPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { endpointId = '' } = useParams();
  const webhook = useWebhook(endpointId);
  usePageTitle(t('webhooks.endpointTitle'));
  return (
    <div className={styles.page}>
      {webhook.isPending && <LoadingState />}
      {webhook.isError && <QueryError error={webhook.error} onRetry={() => void webhook.refetch()} />}
      {webhook.isSuccess && <EndpointDetails endpoint={webhook.data.data} etag={webhook.data.etag ?? '*'} />}
    </div>
  );
}
