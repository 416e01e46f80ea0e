import { isApiError } from '../../api/api-error.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { useProblemText } from '../../i18n/problem-text.js';

/** A failed webhook request: the server's message, and each of its issues, in the reader's language. */
export function WebhookError({ error }: { error: unknown }) {
  const say = useProblemText();
  const details = isApiError(error) ? error.issues.map((issue) => say(issue)) : [];
  return <ApiErrorMessage error={error} details={details} />;
}
