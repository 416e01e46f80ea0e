import type { Membership } from '../../../domain/schemas/auth.js';

/** Owners and editors change an organisation's offers; viewers only read them. */
export function canWriteOffers(memberships: readonly Membership[], organizationId: string): boolean {
  return memberships.some(
    (m) => m.organizationId === organizationId && (m.role === 'owner' || m.role === 'editor'),
  );
}

/** The organisations the person may create offers for. */
export function writableOrganizations(memberships: readonly Membership[]): Membership[] {
  return memberships.filter((m) => m.role === 'owner' || m.role === 'editor');
}
