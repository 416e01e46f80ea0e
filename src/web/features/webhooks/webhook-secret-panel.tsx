import { useTranslation } from 'react-i18next';
import { SecretShownOnce } from '../../components/secret-shown-once.js';

/** A signing secret, shown once (after creating an endpoint or rotating its secret), with a copy button. */
export function WebhookSecretPanel({ title, secret }: { title: string; secret: string }) {
  const { t } = useTranslation();
  return (
    <SecretShownOnce
      secret={secret}
      valueTestId="webhook-secret-value"
      words={{
        title,
        warningTitle: t('webhooks.secret.warningTitle'),
        warning: t('webhooks.secret.warning'),
        label: t('webhooks.secret.label'),
        copy: t('webhooks.secret.copy'),
        copied: t('webhooks.secret.copied'),
        copyFailed: t('webhooks.secret.copyFailed'),
        done: t('webhooks.done'),
      }}
    />
  );
}
