import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { offers, organizations } from '../schema.js';

export type OfferRow = typeof offers.$inferSelect & { organizationName: string };
export type OfferChanges = Partial<
  Pick<
    typeof offers.$inferInsert,
    'name' | 'offerType' | 'summary' | 'description' | 'markets' | 'soldThroughCsp' | 'state' | 'publishedAt'
  >
>;

/** An offer's columns, with its organisation's name (a join on organizations), as OfferRow. */
export const offerColumns = {
  id: offers.id,
  organizationId: offers.organizationId,
  organizationName: organizations.name,
  name: offers.name,
  offerType: offers.offerType,
  summary: offers.summary,
  description: offers.description,
  markets: offers.markets,
  soldThroughCsp: offers.soldThroughCsp,
  state: offers.state,
  version: offers.version,
  contactsVersion: offers.contactsVersion,
  documentsVersion: offers.documentsVersion,
  externalReferenceUrl: offers.externalReferenceUrl,
  coSellStatus: offers.coSellStatus,
  coSellUnmet: offers.coSellUnmet,
  createdAt: offers.createdAt,
  updatedAt: offers.updatedAt,
  publishedAt: offers.publishedAt,
};

/** What the offers list shows of an offer (presentOffer's fields): offerColumns less the bookkeeping. */
const {
  contactsVersion: _contactsVersion,
  documentsVersion: _documentsVersion,
  externalReferenceUrl: _externalReferenceUrl,
  coSellUnmet: _coSellUnmet,
  ...offerListColumns
} = offerColumns;
export type OfferListRow = Pick<OfferRow, keyof typeof offerListColumns>;

/** SQL for offers. Updates are conditional on the version the writer read (optimistic concurrency). */
export function createOfferRepository(db: Db) {
  const byId = db
    .select(offerColumns)
    .from(offers)
    .innerJoin(organizations, eq(organizations.id, offers.organizationId))
    .where(eq(offers.id, sql.placeholder('id')))
    .limit(1)
    .prepare('offer_by_id');

  return {
    async findById(id: string): Promise<OfferRow | undefined> {
      const rows = await byId.execute({ id });
      return rows[0];
    },

    /** Locks the offer's row for the rest of the transaction, so concurrent writers queue. */
    async lockById(id: string): Promise<void> {
      await db.select({ id: offers.id }).from(offers).where(eq(offers.id, id)).for('update');
    },

    async listForOrganizations(organizationIds: string[]): Promise<OfferRow[]> {
      if (organizationIds.length === 0) return [];
      return db
        .select(offerColumns)
        .from(offers)
        .innerJoin(organizations, eq(organizations.id, offers.organizationId))
        .where(inArray(offers.organizationId, organizationIds))
        .orderBy(desc(offers.updatedAt), offers.id);
    },

    /** The organisations' offers as the offers list shows them, most recently changed first. */
    async listPageForOrganizations(organizationIds: string[]): Promise<OfferListRow[]> {
      if (organizationIds.length === 0) return [];
      return db
        .select(offerListColumns)
        .from(offers)
        .innerJoin(organizations, eq(organizations.id, offers.organizationId))
        .where(inArray(offers.organizationId, organizationIds))
        .orderBy(desc(offers.updatedAt), offers.id);
    },

    async insert(row: typeof offers.$inferInsert): Promise<void> {
      await db.insert(offers).values(row);
    },

    /** Applies the changes when the offer is still at `expectedVersion`; false when it is not. */
    async update(
      id: string,
      expectedVersion: number | null,
      changes: OfferChanges,
      now: Date,
    ): Promise<boolean> {
      const versionMatches = expectedVersion === null ? undefined : eq(offers.version, expectedVersion);
      const rows = await db
        .update(offers)
        .set({ ...changes, version: sql`${offers.version} + 1`, updatedAt: now })
        .where(and(eq(offers.id, id), versionMatches))
        .returning({ id: offers.id });
      return rows.length > 0;
    },

    /** Stores the last computed co-sell status; not a change of the offer, so its version stays. */
    async setCoSellStatus(id: string, status: string, unmet: string[]): Promise<void> {
      await db.update(offers).set({ coSellStatus: status, coSellUnmet: unmet }).where(eq(offers.id, id));
    },

    async delete(id: string): Promise<void> {
      await db.delete(offers).where(eq(offers.id, id));
    },
  };
}

export type OfferRepository = ReturnType<typeof createOfferRepository>;
