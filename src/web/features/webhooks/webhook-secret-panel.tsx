import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  field: { flexGrow: 1, minWidth: 0 },
  secret: { fontFamily: tokens.fontFamilyMonospace },
});

/** A signing secret, shown once (after creating an endpoint or rotating its secret), with a copy button. */
export function WebhookSecretPanel({ title, secret }: { title: string; secret: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('copied');
    } catch {
      // Clipboard access needs a secure context; the read-only field still allows copying by hand.
      setCopied('failed');
    }
  }

  return (
    <DialogBody>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent className={styles.content}>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('webhooks.secret.warningTitle')}</MessageBarTitle>
            {t('webhooks.secret.warning')}
          </MessageBarBody>
        </MessageBar>
        <div className={styles.row}>
          <Field label={t('webhooks.secret.label')} className={styles.field}>
            <Input
              readOnly
              value={secret}
              input={{ className: styles.secret }}
              onFocus={(event) => event.currentTarget.select()}
              data-testid="webhook-secret-value"
            />
          </Field>
          <Button
            icon={copied === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
            onClick={() => void copy()}
          >
            {copied === 'copied' ? t('webhooks.secret.copied') : t('webhooks.secret.copy')}
          </Button>
        </div>
        <div aria-live="polite">{copied === 'failed' && t('webhooks.secret.copyFailed')}</div>
      </DialogContent>
      <DialogActions>
        <DialogTrigger disableButtonEnhancement>
          <Button appearance="primary">{t('webhooks.done')}</Button>
        </DialogTrigger>
      </DialogActions>
    </DialogBody>
  );
}
