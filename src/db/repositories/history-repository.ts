import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../database.js';
import { offerHistory } from '../schema.js';

export type HistoryRow = typeof offerHistory.$inferSelect;

/** SQL for the offer history: appended in the writer's transaction, read newest first. */
export function createHistoryRepository(db: Db) {
  return {
    async append(row: Omit<typeof offerHistory.$inferInsert, 'seq'>): Promise<void> {
      await db.insert(offerHistory).values(row);
    },

    /** A page of an offer's history, newest first, older than the entry `beforeSeq` when given. */
    async page(offerId: string, limit: number, beforeSeq?: number): Promise<HistoryRow[]> {
      const cursor = beforeSeq === undefined ? undefined : lt(offerHistory.seq, beforeSeq);
      return db
        .select()
        .from(offerHistory)
        .where(and(eq(offerHistory.offerId, offerId), cursor))
        .orderBy(desc(offerHistory.seq))
        .limit(limit);
    },
  };
}

export type HistoryRepository = ReturnType<typeof createHistoryRepository>;
