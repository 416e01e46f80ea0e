import { Caption1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { clientErrorCodes, isApiError } from '../api/api-error.js';

interface ApiErrorMessageProps {
  error: unknown;
  title?: string;
  intent?: 'error' | 'warning';
  /** Further lines to list under the message, such as rule violations that no field on screen shows. */
  details?: readonly string[];
}

/** The server's message for a person, with the request id in small print for support. */
export function ApiErrorMessage({ error, title, intent = 'error', details = [] }: ApiErrorMessageProps) {
  const { t } = useTranslation();
  const message =
    isApiError(error) && error.code === clientErrorCodes.network
      ? t('errors.network')
      : error instanceof Error
        ? error.message
        : t('errors.title');
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
