import { Body1, makeStyles, Title1, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../../components/use-page-title.js';
import { safeNextPath } from './access.js';
import { useAuth } from './auth-context.js';
import { SignInForm } from './sign-in-form.js';

const useStyles = makeStyles({
  // Drawn like Fluent's Card without using it: Card brings its focus-management library (tabster, ~20 KB
  // compressed) for a box that holds nothing focusable of its own, on the page every visit starts on.
  card: {
    display: 'flex',
    flexDirection: 'column',
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '420px',
    marginInline: 'auto',
    marginBlockStart: tokens.spacingVerticalXXXL,
    padding: tokens.spacingHorizontalXXL,
    gap: tokens.spacingVerticalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  tagline: { color: tokens.colorNeutralForeground2 },
});

export function SignInPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { session } = useAuth();
  const [searchParams] = useSearchParams();
  usePageTitle(t('signIn.title'));

  // Also covers the moment right after a successful sign-in: the session arrives and we move on.
  if (session) return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;

  return (
    <section className={styles.card}>
      <Title1 as="h1">{t('signIn.heading')}</Title1>
      <Body1 className={styles.tagline}>{t('app.tagline')}</Body1>
      <SignInForm />
    </section>
  );
}
