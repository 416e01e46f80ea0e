import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type LoginRequest, LoginRequestSchema } from '../../../domain/schemas/auth.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { FormField, useFieldMessages } from '../../components/form-field.js';
import { showServerIssues } from '../../components/form-issues.js';
import { useProblemText } from '../../i18n/problem-text.js';
import { useAuth } from './auth-context.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** Email and password, validated by the same schema the server uses; server refusals show its message. */
export function SignInForm() {
  const { t } = useTranslation();
  const say = useProblemText();
  const styles = useStyles();
  const fieldMessages = useFieldMessages();
  const { signIn } = useAuth();
  const [serverError, setServerError] = useState<unknown>(null);
  const form = useForm<LoginRequest>({
    resolver: zodResolver(LoginRequestSchema),
    defaultValues: { email: '', password: '' },
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = handleSubmit(async (credentials) => {
    setServerError(null);
    try {
      // On success the session appears in the auth context and the sign-in page redirects.
      await signIn(credentials);
    } catch (error) {
      setServerError(error);
      showServerIssues(form, error, say);
    }
  });

  return (
    <form
      className={styles.form}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      data-testid="sign-in-form"
    >
      {serverError !== null && (
        <ApiErrorMessage
          error={serverError}
          title={t('signIn.failed')}
          details={fieldMessages(errors.root?.server)}
        />
      )}
      <FormField label={t('signIn.email')} error={errors.email}>
        <Input type="email" autoComplete="username" {...register('email')} />
      </FormField>
      <FormField label={t('signIn.password')} error={errors.password}>
        <Input type="password" autoComplete="current-password" {...register('password')} />
      </FormField>
      <Button type="submit" appearance="primary" disabled={isSubmitting}>
        {isSubmitting ? t('signIn.submitting') : t('signIn.submit')}
      </Button>
    </form>
  );
}
