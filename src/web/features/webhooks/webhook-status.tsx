import { Badge } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { WebhookEndpoint } from '../../../domain/schemas/webhooks.js';

/** Enabled, or disabled and why (by a person, 410 Gone, failing for days). */
export function WebhookStatus({
  endpoint,
}: {
  endpoint: Pick<WebhookEndpoint, 'enabled' | 'disabledReason'>;
}) {
  const { t } = useTranslation();
  if (endpoint.enabled)
    return (
      <Badge appearance="tint" color="success">
        {t('webhooks.status.enabled')}
      </Badge>
    );
  return (
    <Badge appearance="tint" color="warning">
      {t(`webhooks.status.disabled.${endpoint.disabledReason ?? 'manual'}`)}
    </Badge>
  );
}
