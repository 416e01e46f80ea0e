import type { Repositories } from '../../db/repositories/index.js';
import type { Message } from '../../domain/schemas/messages.js';
import type { UserActor } from '../auth/actor.js';
import type { Clock, IdGenerator } from '../ids.js';

/** What a webhook endpoint's audit record says of it: whose it is and where it delivers. */
export interface AuditedEndpoint {
  id: string;
  organizationId: string | null;
  url: string;
}

/** What happens to a webhook endpoint that its organisation's audit export shows. */
export type EndpointAuditAction =
  | { action: 'created' | 'secretRotated' | 'enabled' | 'deleted' }
  | { action: 'updated'; fields: readonly ('url' | 'description' | 'eventTypes')[] }
  | { action: 'disabled'; reason: 'manual' | 'gone' | 'failing'; days?: number };

/**
 * Records, in the caller's transaction, what was done to a webhook endpoint and by whom (null: cosell itself,
 * such as disabling an endpoint that answered 410), as a message the export words in the reader's language.
 */
export type RecordEndpointAudit = (
  r: Repositories,
  actor: UserActor | null,
  endpoint: AuditedEndpoint,
  what: EndpointAuditAction,
) => Promise<void>;

function endpointMessage(endpoint: AuditedEndpoint, what: EndpointAuditAction): Message {
  const params: Message['params'] = { url: endpoint.url };
  const base = 'audit.webhookEndpoint';
  if (what.action === 'updated')
    return { key: `${base}.updated`, params: { ...params, fields: what.fields.join(', ') } };
  if (what.action !== 'disabled') return { key: `${base}.${what.action}`, params };
  if (what.reason === 'gone') return { key: `${base}.disabledGone`, params };
  if (what.reason === 'failing')
    return { key: `${base}.disabledFailing`, params: { ...params, days: what.days ?? 0 } };
  return { key: `${base}.disabled`, params };
}

/**
 * The organisation audit: what the offer history does not keep (webhook endpoint changes), written beside the
 * change so that both are stored or neither. Members and API tokens need no record of their own: their rows
 * keep when they joined, and when a token was created and revoked.
 */
export function endpointAuditRecorder({
  clock,
  ids,
}: {
  clock: Clock;
  ids: IdGenerator;
}): RecordEndpointAudit {
  return (r, actor, endpoint, what) =>
    r.audit.append({
      id: ids('aud'),
      organizationId: endpoint.organizationId,
      at: clock.now(),
      actorId: actor?.user.id ?? null,
      actorName: actor?.user.name ?? '',
      subject: 'webhookEndpoint',
      subjectId: endpoint.id,
      action: what.action,
      message: endpointMessage(endpoint, what),
    });
}
