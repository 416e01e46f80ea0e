import { type Actor, hasPlatformRole, memberRoleIn } from '../auth/actor.js';
import type { Decision } from '../auth/policy.js';

/** What access to a webhook endpoint depends on: whose it is (null: platform-wide). */
export interface WebhookFacts {
  organizationId: string | null;
}

/**
 * Webhook endpoints, their secrets and their delivery logs: an organisation's are managed by its owners (its
 * other members, and admins, may know they exist: 403), platform-wide ones by admins; everyone else is told
 * they do not exist (404). Reading and managing go together: the log shows every event's body.
 */
export function webhookAccess(actor: Actor, endpoint: WebhookFacts): Decision {
  if (actor.kind === 'anonymous') return 'unauthenticated';
  if (endpoint.organizationId === null) return hasPlatformRole(actor, 'admin') ? 'allow' : 'notFound';
  const role = memberRoleIn(actor, endpoint.organizationId);
  if (role === 'owner') return 'allow';
  return role || hasPlatformRole(actor, 'admin') ? 'forbidden' : 'notFound';
}
