import type { MembershipRow, UserRow } from '../../db/repositories/user-repository.js';
import type { Membership, PlatformRole, User } from '../../domain/schemas/auth.js';
import { LocaleSchema } from '../../domain/schemas/messages.js';

/** The public face of a user row: never the password hash. */
export function presentUser(row: UserRow): User {
  const locale = LocaleSchema.safeParse(row.locale);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    platformRoles: row.platformRoles as PlatformRole[],
    locale: locale.success ? locale.data : null,
  };
}

export function presentMemberships(rows: MembershipRow[]): Membership[] {
  return rows.map((m) => ({
    organizationId: m.organizationId,
    organizationName: m.organizationName,
    role: m.role,
  }));
}
