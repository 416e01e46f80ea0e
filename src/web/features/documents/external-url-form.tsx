import { Button, Field, Input, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkExternalReferenceUrl } from '../../../domain/documents/external-url.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { useClearExternalUrl, useSaveExternalUrl } from './document-queries.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '60ch' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground2 },
});

type Problem = 'required' | 'httpsOnly' | 'invalid';

/** Why the shared validator refused a URL, as a key the person's language has words for. */
function problemOf(input: string): Problem | null {
  if (checkExternalReferenceUrl(input).ok) return null;
  const url = input.trim();
  if (url === '') return 'required';
  try {
    return new URL(url).protocol === 'https:' ? 'invalid' : 'httpsOnly';
  } catch {
    return 'invalid';
  }
}

/** The offer's external reference URL: https only, checked with the same rule the server applies. */
export function ExternalUrlForm({
  offerId,
  url,
  canWrite,
}: {
  offerId: string;
  url: string | null;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [value, setValue] = useState(url ?? '');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useSaveExternalUrl(offerId);
  const clear = useClearExternalUrl(offerId);
  useEffect(() => setValue(url ?? ''), [url]);

  if (!canWrite)
    return (
      <div className={styles.form} data-testid="external-url">
        <Text weight="semibold">{t('documents.externalUrl.label')}</Text>
        {url ? (
          <Link href={url} target="_blank" rel="noopener noreferrer">
            {url}
          </Link>
        ) : (
          <Text className={styles.meta}>{t('documents.externalUrl.none')}</Text>
        )}
      </div>
    );

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const found = problemOf(value);
    setProblem(found);
    if (found) return;
    save.mutate(value.trim(), { onSuccess: () => setSaved(true) });
  }

  const error = save.error ?? clear.error;
  return (
    <form className={styles.form} onSubmit={submit} noValidate data-testid="external-url">
      <Field
        label={t('documents.externalUrl.label')}
        hint={t('documents.externalUrl.hint')}
        validationState={problem ? 'error' : 'none'}
        validationMessage={problem ? t(`documents.externalUrl.problems.${problem}`) : undefined}
      >
        <Input
          type="url"
          value={value}
          inputMode="url"
          placeholder="https://"
          onChange={(_event, data) => {
            setValue(data.value);
            setSaved(false);
            if (problem) setProblem(problemOf(data.value));
          }}
          data-testid="external-url-input"
        />
      </Field>
      {error && (
        <div role="alert">
          <ApiErrorMessage error={error} />
        </div>
      )}
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabledFocusable={save.isPending}
          data-testid="external-url-save"
        >
          {t('documents.externalUrl.save')}
        </Button>
        {url && (
          <Button
            disabledFocusable={clear.isPending}
            onClick={() => {
              setSaved(false);
              setProblem(null);
              clear.mutate();
            }}
            data-testid="external-url-clear"
          >
            {t('documents.externalUrl.clear')}
          </Button>
        )}
      </div>
      <div role="status">
        {saved && <Text data-testid="external-url-saved">{t('documents.externalUrl.saved')}</Text>}
      </div>
    </form>
  );
}
