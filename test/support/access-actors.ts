import type { Membership, PlatformRole } from '../../src/domain/schemas/auth.js';
import type { Actor } from '../../src/server/auth/actor.js';

/**
 * The actors of the access tables (test/unit/access.test.ts, event-webhook-access.test.ts): resources belong to
 * Contoso unless a table says otherwise; "elsewhere" is Fabrikam.
 */
export const CONTOSO = 'org_contoso';
export const FABRIKAM = 'org_fabrikam';

/** A signed-in user (by token) with these platform roles and organisation memberships. */
export function user(platformRoles: PlatformRole[], memberships: [string, Membership['role']][] = []): Actor {
  return {
    kind: 'user',
    user: { id: 'usr_1', email: 'a@b.test', name: 'A', platformRoles, locale: null },
    memberships: memberships.map(([organizationId, role]) => ({
      organizationId,
      organizationName: organizationId,
      role,
    })),
    via: 'token',
    csrfToken: null,
    sessionSecretHash: null,
  };
}
