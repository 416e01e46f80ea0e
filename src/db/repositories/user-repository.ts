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

/** SQL for users and their organisation memberships. */
export function createUserRepository(db: Db) {
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

    async findById(id: string): Promise<UserRow | undefined> {
      const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
      return rows[0];
    },

    async insert(row: NewUserRow): Promise<UserRow> {
      const [created] = await db.insert(users).values(row).returning();
      if (!created) throw new Error('insert into users returned no row');
      return created;
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
