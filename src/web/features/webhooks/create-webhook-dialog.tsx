import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventType } from '../../../domain/events/event-types.js';
import { EventTypePicker } from './event-type-picker.js';
import { WebhookError } from './webhook-error.js';
import { useCreateWebhook, type WebhookScope } from './webhook-queries.js';
import { WebhookSecretPanel } from './webhook-secret-panel.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/**
 * "Add endpoint" opens a form; after success the same dialog shows the signing secret until it is closed.
 * Mounted only while open, as the token dialog is, so a page holds no focus-trap sentinels until then.
 */
export function CreateWebhookDialog({ scope }: { scope: WebhookScope }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const openerRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<EventType[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const create = useCreateWebhook(scope);

  function close() {
    setOpen(false);
    // The secret is forgotten as the dialog closes: it is never shown again.
    setSecret(null);
    setUrl('');
    setDescription('');
    setEventTypes([]);
    create.reset();
    openerRef.current?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const created = await create
      .mutateAsync({ url: url.trim(), description: description.trim(), eventTypes })
      .catch(() => null);
    if (created) setSecret(created.secret);
  }

  return (
    <>
      <Button
        ref={openerRef}
        appearance="primary"
        icon={<AddRegular />}
        onClick={() => setOpen(true)}
        data-testid="create-webhook-button"
      >
        {t('webhooks.add')}
      </Button>
      {open && (
        <Dialog
          open
          onOpenChange={(_event, data) => !data.open && close()}
          modalType={secret ? 'alert' : 'modal'}
        >
          <DialogSurface aria-describedby={undefined}>
            {secret ? (
              <WebhookSecretPanel title={t('webhooks.secret.createdTitle')} secret={secret} />
            ) : (
              <form onSubmit={(event) => void submit(event)} noValidate data-testid="create-webhook-form">
                <DialogBody>
                  <DialogTitle>{t('webhooks.add')}</DialogTitle>
                  <DialogContent className={styles.content}>
                    {create.isError && <WebhookError error={create.error} />}
                    <Field label={t('webhooks.form.url')} hint={t('webhooks.form.urlHint')} required>
                      <Input
                        type="url"
                        value={url}
                        onChange={(_event, data) => setUrl(data.value)}
                        autoComplete="off"
                        data-testid="webhook-url"
                      />
                    </Field>
                    <Field label={t('webhooks.form.description')}>
                      <Input
                        value={description}
                        maxLength={500}
                        onChange={(_event, data) => setDescription(data.value)}
                      />
                    </Field>
                    <EventTypePicker value={eventTypes} onChange={setEventTypes} />
                  </DialogContent>
                  <DialogActions>
                    <DialogTrigger disableButtonEnhancement>
                      <Button appearance="secondary">{t('webhooks.cancel')}</Button>
                    </DialogTrigger>
                    <Button type="submit" appearance="primary" disabled={create.isPending}>
                      {create.isPending ? t('webhooks.form.adding') : t('webhooks.add')}
                    </Button>
                  </DialogActions>
                </DialogBody>
              </form>
            )}
          </DialogSurface>
        </Dialog>
      )}
    </>
  );
}
