import { describe, expect, it } from 'vitest';
import type { Membership, PlatformRole } from '../../src/domain/schemas/auth.js';
import { type Actor, anonymous } from '../../src/server/auth/actor.js';
import { decide, isPolicyName, type PolicyName, policies } from '../../src/server/auth/policy.js';

function user(platformRoles: PlatformRole[] = [], memberships: Membership[] = []): Actor {
  return {
    kind: 'user',
    user: { id: 'usr_1', email: 'a@b.test', name: 'A', platformRoles, locale: null },
    memberships,
    via: 'token',
    csrfToken: null,
    sessionSecretHash: null,
  };
}

const member = (organizationId: string, role: Membership['role']): Membership => ({
  organizationId,
  organizationName: organizationId,
  role,
});

const actors = {
  anonymous,
  customer: user(),
  contosoViewer: user([], [member('org_contoso', 'viewer')]),
  contosoOwner: user([], [member('org_contoso', 'owner')]),
  fabrikamOwner: user([], [member('org_fabrikam', 'owner')]),
  seller: user(['seller']),
  reseller: user(['channelReseller']),
  reviewer: user(['reviewer']),
  admin: user(['admin']),
};
type ActorName = keyof typeof actors;

const contoso = { params: { orgId: 'org_contoso' } };

function decisions(policy: PolicyName, request: { params: unknown } = { params: {} }) {
  return Object.fromEntries(
    Object.entries(actors).map(([name, actor]) => [name, decide(policy, actor, request)]),
  ) as Record<ActorName, string>;
}

describe('decide', () => {
  it('lets everyone through a public route', () => {
    expect(new Set(Object.values(decisions('public')))).toEqual(new Set(['allow']));
  });

  it('lets everyone ask who is signed in, signed in or not', () => {
    expect(new Set(Object.values(decisions('session.read')))).toEqual(new Set(['allow']));
  });

  it('lets any signed-in user, customers too, reach their own account', () => {
    const d = decisions('account.self');
    expect(d.anonymous).toBe('unauthenticated');
    for (const name of Object.keys(actors).filter((n) => n !== 'anonymous'))
      expect(d[name as ActorName]).toBe('allow');
  });

  it('shows reference data to anyone with a role, not to customers', () => {
    expect(decisions('reference.read')).toEqual({
      anonymous: 'unauthenticated',
      customer: 'forbidden',
      contosoViewer: 'allow',
      contosoOwner: 'allow',
      fabrikamOwner: 'allow',
      seller: 'allow',
      reseller: 'allow',
      reviewer: 'allow',
      admin: 'allow',
    });
  });

  it('shows an organisation to its members and admins, and hides it from everyone else', () => {
    expect(decisions('organization.read', contoso)).toEqual({
      anonymous: 'unauthenticated',
      customer: 'notFound',
      contosoViewer: 'allow',
      contosoOwner: 'allow',
      fabrikamOwner: 'notFound',
      seller: 'notFound',
      reseller: 'notFound',
      reviewer: 'notFound',
      admin: 'allow',
    });
  });

  it('hides an organisation when the route gives no organisation id', () => {
    expect(decide('organization.read', actors.contosoOwner, { params: {} })).toBe('notFound');
    expect(decide('organization.read', actors.contosoOwner, { params: undefined })).toBe('notFound');
  });

  it('keeps installation-wide management to admins', () => {
    const d = decisions('admin.manage');
    expect(d.anonymous).toBe('unauthenticated');
    expect(d.admin).toBe('allow');
    for (const name of [
      'customer',
      'contosoOwner',
      'fabrikamOwner',
      'seller',
      'reseller',
      'reviewer',
    ] as const) {
      expect(d[name]).toBe('forbidden');
    }
  });

  it('answers a session actor the same as a token actor', () => {
    const viaSession: Actor = {
      ...(actors.admin as Extract<Actor, { kind: 'user' }>),
      via: 'session',
      csrfToken: 'c',
    };
    for (const policy of Object.keys(policies) as PolicyName[]) {
      expect(decide(policy, viaSession, contoso)).toBe(decide(policy, actors.admin, contoso));
    }
  });
});

describe('isPolicyName', () => {
  it('accepts the names in the table and nothing else', () => {
    expect(isPolicyName('public')).toBe(true);
    expect(isPolicyName('admin.manage')).toBe(true);
    for (const name of ['publik', 'toString', 'constructor', '', undefined, null, 1])
      expect(isPolicyName(name)).toBe(false);
  });
});
