import { eq } from 'drizzle-orm';
import type { Db } from '../database.js';
import { organizationProfiles } from '../schema.js';

export type OrganizationProfileRow = typeof organizationProfiles.$inferSelect;
export type OrganizationProfileValuesRow = Omit<
  OrganizationProfileRow,
  'organizationId' | 'version' | 'updatedAt'
>;

/** SQL for organisation profiles, one per organisation, written with optimistic concurrency. */
export function createOrganizationProfileRepository(db: Db) {
  return {
    async findByOrganizationId(organizationId: string): Promise<OrganizationProfileRow | undefined> {
      const rows = await db
        .select()
        .from(organizationProfiles)
        .where(eq(organizationProfiles.organizationId, organizationId))
        .limit(1);
      return rows[0];
    },

    /** Locks the profile's row (when there is one) for the rest of the transaction. */
    async lock(organizationId: string): Promise<void> {
      await db
        .select({ id: organizationProfiles.organizationId })
        .from(organizationProfiles)
        .where(eq(organizationProfiles.organizationId, organizationId))
        .for('update');
    },

    /** Inserts or replaces the profile at `version`; false when a concurrent first save got there first. */
    async save(
      organizationId: string,
      version: number,
      values: OrganizationProfileValuesRow,
      now: Date,
    ): Promise<boolean> {
      if (version === 1) {
        const rows = await db
          .insert(organizationProfiles)
          .values({ organizationId, ...values, version, updatedAt: now })
          .onConflictDoNothing()
          .returning({ id: organizationProfiles.organizationId });
        return rows.length > 0;
      }
      await db
        .update(organizationProfiles)
        .set({ ...values, version, updatedAt: now })
        .where(eq(organizationProfiles.organizationId, organizationId));
      return true;
    },
  };
}

export type OrganizationProfileRepository = ReturnType<typeof createOrganizationProfileRepository>;
