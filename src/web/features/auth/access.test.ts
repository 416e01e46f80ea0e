import { describe, expect, it } from 'vitest';
import { getAccess, safeNextPath } from './access.js';

const membership = { organizationId: 'o1', organizationName: 'Contoso', role: 'owner' as const };

describe('getAccess', () => {
  it('gives a customer (no role, no organisation) no access', () => {
    expect(getAccess({ platformRoles: [] }, [])).toEqual({
      isPublisher: false,
      canBrowseCatalog: false,
      isReviewer: false,
      isAdmin: false,
      canUseReferrals: false,
      hasAccess: false,
    });
  });

  it('treats any membership as a publisher and channel resellers as catalogue readers', () => {
    const access = getAccess({ platformRoles: ['channelReseller'] }, [membership]);
    expect(access).toMatchObject({
      isPublisher: true,
      canBrowseCatalog: true,
      isAdmin: false,
      hasAccess: true,
    });
  });

  it('keeps every role of a person with several', () => {
    const access = getAccess({ platformRoles: ['seller', 'reviewer', 'admin'] }, []);
    expect(access).toMatchObject({
      canBrowseCatalog: true,
      isReviewer: true,
      isAdmin: true,
      isPublisher: false,
      canUseReferrals: true,
    });
  });

  it('opens referrals to publishers, sellers and admins, not to channel resellers or reviewers', () => {
    expect(getAccess({ platformRoles: ['channelReseller', 'reviewer'] }, []).canUseReferrals).toBe(false);
    expect(getAccess({ platformRoles: ['seller'] }, []).canUseReferrals).toBe(true);
    expect(getAccess({ platformRoles: [] }, [membership]).canUseReferrals).toBe(true);
  });
});

describe('safeNextPath', () => {
  it.each([
    [null, '/'],
    ['', '/'],
    ['/tokens', '/tokens'],
    ['/admin?tab=users', '/admin?tab=users'],
    ['https://evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/sign-in?next=/tokens', '/'],
  ])('maps %s to %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});
