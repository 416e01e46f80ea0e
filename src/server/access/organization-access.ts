import { type Actor, memberRoleIn } from '../auth/actor.js';
import type { Decision } from '../auth/policy.js';

export const ORGANIZATION_ACTIONS = ['readOffers', 'writeOffers'] as const;
export type OrganizationAction = (typeof ORGANIZATION_ACTIONS)[number];

/**
 * An organisation's offers and their co-sell profiles: its members read them, its owners and editors create,
 * change and delete them (a viewer is refused, 403). Everyone else is told they do not exist (404), platform
 * roles included: sellers and resellers read offers through readDocuments and the catalogue instead.
 */
export function organizationAccess(
  actor: Actor,
  organizationId: string,
  action: OrganizationAction,
): Decision {
  if (actor.kind === 'anonymous') return 'unauthenticated';
  const role = memberRoleIn(actor, organizationId);
  if (!role) return 'notFound';
  if (action === 'writeOffers' && role === 'viewer') return 'forbidden';
  return 'allow';
}

/** The organisations where the action is allowed: the scope of the publisher's lists. */
export function organizationsAllowing(actor: Actor, action: OrganizationAction): string[] {
  if (actor.kind === 'anonymous') return [];
  return actor.memberships
    .map((m) => m.organizationId)
    .filter((id) => organizationAccess(actor, id, action) === 'allow');
}
