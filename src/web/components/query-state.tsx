import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { isApiError } from '../api/api-error.js';
import { ApiErrorMessage } from './api-error-message.js';

const useStyles = makeStyles({
  error: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
});

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return <Spinner size="small" label={label ?? t('app.loading')} labelPosition="after" />;
}

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
}

/**
 * What to show when a page's main data failed. A 403 means the person lacks the role, so they get the
 * not-allowed page rather than an error they cannot fix; anything else shows the server's message.
 */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (isApiError(error) && error.isForbidden) return <Navigate to="/not-allowed" replace />;
  return (
    <div className={styles.error}>
      <ApiErrorMessage error={error} />
      {onRetry && <Button onClick={onRetry}>{t('errors.retry')}</Button>}
    </div>
  );
}
