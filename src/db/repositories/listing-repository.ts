import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { coSellListings } from '../schema.js';

export type ListingRow = typeof coSellListings.$inferSelect;
export type ListingValuesRow = Pick<
  ListingRow,
  'taxonomyVersion' | 'platforms' | 'marketSegments' | 'solutionType' | 'solutionAreas'
>;

/** SQL for co-sell listings, one per offer, written with optimistic concurrency. */
export function createListingRepository(db: Db) {
  return {
    async findByOfferId(offerId: string): Promise<ListingRow | undefined> {
      const rows = await db.select().from(coSellListings).where(eq(coSellListings.offerId, offerId)).limit(1);
      return rows[0];
    },

    /**
     * Writes the listing when it is still at `expectedVersion` (0: not yet saved). False when another
     * writer got there first.
     */
    async save(
      offerId: string,
      expectedVersion: number,
      values: ListingValuesRow,
      now: Date,
    ): Promise<boolean> {
      if (expectedVersion === 0) {
        const rows = await db
          .insert(coSellListings)
          .values({ offerId, ...values, version: 1, updatedAt: now })
          .onConflictDoNothing()
          .returning({ offerId: coSellListings.offerId });
        return rows.length > 0;
      }
      const rows = await db
        .update(coSellListings)
        .set({ ...values, version: sql`${coSellListings.version} + 1`, updatedAt: now })
        .where(and(eq(coSellListings.offerId, offerId), eq(coSellListings.version, expectedVersion)))
        .returning({ offerId: coSellListings.offerId });
      return rows.length > 0;
    },
  };
}

export type ListingRepository = ReturnType<typeof createListingRepository>;
