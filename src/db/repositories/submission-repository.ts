import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../database.js';
import { coSellSubmissions, offers, organizations } from '../schema.js';

export type SubmissionRow = typeof coSellSubmissions.$inferSelect;
export type NewSubmissionRow = Omit<typeof coSellSubmissions.$inferInsert, 'seq'>;
export type SubmissionDecision = Pick<
  SubmissionRow,
  'status' | 'decidedAt' | 'decidedById' | 'decidedByName' | 'comment' | 'technicalValidationPassed'
>;

/** SQL for co-sell submissions and the reviewers' queue. */
export function createSubmissionRepository(db: Db) {
  return {
    async insert(row: NewSubmissionRow): Promise<SubmissionRow> {
      const rows = await db.insert(coSellSubmissions).values(row).returning();
      const inserted = rows[0];
      if (!inserted) throw new Error('insert returned no row');
      return inserted;
    },

    async findById(id: string): Promise<SubmissionRow | undefined> {
      const rows = await db.select().from(coSellSubmissions).where(eq(coSellSubmissions.id, id)).limit(1);
      return rows[0];
    },

    /** An offer's submissions, newest first. */
    async listForOffer(offerId: string): Promise<SubmissionRow[]> {
      return db
        .select()
        .from(coSellSubmissions)
        .where(eq(coSellSubmissions.offerId, offerId))
        .orderBy(desc(coSellSubmissions.seq));
    },

    /** The newest submission of an offer in one of `statuses`. */
    async latestForOffer(
      offerId: string,
      statuses: SubmissionRow['status'][],
    ): Promise<SubmissionRow | undefined> {
      const rows = await db
        .select()
        .from(coSellSubmissions)
        .where(and(eq(coSellSubmissions.offerId, offerId), inArray(coSellSubmissions.status, statuses)))
        .orderBy(desc(coSellSubmissions.seq))
        .limit(1);
      return rows[0];
    },

    /** Pending submissions, oldest first, with their offer's and organisation's names. */
    async listPending() {
      return db
        .select({
          id: coSellSubmissions.id,
          offerId: coSellSubmissions.offerId,
          submittedAt: coSellSubmissions.submittedAt,
          submittedByName: coSellSubmissions.submittedByName,
          offerName: offers.name,
          offerType: offers.offerType,
          organizationId: offers.organizationId,
          organizationName: organizations.name,
        })
        .from(coSellSubmissions)
        .innerJoin(offers, eq(offers.id, coSellSubmissions.offerId))
        .innerJoin(organizations, eq(organizations.id, offers.organizationId))
        .where(eq(coSellSubmissions.status, 'pending'))
        .orderBy(asc(coSellSubmissions.seq));
    },

    /** Records a decision on a pending submission; false when it was no longer pending. */
    async decide(id: string, decision: SubmissionDecision): Promise<boolean> {
      const rows = await db
        .update(coSellSubmissions)
        .set(decision)
        .where(and(eq(coSellSubmissions.id, id), eq(coSellSubmissions.status, 'pending')))
        .returning({ id: coSellSubmissions.id });
      return rows.length > 0;
    },
  };
}

export type SubmissionRepository = ReturnType<typeof createSubmissionRepository>;
