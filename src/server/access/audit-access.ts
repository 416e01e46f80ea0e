import { type Actor, hasPlatformRole, memberRoleIn } from '../auth/actor.js';
import type { Decision } from '../auth/policy.js';

/**
 * An organisation's audit export (every offer's history, its members, API tokens and webhook endpoints): its
 * owners and admins. Its other members may know it exists (403); everyone else is told it does not (404).
 * The export of every organisation and the platform (null) is admins' alone.
 */
export function auditAccess(actor: Actor, organizationId: string | null): Decision {
  if (actor.kind === 'anonymous') return 'unauthenticated';
  if (hasPlatformRole(actor, 'admin')) return 'allow';
  if (organizationId === null) return 'forbidden';
  const role = memberRoleIn(actor, organizationId);
  if (role === 'owner') return 'allow';
  return role ? 'forbidden' : 'notFound';
}
