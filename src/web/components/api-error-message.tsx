import { Caption1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.js';
import { errorText, useProblemText } from '../i18n/problem-text.js';

interface ApiErrorMessageProps {
  error: unknown;
  title?: string;
  intent?: 'error' | 'warning';
  /** Further lines to list under the message, such as rule violations that no field on screen shows. */
  details?: readonly string[];
}

/**
 * The server's message for a person in their language (its key and parameters through the dictionaries, the
 * English words when the key is unknown there), with the request id in small print for support.
 */
export function ApiErrorMessage({ error, title, intent = 'error', details = [] }: ApiErrorMessageProps) {
  const { t } = useTranslation();
  const say = useProblemText();
  const message = errorText(error, say, t);
  const requestId = isApiError(error) ? error.requestId : null;
  return (
    <MessageBar intent={intent} layout="multiline" data-testid="api-error">
      <MessageBarBody>
        <MessageBarTitle>{title ?? t('errors.title')}</MessageBarTitle>
        {message}
        {details.length > 0 && (
          <ul>
            {details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        )}
        {requestId && (
          <div>
            <Caption1>{t('errors.requestId', { requestId })}</Caption1>
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
