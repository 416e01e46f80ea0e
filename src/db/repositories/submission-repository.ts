import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../database.js';
import { coSellSubmissions, offers, organizations } from '../schema.js';

export type SubmissionRow = typeof coSellSubmissions.$inferSelect;
export type NewSubmissionRow = Omit<typeof coSellSubmissions.$inferInsert, 'seq'>;
export type SubmissionDecision = Pick<
  SubmissionRow,
  | 'status'
  | 'decidedAt'
  | 'decidedById'
  | 'decidedByName'
  | 'comment'
  | 'itemReasons'
  | 'technicalValidationPassed'
>;
export type SubmissionWithdrawal = Pick<SubmissionRow, 'withdrawnAt' | 'withdrawnById' | 'withdrawnByName'>;

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

    /** The newest submission of an offer in one of `statuses` submitted before `beforeSeq`, if given. */
    async latestForOffer(
      offerId: string,
      statuses: SubmissionRow['status'][],
      beforeSeq?: number,
    ): Promise<SubmissionRow | undefined> {
      const rows = await db
        .select()
        .from(coSellSubmissions)
        .where(
          and(
            eq(coSellSubmissions.offerId, offerId),
            inArray(coSellSubmissions.status, statuses),
            beforeSeq === undefined ? undefined : lt(coSellSubmissions.seq, beforeSeq),
          ),
        )
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

    /**
     * What reviewer access to an offer's documents depends on: whether a submission waits, and who decided
     * its decided submissions.
     */
    async reviewFacts(offerId: string): Promise<{ hasPending: boolean; decidedBy: string[] }> {
      const rows = await db
        .selectDistinct({ status: coSellSubmissions.status, decidedById: coSellSubmissions.decidedById })
        .from(coSellSubmissions)
        .where(
          and(
            eq(coSellSubmissions.offerId, offerId),
            inArray(coSellSubmissions.status, ['pending', 'approved', 'rejected']),
          ),
        );
      return {
        hasPending: rows.some((row) => row.status === 'pending'),
        decidedBy: rows.flatMap((row) =>
          row.status !== 'pending' && row.decidedById ? [row.decidedById] : [],
        ),
      };
    },

    /** Marks a pending submission withdrawn; false when it was no longer pending. */
    async withdraw(id: string, withdrawal: SubmissionWithdrawal): Promise<boolean> {
      const rows = await db
        .update(coSellSubmissions)
        .set({ ...withdrawal, status: 'withdrawn' })
        .where(and(eq(coSellSubmissions.id, id), eq(coSellSubmissions.status, 'pending')))
        .returning({ id: coSellSubmissions.id });
      return rows.length > 0;
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
