import { Button, makeStyles, Title1, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { queryKeys } from '../../api/query-keys.js';
import { useFocusAfterNavigation } from '../../components/focus-after-navigation.js';
import { LazyApiErrorMessage } from '../../components/lazy-api-error-message.js';
import { PageLoading } from '../../components/page-loading.js';
import { useAuth } from './auth-context.js';

const useStyles = makeStyles({
  main: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXXL,
  },
});

/**
 * Nothing renders until we know whether someone is signed in, so guarded pages never flash. If the session
 * probe fails (server down), say so instead of pretending the person is out. Every page is under it, so it is
 * where focus is moved to each new page's heading.
 */
export function SessionGate() {
  useFocusAfterNavigation();
  const { t } = useTranslation();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const { isLoading, error } = useAuth();

  if (isLoading) return <PageLoading />;
  if (error) {
    return (
      <main className={styles.main}>
        <Title1 as="h1">{t('errors.title')}</Title1>
        <LazyApiErrorMessage error={error} />
        <Button onClick={() => void queryClient.resetQueries({ queryKey: queryKeys.me })}>
          {t('errors.retry')}
        </Button>
      </main>
    );
  }
  return <Outlet />;
}
