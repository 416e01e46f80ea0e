import { Button, Input, type InputOnChangeData, makeStyles, tokens } from '@fluentui/react-components';
import { type FormEvent, useRef, useState } from 'react';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { LoginRequest } from '../../../domain/schemas/auth.js';
import { isApiError } from '../../api/api-error.js';
import { FormField, useFieldMessages } from '../../components/form-field.js';
import { placeIssues } from '../../components/form-issues.js';
import { LazyApiErrorMessage, preloadApiErrorMessage } from '../../components/lazy-api-error-message.js';
import { useProblemText } from '../../i18n/problem-text.js';
import { useAuth } from './auth-context.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

type Field = keyof LoginRequest;
/** In the order of the form: the first with an error takes the focus. */
const fields: readonly Field[] = ['email', 'password'];
type FieldErrors = Partial<Record<Field, FieldError>>;

/**
 * Checks the credentials with the schema the server uses, loaded with the first check (a submit) rather than
 * with the page every visit starts on: it and Zod are ~23 KB compressed. The first issue of each field is its
 * error, as react-hook-form's Zod resolver gives it on the other forms.
 */
async function checkCredentials(
  values: LoginRequest,
): Promise<{ data: LoginRequest } | { errors: FieldErrors }> {
  const { LoginRequestSchema } = await import('../../../domain/schemas/auth.js');
  const parsed = LoginRequestSchema.safeParse(values);
  if (parsed.success) return { data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = fields.find((name) => name === issue.path[0]);
    if (field && !errors[field]) errors[field] = { type: issue.code, message: issue.message };
  }
  return { errors };
}

/** One error holding several messages, as form-issues.ts sets them on the other forms. */
function issuesError(messages: readonly string[]): FieldError {
  return { type: 'server', message: messages[0], types: { server: [...messages] } };
}

/**
 * Email and password, validated by the same schema the server uses; server refusals show its message. Not
 * react-hook-form (~14 KB compressed, on the page every visit starts on) for two fields, but the same
 * behaviour as the forms that use it: checked at submit, then again at each change; the first field in error
 * takes the focus; the server's issues go on their fields, the rest under its message.
 */
export function SignInForm() {
  const { t } = useTranslation();
  const say = useProblemText();
  const styles = useStyles();
  const fieldMessages = useFieldMessages();
  const { signIn } = useAuth();
  const [values, setValues] = useState<LoginRequest>({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [unplaced, setUnplaced] = useState<FieldError | undefined>();
  const [serverError, setServerError] = useState<unknown>(null);
  const [submitted, setSubmitted] = useState(false);
  const [isSubmitting, setSubmitting] = useState(false);
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});

  const focusFirst = (inError: FieldErrors) => {
    const first = fields.find((field) => inError[field]);
    if (first) inputs.current[first]?.focus();
  };

  const change = (field: Field) => (_event: unknown, data: InputOnChangeData) => {
    const next = { ...values, [field]: data.value };
    setValues(next);
    // After the first submit each change is checked again, and clears or updates that field's error only.
    if (submitted)
      void checkCredentials(next).then((result) =>
        setErrors((current) => ({
          ...current,
          [field]: 'errors' in result ? result.errors[field] : undefined,
        })),
      );
  };

  const showServerIssues = (error: unknown) => {
    if (!isApiError(error) || error.issues.length === 0) return;
    const placed = placeIssues(error.issues, values, {}, say);
    const onFields: FieldErrors = {};
    for (const [field, messages] of placed.fields)
      if (fields.includes(field as Field)) onFields[field as Field] = issuesError(messages);
    setErrors((current) => ({ ...current, ...onFields }));
    focusFirst(onFields);
    if (placed.unplaced.length > 0) setUnplaced(issuesError(placed.unplaced.map(say)));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setSubmitting(true);
    setUnplaced(undefined);
    try {
      const checked = await checkCredentials(values);
      if ('errors' in checked) {
        setErrors(checked.errors);
        focusFirst(checked.errors);
        return;
      }
      setErrors({});
      setServerError(null);
      preloadApiErrorMessage();
      try {
        // On success the session appears in the auth context and the sign-in page redirects.
        await signIn(checked.data);
      } catch (error) {
        setServerError(error);
        showServerIssues(error);
      }
    } finally {
      setSubmitting(false);
    }
  };

  const input = (field: Field) => ({
    name: field,
    value: values[field],
    onChange: change(field),
    ref: (element: HTMLInputElement | null) => {
      inputs.current[field] = element;
    },
  });

  return (
    <form
      className={styles.form}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      data-testid="sign-in-form"
    >
      {serverError !== null && (
        <LazyApiErrorMessage
          error={serverError}
          title={t('signIn.failed')}
          details={fieldMessages(unplaced)}
        />
      )}
      <FormField label={t('signIn.email')} error={errors.email}>
        <Input type="email" autoComplete="username" {...input('email')} />
      </FormField>
      <FormField label={t('signIn.password')} error={errors.password}>
        <Input type="password" autoComplete="current-password" {...input('password')} />
      </FormField>
      <Button type="submit" appearance="primary" disabled={isSubmitting}>
        {isSubmitting ? t('signIn.submitting') : t('signIn.submit')}
      </Button>
    </form>
  );
}
