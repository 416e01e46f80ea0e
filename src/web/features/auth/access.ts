import type { Membership, User } from '../../../domain/schemas/auth.js';

/** What the signed-in person may see; a person can hold several roles and sees a section for each. */
export interface Access {
  isPublisher: boolean;
  canBrowseCatalog: boolean;
  isReviewer: boolean;
  isAdmin: boolean;
  /** Referrals: publishers (their organisations' deals), sellers (theirs) and admins (all, to read). */
  canUseReferrals: boolean;
  /** False for a customer: no platform role and no organisation. */
  hasAccess: boolean;
}

export function getAccess(user: Pick<User, 'platformRoles'>, memberships: readonly Membership[]): Access {
  const roles = new Set(user.platformRoles);
  const access = {
    isPublisher: memberships.length > 0,
    canBrowseCatalog: roles.has('seller') || roles.has('channelReseller'),
    isReviewer: roles.has('reviewer'),
    isAdmin: roles.has('admin'),
    canUseReferrals: memberships.length > 0 || roles.has('seller') || roles.has('admin'),
  };
  return { ...access, hasAccess: Object.values(access).some(Boolean) };
}

/**
 * Where to go after signing in. Only same-site paths are accepted so a crafted link such as
 * `/sign-in?next=https://evil.example` cannot send the person elsewhere.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in')) return '/';
  return next;
}
