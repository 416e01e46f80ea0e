import { Button, Input, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { FormField, useFieldMessages } from '../../components/form-field.js';
import { showServerIssues } from '../../components/form-issues.js';
import { useProblemText } from '../../i18n/problem-text.js';
import { useClearExternalUrl, useSaveExternalUrl } from './document-queries.js';
import { type ExternalUrlFormValues, externalUrlFormSchema } from './external-url-form-schema.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '60ch' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground2 },
});

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
  const say = useProblemText();
  const styles = useStyles();
  const fieldMessages = useFieldMessages();
  const [saved, setSaved] = useState(false);
  const save = useSaveExternalUrl(offerId);
  const clear = useClearExternalUrl(offerId);
  const form = useForm<ExternalUrlFormValues>({
    resolver: zodResolver(externalUrlFormSchema),
    defaultValues: { url: url ?? '' },
  });
  const {
    control,
    handleSubmit,
    reset,
    clearErrors,
    formState: { errors },
  } = form;
  useEffect(() => reset({ url: url ?? '' }), [url, reset]);

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

  const onSubmit = handleSubmit((values) => {
    setSaved(false);
    save.mutate(values.url, {
      onSuccess: () => setSaved(true),
      onError: (error) => showServerIssues(form, error, say),
    });
  });

  const error = save.error ?? clear.error;
  return (
    <form
      className={styles.form}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      data-testid="external-url"
    >
      <Controller
        control={control}
        name="url"
        render={({ field }) => (
          <FormField
            label={t('documents.externalUrl.label')}
            hint={t('documents.externalUrl.hint')}
            error={errors.url}
          >
            <Input
              ref={field.ref}
              name={field.name}
              type="url"
              value={field.value}
              inputMode="url"
              placeholder="https://"
              onBlur={field.onBlur}
              onChange={(_event, data) => {
                field.onChange(data.value);
                setSaved(false);
              }}
              data-testid="external-url-input"
            />
          </FormField>
        )}
      />
      {error && (
        <div role="alert">
          <ApiErrorMessage error={error} details={fieldMessages(errors.root?.server)} />
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
              clearErrors();
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
