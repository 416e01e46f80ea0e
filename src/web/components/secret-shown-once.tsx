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

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  // Wraps at 390 px: the copy button goes under the field rather than squeezing it.
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  field: { flexGrow: 1, minWidth: 0 },
  secret: { fontFamily: tokens.fontFamilyMonospace },
});

/** What the panel says, in the person's language: each caller names its own kind of secret. */
export interface SecretShownOnceWords {
  title: string;
  warningTitle: string;
  warning: string;
  label: string;
  copy: string;
  copied: string;
  copyFailed: string;
  done: string;
}

/**
 * A dialog's last step for a secret the server shows once (an API token, a webhook signing secret): a warning
 * that it will not be shown again, the secret in a read-only field that selects itself on focus, a copy
 * button, and a Done button that closes the dialog.
 */
export function SecretShownOnce({
  secret,
  words,
  valueTestId,
  copyTestId,
}: {
  secret: string;
  words: SecretShownOnceWords;
  valueTestId?: string;
  copyTestId?: string;
}) {
  const styles = useStyles();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('copied');
    } catch {
      // Clipboard access needs a secure context and permission; the read-only field still allows copying by hand.
      setCopied('failed');
    }
  }

  return (
    <DialogBody>
      <DialogTitle>{words.title}</DialogTitle>
      <DialogContent className={styles.content}>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{words.warningTitle}</MessageBarTitle>
            {words.warning}
          </MessageBarBody>
        </MessageBar>
        <div className={styles.row}>
          <Field label={words.label} className={styles.field}>
            <Input
              readOnly
              value={secret}
              input={{ className: styles.secret }}
              onFocus={(event) => event.currentTarget.select()}
              data-testid={valueTestId}
            />
          </Field>
          <Button
            icon={copied === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
            onClick={() => void copy()}
            data-testid={copyTestId}
          >
            {copied === 'copied' ? words.copied : words.copy}
          </Button>
        </div>
        <div aria-live="polite">{copied === 'failed' && words.copyFailed}</div>
      </DialogContent>
      <DialogActions>
        <DialogTrigger disableButtonEnhancement>
          <Button appearance="primary">{words.done}</Button>
        </DialogTrigger>
      </DialogActions>
    </DialogBody>
  );
}
