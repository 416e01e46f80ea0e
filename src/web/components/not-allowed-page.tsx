import { Body1, Title1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../features/auth/auth-context.js';
import { useMessagePageStyles } from './not-found-page.js';
import { RouterLink } from './router-link.js';
import { usePageTitle } from './use-page-title.js';

/**
 * Two situations, one page: a signed-in customer with no role at all ("no access to cosell"), and a person
 * whose roles do not open the page they asked for (an API call answered 403).
 */
export function NotAllowedPage() {
  const { t } = useTranslation();
  const styles = useMessagePageStyles();
  const { access } = useAuth();
  usePageTitle(t('notAllowed.title'));
  const hasAnyAccess = access?.hasAccess ?? false;
  return (
    <section className={styles.root} data-testid="not-allowed">
      <Title1 as="h1">{hasAnyAccess ? t('notAllowed.pageHeading') : t('notAllowed.appHeading')}</Title1>
      <Body1>{hasAnyAccess ? t('notAllowed.pageBody') : t('notAllowed.appBody')}</Body1>
      {hasAnyAccess && <RouterLink to="/">{t('notAllowed.home')}</RouterLink>}
    </section>
  );
}
