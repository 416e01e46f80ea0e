import { Body1, makeStyles, Title1, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { RouterLink } from './router-link.js';
import { usePageTitle } from './use-page-title.js';

export const useMessagePageStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60ch' },
});

/** For any address the router does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const styles = useMessagePageStyles();
  usePageTitle(t('notFound.title'));
  return (
    <section className={styles.root} data-testid="not-found">
      <Title1 as="h1">{t('notFound.title')}</Title1>
      <Body1>{t('notFound.body')}</Body1>
      <RouterLink to="/">{t('notFound.home')}</RouterLink>
    </section>
  );
}
