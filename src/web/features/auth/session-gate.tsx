import { Button, makeStyles, Spinner, Title1, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { queryKeys } from '../../api/query-keys.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { useAuth } from './auth-context.js';

const useStyles = makeStyles({
  main: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXXL,
  },
  loading: { minHeight: '100vh', display: 'grid', placeItems: 'center' },
});

/**
 * Nothing renders until we know whether someone is signed in, so guarded pages never flash. If /me fails
 * for another reason than "not signed in" (server down), say so instead of pretending the person is out.
 */
export function SessionGate() {
  const { t } = useTranslation();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const { isLoading, error } = useAuth();

  if (isLoading) {
    return (
      <main className={styles.loading}>
        <Spinner label={t('app.loading')} />
      </main>
    );
  }
  if (error) {
    return (
      <main className={styles.main}>
        <Title1 as="h1">{t('errors.title')}</Title1>
        <ApiErrorMessage error={error} />
        <Button onClick={() => void queryClient.resetQueries({ queryKey: queryKeys.me })}>
          {t('errors.retry')}
        </Button>
      </main>
    );
  }
  return <Outlet />;
}
