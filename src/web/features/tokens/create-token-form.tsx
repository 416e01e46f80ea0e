import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  DialogTrigger,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CreatedToken } from '../../../domain/schemas/tokens.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { FormField, useFieldMessages } from '../../components/form-field.js';
import { showServerIssues } from '../../components/form-issues.js';
import { useProblemText } from '../../i18n/problem-text.js';
import {
  type CreateTokenFormInput,
  type CreateTokenFormValues,
  createTokenFormSchema,
  toCreateTokenRequest,
} from './token-form-schema.js';
import { useCreateToken } from './token-queries.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** The dialog's first step: name and optional expiry. Hands the created token (with its secret) up. */
export function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const { t } = useTranslation();
  const say = useProblemText();
  const styles = useStyles();
  const fieldMessages = useFieldMessages();
  const createToken = useCreateToken();
  const schema = useMemo(() => createTokenFormSchema(), []);
  const form = useForm<CreateTokenFormInput, unknown, CreateTokenFormValues>({
    resolver: zodResolver(schema),
    defaultValues: { name: '', expiresOn: '' },
  });
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = form;

  const onSubmit = handleSubmit(async (values) => {
    const created = await createToken.mutateAsync(toCreateTokenRequest(values)).catch((error: unknown) => {
      // The form asks for a day where the API takes a time: the server's issue about it is the day's.
      showServerIssues(form, error, say, { expiresAt: 'expiresOn' });
      return null;
    });
    if (created) onCreated(created);
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid="create-token-form">
      <DialogBody>
        <DialogTitle>{t('tokens.createDialog.title')}</DialogTitle>
        <DialogContent className={styles.content}>
          {createToken.isError && (
            <ApiErrorMessage error={createToken.error} details={fieldMessages(errors.root?.server)} />
          )}
          <FormField
            label={t('tokens.createDialog.name')}
            hint={t('tokens.createDialog.nameHint')}
            error={errors.name}
          >
            <Input maxLength={100} autoComplete="off" {...register('name')} />
          </FormField>
          <FormField
            label={t('tokens.createDialog.expires')}
            hint={t('tokens.createDialog.expiresHint')}
            error={errors.expiresOn}
          >
            <Input type="date" {...register('expiresOn')} />
          </FormField>
        </DialogContent>
        <DialogActions>
          <DialogTrigger disableButtonEnhancement>
            <Button appearance="secondary">{t('tokens.cancel')}</Button>
          </DialogTrigger>
          <Button
            type="submit"
            appearance="primary"
            disabled={createToken.isPending}
            data-testid="create-token-submit"
          >
            {createToken.isPending ? t('tokens.createDialog.submitting') : t('tokens.createDialog.submit')}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
