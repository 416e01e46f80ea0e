import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { offerHistory, offers } from '../schema.js';

export type HistoryRow = typeof offerHistory.$inferSelect;
export type NewHistoryRow = Omit<typeof offerHistory.$inferInsert, 'seq' | 'organizationId' | 'offerName'>;

/** SQL for the offer history: appended in the writer's transaction, read newest first. */
export function createHistoryRepository(db: Db) {
  return {
    /**
     * Appends an entry, copying the offer's organisation and current name onto it from the offer's row (so
     * the entry reads well after the offer is deleted); an offer that is not there gets no entry.
     */
    async append(row: NewHistoryRow): Promise<void> {
      const message = row.summaryMessage ? JSON.stringify(row.summaryMessage) : null;
      await db.execute(sql`
        insert into ${offerHistory} (id, offer_id, organization_id, offer_name, at, actor_id, actor_name, subject,
          action, summary, summary_message, changes)
        select ${row.id}::text, o.id, o.organization_id, o.name, ${row.at.toISOString()}::timestamptz,
          ${row.actorId ?? null}::text, ${row.actorName}::text, ${row.subject}::text, ${row.action}::text,
          ${row.summary ?? null}::text, ${message}::jsonb, ${JSON.stringify(row.changes ?? [])}::jsonb
        from ${offers} o where o.id = ${row.offerId}`);
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
