import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { coSellDocuments, offers } from '../schema.js';

export type DocumentRow = typeof coSellDocuments.$inferSelect;
export type NewDocumentRow = Omit<typeof coSellDocuments.$inferInsert, 'seq'>;

/** SQL for an offer's co-sell documents (every version of every slot) and its external reference URL. */
export function createDocumentRepository(db: Db) {
  return {
    /** Every document row of an offer, every state, in upload order. */
    async listForOffer(offerId: string): Promise<DocumentRow[]> {
      return db
        .select()
        .from(coSellDocuments)
        .where(eq(coSellDocuments.offerId, offerId))
        .orderBy(asc(coSellDocuments.seq));
    },

    /** The rows of one slot, every state, in upload order. */
    async listForSlot(offerId: string, slot: string): Promise<DocumentRow[]> {
      return db
        .select()
        .from(coSellDocuments)
        .where(and(eq(coSellDocuments.offerId, offerId), eq(coSellDocuments.slot, slot)))
        .orderBy(asc(coSellDocuments.seq));
    },

    async findById(offerId: string, documentId: string): Promise<DocumentRow | undefined> {
      const rows = await db
        .select()
        .from(coSellDocuments)
        .where(and(eq(coSellDocuments.offerId, offerId), eq(coSellDocuments.id, documentId)))
        .limit(1);
      return rows[0];
    },

    async insert(row: NewDocumentRow): Promise<DocumentRow> {
      const rows = await db.insert(coSellDocuments).values(row).returning();
      const inserted = rows[0];
      if (!inserted) throw new Error('insert returned no row');
      return inserted;
    },

    async setState(ids: string[], state: DocumentRow['state']): Promise<void> {
      if (ids.length === 0) return;
      await db.update(coSellDocuments).set({ state }).where(inArray(coSellDocuments.id, ids));
    },

    /** Which of `hashes` some row refers to. */
    async referencedHashes(hashes: string[]): Promise<Set<string>> {
      if (hashes.length === 0) return new Set();
      const rows = await db
        .selectDistinct({ sha256: coSellDocuments.sha256 })
        .from(coSellDocuments)
        .where(inArray(coSellDocuments.sha256, hashes));
      return new Set(rows.map((r) => r.sha256));
    },

    /**
     * Moves the documents' version on when it is still `expected` (`*`: any); returns the new version, or
     * undefined when someone else changed the documents first.
     */
    async bumpVersion(offerId: string, expected: number | '*'): Promise<number | undefined> {
      const rows = await db
        .update(offers)
        .set({ documentsVersion: sql`${offers.documentsVersion} + 1` })
        .where(
          and(eq(offers.id, offerId), expected === '*' ? undefined : eq(offers.documentsVersion, expected)),
        )
        .returning({ version: offers.documentsVersion });
      return rows[0]?.version;
    },

    /** Sets (or, with null, clears) the offer's external reference URL. */
    async setExternalReferenceUrl(offerId: string, url: string | null): Promise<void> {
      await db.update(offers).set({ externalReferenceUrl: url }).where(eq(offers.id, offerId));
    },
  };
}

export type DocumentRepository = ReturnType<typeof createDocumentRepository>;
