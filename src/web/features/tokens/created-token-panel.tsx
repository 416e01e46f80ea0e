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
import type { CreatedToken } from '../../../domain/schemas/tokens.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  field: { flexGrow: 1 },
  secret: { fontFamily: tokens.fontFamilyMonospace },
});

type CopyState = 'idle' | 'copied' | 'failed';

/** The dialog's second step: the secret, shown once, with a copy button and a clear warning. */
export function CreatedTokenPanel({ token }: { token: CreatedToken }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [copyState, setCopyState] = useState<CopyState>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopyState('copied');
    } catch {
      // Clipboard access needs a secure context and permission; the read-only field still allows manual copy.
      setCopyState('failed');
    }
  }

  return (
    <DialogBody>
      <DialogTitle>{t('tokens.created.title')}</DialogTitle>
      <DialogContent className={styles.content}>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('tokens.created.warningTitle')}</MessageBarTitle>
            {t('tokens.created.warning')}
          </MessageBarBody>
        </MessageBar>
        <div className={styles.row}>
          <Field label={t('tokens.created.label')} className={styles.field}>
            <Input
              readOnly
              value={token.token}
              input={{ className: styles.secret }}
              onFocus={(event) => event.currentTarget.select()}
              data-testid="created-token-value"
            />
          </Field>
          <Button
            icon={copyState === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
            onClick={() => void copy()}
            data-testid="copy-token-button"
          >
            {copyState === 'copied' ? t('tokens.created.copied') : t('tokens.created.copy')}
          </Button>
        </div>
        <div aria-live="polite">{copyState === 'failed' && t('tokens.created.copyFailed')}</div>
      </DialogContent>
      <DialogActions>
        <DialogTrigger disableButtonEnhancement>
          <Button appearance="primary">{t('tokens.created.done')}</Button>
        </DialogTrigger>
      </DialogActions>
    </DialogBody>
  );
}
