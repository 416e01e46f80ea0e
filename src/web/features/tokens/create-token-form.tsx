import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  DialogTrigger,
  Field,
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
import { useIssueMessage } from '../../i18n/use-issue-message.js';
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
  const styles = useStyles();
  const issueMessage = useIssueMessage();
  const createToken = useCreateToken();
  const schema = useMemo(() => createTokenFormSchema(), []);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<CreateTokenFormInput, unknown, CreateTokenFormValues>({
    resolver: zodResolver(schema),
    defaultValues: { name: '', expiresOn: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    const created = await createToken.mutateAsync(toCreateTokenRequest(values)).catch(() => null);
    if (created) onCreated(created);
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid="create-token-form">
      <DialogBody>
        <DialogTitle>{t('tokens.createDialog.title')}</DialogTitle>
        <DialogContent className={styles.content}>
          {createToken.isError && <ApiErrorMessage error={createToken.error} />}
          <Field
            label={t('tokens.createDialog.name')}
            hint={t('tokens.createDialog.nameHint')}
            validationMessage={issueMessage(errors.name)}
          >
            <Input maxLength={100} autoComplete="off" {...register('name')} />
          </Field>
          <Field
            label={t('tokens.createDialog.expires')}
            hint={t('tokens.createDialog.expiresHint')}
            validationMessage={issueMessage(errors.expiresOn)}
          >
            <Input type="date" {...register('expiresOn')} />
          </Field>
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
