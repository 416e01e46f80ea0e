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
import { ArrowSyncRegular } from '@fluentui/react-icons';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WebhookError } from './webhook-error.js';
import { useRotateSecret } from './webhook-queries.js';
import { WebhookSecretPanel } from './webhook-secret-panel.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** A new signing secret, with the hours the old one keeps signing beside it; the new one is shown once. */
export function RotateSecretDialog({ endpointId }: { endpointId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const openerRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [hours, setHours] = useState('24');
  const [secret, setSecret] = useState<string | null>(null);
  const rotate = useRotateSecret(endpointId);

  function close() {
    setOpen(false);
    setSecret(null);
    setHours('24');
    rotate.reset();
    openerRef.current?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const rotated = await rotate.mutateAsync(Number(hours)).catch(() => null);
    if (rotated) setSecret(rotated.secret);
  }

  return (
    <>
      <Button ref={openerRef} icon={<ArrowSyncRegular />} onClick={() => setOpen(true)}>
        {t('webhooks.rotate.open')}
      </Button>
      {open && (
        <Dialog
          open
          onOpenChange={(_event, data) => !data.open && close()}
          modalType={secret ? 'alert' : 'modal'}
        >
          <DialogSurface aria-describedby={undefined}>
            {secret ? (
              <WebhookSecretPanel title={t('webhooks.secret.rotatedTitle')} secret={secret} />
            ) : (
              <form onSubmit={(event) => void submit(event)} noValidate>
                <DialogBody>
                  <DialogTitle>{t('webhooks.rotate.title')}</DialogTitle>
                  <DialogContent className={styles.content}>
                    {rotate.isError && <WebhookError error={rotate.error} />}
                    <Field label={t('webhooks.rotate.overlap')} hint={t('webhooks.rotate.overlapHint')}>
                      <Input
                        type="number"
                        min={0}
                        max={168}
                        value={hours}
                        onChange={(_event, data) => setHours(data.value)}
                      />
                    </Field>
                  </DialogContent>
                  <DialogActions>
                    <DialogTrigger disableButtonEnhancement>
                      <Button appearance="secondary">{t('webhooks.cancel')}</Button>
                    </DialogTrigger>
                    <Button type="submit" appearance="primary" disabled={rotate.isPending}>
                      {t('webhooks.rotate.submit')}
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
