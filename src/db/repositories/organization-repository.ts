import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../database.js';
import { memberships, organizations, users } from '../schema.js';

export type OrganizationRow = typeof organizations.$inferSelect;

/** SQL for publisher organisations and their members. */
export function createOrganizationRepository(db: Db) {
  return {
    async insert(row: typeof organizations.$inferInsert): Promise<OrganizationRow> {
      const [created] = await db.insert(organizations).values(row).returning();
      if (!created) throw new Error('insert into organizations returned no row');
      return created;
    },

    async addMember(
      organizationId: string,
      userId: string,
      role: 'owner' | 'editor' | 'viewer',
    ): Promise<void> {
      await db.insert(memberships).values({ organizationId, userId, role });
    },

    async findById(id: string): Promise<OrganizationRow | undefined> {
      const rows = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
      return rows[0];
    },

    async findByName(name: string): Promise<OrganizationRow | undefined> {
      const rows = await db.select().from(organizations).where(eq(organizations.name, name)).limit(1);
      return rows[0];
    },

    async listWithMemberCounts() {
      return db
        .select({
          id: organizations.id,
          name: organizations.name,
          createdAt: organizations.createdAt,
          memberCount: count(memberships.userId),
        })
        .from(organizations)
        .leftJoin(memberships, eq(memberships.organizationId, organizations.id))
        .groupBy(organizations.id)
        .orderBy(asc(organizations.name));
    },

    async listMembers(organizationId: string) {
      return db
        .select({
          userId: users.id,
          email: users.email,
          name: users.name,
          locale: users.locale,
          role: memberships.role,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.organizationId, organizationId))
        .orderBy(asc(users.email));
    },
  };
}

export type OrganizationRepository = ReturnType<typeof createOrganizationRepository>;
