import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { memberships, organizations, users } from '../schema.js';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

export interface MembershipRow {
  organizationId: string;
  organizationName: string;
  userId: string;
  role: 'owner' | 'editor' | 'viewer';
}

/** A user with every membership, as the actor of a request needs them. */
export interface UserWithMemberships {
  user: UserRow;
  memberships: MembershipRow[];
}

/**
 * The memberships of the outer query's `users` row, ordered by organisation name, as one JSON array: who a
 * request's actor is takes one round trip. (Written out, because Drizzle leaves a column in a select list
 * unqualified, and a bare "id" here would mean the organisation's.)
 */
export function membershipsJson() {
  return sql<MembershipRow[]>`(
    select coalesce(json_agg(json_build_object(
      'organizationId', m.organization_id, 'organizationName', o.name, 'userId', m.user_id, 'role', m.role
    ) order by o.name), '[]'::json)
    from ${memberships} m join ${organizations} o on o.id = m.organization_id
    where m.user_id = ${users}.id)`;
}

/** SQL for users and their organisation memberships. */
export function createUserRepository(db: Db) {
  const withMemberships = db
    .select({ user: users, memberships: membershipsJson() })
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .limit(1)
    .prepare('user_with_memberships');

  const byEmail = db
    .select()
    .from(users)
    .where(eq(users.email, sql.placeholder('email')))
    .limit(1)
    .prepare('user_by_email');

  return {
    /** Finds a user by email; emails are stored lower-cased. */
    async findByEmail(email: string): Promise<UserRow | undefined> {
      const rows = await byEmail.execute({ email: email.toLowerCase() });
      return rows[0];
    },

    /** A user and every membership, in one round trip (each token-authenticated request asks for this). */
    async findWithMemberships(id: string): Promise<UserWithMemberships | undefined> {
      const rows = await withMemberships.execute({ id });
      return rows[0];
    },

    async findById(id: string): Promise<UserRow | undefined> {
      const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
      return rows[0];
    },

    async insert(row: NewUserRow): Promise<UserRow> {
      const [created] = await db.insert(users).values(row).returning();
      if (!created) throw new Error('insert into users returned no row');
      return created;
    },

    async setPasswordHash(id: string, passwordHash: string): Promise<void> {
      await db.update(users).set({ passwordHash }).where(eq(users.id, id));
    },

    /** Remembers the language a user chose. */
    async setLocale(id: string, locale: string): Promise<void> {
      await db.update(users).set({ locale }).where(eq(users.id, id));
    },

    /** The users with a platform role, such as every admin. */
    async listWithRole(role: string): Promise<UserRow[]> {
      return db
        .select()
        .from(users)
        .where(sql`${role} = any(${users.platformRoles})`)
        .orderBy(asc(users.email));
    },

    async listAll(): Promise<UserRow[]> {
      return db.select().from(users).orderBy(asc(users.email));
    },

    /** The memberships of the given users, with organisation names. */
    async membershipsOf(userIds: string[]): Promise<MembershipRow[]> {
      if (userIds.length === 0) return [];
      return db
        .select({
          organizationId: memberships.organizationId,
          organizationName: organizations.name,
          userId: memberships.userId,
          role: memberships.role,
        })
        .from(memberships)
        .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
        .where(inArray(memberships.userId, userIds))
        .orderBy(asc(organizations.name));
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
