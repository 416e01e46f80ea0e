import { makeStyles, ProgressBar, Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useNavigation } from 'react-router';

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'grid', placeItems: 'center' },
  // Over the top edge of the frame, so the page under it does not move while the next one loads.
  progress: { position: 'fixed', insetInline: 0, top: 0, zIndex: 1 },
});

/**
 * The whole page while the app cannot show anything yet: the session is not known, or the first page's code
 * is still on its way. A spinner with a label, inside the page's one <main>.
 */
export function PageLoading() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <Spinner label={t('app.loading')} />
    </main>
  );
}

/**
 * Between a click and the next page when that page's code is still loading (each area is loaded when first
 * opened): the current page stays, with a labelled progress bar over it.
 */
export function NavigationProgress() {
  const { t } = useTranslation();
  const styles = useStyles();
  const navigation = useNavigation();
  if (navigation.state === 'idle') return null;
  return <ProgressBar className={styles.progress} aria-label={t('app.loading')} thickness="large" />;
}
