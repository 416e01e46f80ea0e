import type { Repositories } from '../../db/repositories/index.js';
import type { WebhookEndpointRow } from '../../db/repositories/webhook-repository.js';
import type { Clock, IdGenerator } from '../ids.js';
import { endpointAuditRecorder } from '../services/audit-recorder.js';
import { type Recipient, recipientsNotifier } from '../services/notification-service.js';

const DAY_MS = 24 * 3_600_000;

/** Who manages an endpoint, and so is told when cosell disables it: its organisation's owners, else admins. */
async function managersOf(r: Repositories, endpoint: WebhookEndpointRow): Promise<Recipient[]> {
  if (endpoint.organizationId === null)
    return (await r.users.listWithRole('admin')).map((u) => ({
      userId: u.id,
      email: u.email,
      name: u.name,
      locale: u.locale,
    }));
  return (await r.organizations.listMembers(endpoint.organizationId)).filter((m) => m.role === 'owner');
}

/**
 * Disables an endpoint for a reason of cosell's own (it answered 410 Gone, or its deliveries failed for days),
 * in the caller's transaction: the audit record says so, and the people who manage it get a notification and
 * an email (in their language), since nothing reaches the endpoint until one of them enables it again. An
 * endpoint that was disabled already is left alone, so that they are told once.
 */
export function endpointDisabler(deps: { clock: Clock; ids: IdGenerator }) {
  const recordAudit = endpointAuditRecorder(deps);
  const notify = recipientsNotifier(deps);
  return async (r: Repositories, endpointId: string, reason: 'gone' | 'failing'): Promise<void> => {
    const now = deps.clock.now();
    const disabled = await r.webhooks.disableEndpoint(endpointId, reason, now);
    if (!disabled) return;
    const days =
      disabled.failingSince === null
        ? 0
        : Math.floor((now.getTime() - disabled.failingSince.getTime()) / DAY_MS);
    await recordAudit(r, null, disabled, { action: 'disabled', reason, days });
    const params = { url: disabled.url, endpointId: disabled.id, ...(reason === 'failing' && { days }) };
    const kind = reason === 'gone' ? 'webhookEndpointGone' : 'webhookEndpointFailing';
    await notify(r, await managersOf(r, disabled), {
      kind,
      offerId: null,
      content: { key: `notifications.messages.${kind}`, params },
      actorId: null,
    });
  };
}
