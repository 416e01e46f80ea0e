import type { MemberRole, Membership, User } from '../../domain/schemas/auth.js';

/** Who is making a request. Resolved once per request from the session cookie or the bearer token. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      user: User;
      memberships: Membership[];
      via: 'session' | 'token';
      /** The session's CSRF token, when signed in through the browser. */
      csrfToken: string | null;
      sessionSecretHash: string | null;
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const anonymous: Actor = { kind: 'anonymous' };

export function hasPlatformRole(actor: Actor, role: User['platformRoles'][number]): boolean {
  return actor.kind === 'user' && actor.user.platformRoles.includes(role);
}

/** The actor's role in an organisation, or undefined when not a member. */
export function memberRoleIn(actor: Actor, organizationId: string): MemberRole | undefined {
  if (actor.kind !== 'user') return undefined;
  return actor.memberships.find((m) => m.organizationId === organizationId)?.role;
}

/** A signed-in user with no platform role and no organisation: a customer, who sees nothing. */
export function isCustomer(actor: Actor): boolean {
  return actor.kind === 'user' && actor.user.platformRoles.length === 0 && actor.memberships.length === 0;
}
