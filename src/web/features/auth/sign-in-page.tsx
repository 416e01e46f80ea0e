import { Body1, Card, makeStyles, Title1, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../../components/use-page-title.js';
import { safeNextPath } from './access.js';
import { useAuth } from './auth-context.js';
import { SignInForm } from './sign-in-form.js';

const useStyles = makeStyles({
  card: {
    width: '100%',
    maxWidth: '420px',
    marginInline: 'auto',
    marginBlockStart: tokens.spacingVerticalXXXL,
    padding: tokens.spacingHorizontalXXL,
    gap: tokens.spacingVerticalL,
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
    <Card className={styles.card}>
      <Title1 as="h1">{t('signIn.heading')}</Title1>
      <Body1 className={styles.tagline}>{t('app.tagline')}</Body1>
      <SignInForm />
    </Card>
  );
}
