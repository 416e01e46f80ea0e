import { asc, eq, lt, sql } from 'drizzle-orm';
import type { CatalogRow } from '../../domain/catalog/search-index.js';
import type { Db } from '../database.js';
import {
  catalogIdentity,
  catalogOffers,
  catalogRemovals,
  coSellContacts,
  coSellDocuments,
  coSellListings,
  offers,
  organizations,
} from '../schema.js';

/** A current document as the offer page reads it; uploadedAt in epoch milliseconds. */
export interface CatalogPageDocument {
  id: string;
  slot: string;
  fileName: string;
  contentType: string;
  size: number;
  version: number;
  uploadedAt: number;
}

export type CatalogEntry = Omit<typeof catalogOffers.$inferInsert, 'changedXid' | 'updatedAt' | 'cardFacts'>;

/**
 * An offer's card facts as packCardFacts packs them ("slotA,slotB|Role:NO,SE;Role:OOO"): the slots with a
 * current document, then per contact role the countries its contacts name. Migration 0015 filled the rows
 * already there with the same expression.
 */
const cardFactsOf = (offerId: string) => sql`
  coalesce((
    select string_agg(s.slot, ',' order by s.slot)
    from (
      select distinct d.slot from ${coSellDocuments} d where d.offer_id = ${offerId} and d.state = 'current'
    ) s
  ), '')
  || '|' ||
  coalesce((
    select string_agg(r.role || ':' || r.countries, ';' order by r.role)
    from (
      select k.role, string_agg(distinct country, ',' order by country) as countries
      from ${coSellContacts} k, unnest(k.countries) as country
      where k.offer_id = ${offerId} group by k.role
    ) r
  ), '')`;

/** A list column as one string: taxonomy ids and country codes hold no comma. */
const joined = (column: unknown) => sql<string>`array_to_string(${column}, ',')`;
const split = (list: string): string[] => (list === '' ? [] : list.split(','));

/**
 * SQL for the seller catalogue: its denormalised rows (kept current by the catalogue refresh), the changes the
 * search index reads, and the offer pages.
 */
export function createCatalogRepository(db: Db) {
  // Runs before every search (the index's refresh), so it is one prepared statement, and one snapshot: the
  // horizon, the removals and the changed rows are seen at the same moment. A row brings what its result card
  // shows of the offer's documents and contacts (card_facts, worked out whenever the row is written: every
  // write to them refreshes the row in the same transaction, readiness-service's status refresh).
  const changes = db
    .select({
      horizon: sql<string>`pg_snapshot_xmin(pg_current_snapshot())::text`,
      removed: sql<string[]>`array(
        select distinct r.offer_id from ${catalogRemovals} r
        where r.removed_xid >= ${sql.placeholder('since')}::text::xid8
          and not exists (select 1 from ${catalogOffers} c where c.offer_id = r.offer_id))`,
      rows: sql<CatalogRow[]>`(
        select coalesce(json_agg(json_build_object(
          'offerId', c.offer_id, 'version', c.changed_xid::text, 'organizationName', c.organization_name,
          'name', c.name, 'summary', c.summary, 'offerType', c.offer_type, 'coSellStatus', c.co_sell_status,
          'statusRank', c.status_rank, 'soldThroughCsp', c.sold_through_csp, 'markets', c.markets,
          'platforms', c.platforms, 'segments', c.segments, 'solutionType', c.solution_type, 'areas', c.areas,
          'subAreas', c.sub_areas, 'searchText', c.search_text, 'cardFacts', c.card_facts
          ) order by c.changed_xid, c.offer_id), '[]'::json)
        from (
          select * from ${catalogOffers}
          where (changed_xid, offer_id) > (${sql.placeholder('afterXid')}::text::xid8, ${sql.placeholder('afterOfferId')})
          order by changed_xid, offer_id limit ${sql.placeholder('limit')}
        ) c)`,
    })
    .from(sql`(select 1) as one`)
    .prepare('catalog_changes');

  // A full load: plain columns (lists as one string each), pages of rows in (transaction, offer id) order.
  // Building one JSON document per page, as `changes` does for a few rows, costs the database several times
  // what the rows themselves cost.
  const horizon = db
    .select({ horizon: sql<string>`pg_snapshot_xmin(pg_current_snapshot())::text` })
    .from(sql`(select 1) as one`)
    .prepare('catalog_horizon');
  // What an index snapshot is checked against: which database this is, and how far it has gone.
  const stamp = db
    .select({
      identity: sql<string | null>`(select min(${catalogIdentity.id}) from ${catalogIdentity})`,
      horizon: sql<string>`pg_snapshot_xmin(pg_current_snapshot())::text`,
    })
    .from(sql`(select 1) as one`)
    .prepare('catalog_stamp');
  const c = catalogOffers;
  const rowsAfter = db
    .select({
      offerId: c.offerId,
      version: sql<string>`${c.changedXid}::text`,
      organizationName: c.organizationName,
      name: c.name,
      summary: c.summary,
      offerType: c.offerType,
      coSellStatus: c.coSellStatus,
      statusRank: c.statusRank,
      soldThroughCsp: c.soldThroughCsp,
      markets: joined(c.markets),
      platforms: joined(c.platforms),
      segments: joined(c.segments),
      solutionType: c.solutionType,
      areas: joined(c.areas),
      subAreas: joined(c.subAreas),
      searchText: c.searchText,
      cardFacts: c.cardFacts,
    })
    .from(c)
    .where(
      sql`(${c.changedXid}, ${c.offerId}) > (${sql.placeholder('afterXid')}::text::xid8, ${sql.placeholder('afterOfferId')})`,
    )
    .orderBy(asc(c.changedXid), asc(c.offerId))
    .limit(sql.placeholder('limit'))
    .prepare('catalog_rows_after');

  // The offer page and the contacts lookup, one statement each for what they read of the catalogue.
  const audienceById = db
    .select({ organizationId: catalogOffers.organizationId, soldThroughCsp: catalogOffers.soldThroughCsp })
    .from(catalogOffers)
    .where(eq(catalogOffers.offerId, sql.placeholder('offerId')))
    .prepare('catalog_audience_by_id');
  // The page and its current documents (each slot's current file, in upload order) in one statement: one
  // round trip, one connection. Times come as epoch milliseconds, what a Date holds.
  const pageById = db
    .select({
      offerId: offers.id,
      organizationId: catalogOffers.organizationId,
      name: offers.name,
      offerType: offers.offerType,
      summary: offers.summary,
      description: offers.description,
      organizationName: organizations.name,
      markets: offers.markets,
      soldThroughCsp: catalogOffers.soldThroughCsp,
      externalReferenceUrl: offers.externalReferenceUrl,
      coSellStatus: catalogOffers.coSellStatus,
      listing: {
        taxonomyVersion: coSellListings.taxonomyVersion,
        platforms: coSellListings.platforms,
        marketSegments: coSellListings.marketSegments,
        solutionType: coSellListings.solutionType,
        solutionAreas: coSellListings.solutionAreas,
      },
      documents: sql<CatalogPageDocument[]>`(
        select coalesce(json_agg(json_build_object(
          'id', d.id, 'slot', d.slot, 'fileName', d.file_name, 'contentType', d.content_type, 'size', d.size,
          'version', d.version, 'uploadedAt', floor(extract(epoch from d.uploaded_at) * 1000)::bigint
          ) order by d.seq), '[]'::json)
        from ${coSellDocuments} d
        where d.offer_id = ${catalogOffers.offerId} and d.state = 'current')`,
    })
    .from(catalogOffers)
    .innerJoin(offers, eq(offers.id, catalogOffers.offerId))
    .innerJoin(organizations, eq(organizations.id, offers.organizationId))
    .leftJoin(coSellListings, eq(coSellListings.offerId, catalogOffers.offerId))
    .where(eq(catalogOffers.offerId, sql.placeholder('offerId')))
    .prepare('catalog_page_by_id');

  return {
    /** Whether the offer is in the catalogue, and what decides who may see it (access/offer-facts.ts). */
    async audienceOf(
      offerId: string,
    ): Promise<{ organizationId: string; soldThroughCsp: boolean } | undefined> {
      return (await audienceById.execute({ offerId }))[0];
    },

    /**
     * A catalogue offer's page: the offer, its catalogue status, its listing (null before one is saved) and
     * the current file of each document slot, in upload order.
     */
    async pageOf(offerId: string) {
      return (await pageById.execute({ offerId }))[0];
    },

    /** Writes an offer's row, with its card's facts as its documents and contacts are now. */
    async upsert(entry: CatalogEntry, now: Date): Promise<void> {
      const { offerId, ...rest } = entry;
      const cardFacts = cardFactsOf(offerId);
      await db
        .insert(catalogOffers)
        .values({ ...entry, cardFacts, updatedAt: now })
        .onConflictDoUpdate({ target: catalogOffers.offerId, set: { ...rest, cardFacts, updatedAt: now } });
    },

    async remove(offerId: string): Promise<void> {
      await db.delete(catalogOffers).where(eq(catalogOffers.offerId, offerId));
    },

    /** Live offers that should be in the catalogue but have no row (data from before the catalogue). */
    async missingLiveOfferIds(): Promise<string[]> {
      const rows = await db.execute<{ id: string }>(sql`
        select o.id from ${offers} o
        where o.state = 'live' and not exists (select 1 from ${catalogOffers} c where c.offer_id = o.id)`);
      return rows.rows.map((r) => r.id);
    },

    /**
     * What changed since `since` (a transaction id; '0' for everything): rows written by that transaction or
     * a later one, at most `limit`, in (transaction, offer id) order after `after` (the last row of the
     * previous page; none for the first); offers removed since then that have no row now; and the horizon
     * to pass as `since` next time (the oldest transaction still running: everything before it has committed
     * and is visible here, anything later is read again next time).
     */
    async changesSince(
      since: string,
      after: { version: string; offerId: string } | null,
      limit: number,
    ): Promise<{ horizon: string; removed: string[]; rows: CatalogRow[] }> {
      const [row] = await changes.execute({
        since,
        // The first page starts just before `since`: every row of that transaction or later.
        afterXid: after?.version ?? since,
        afterOfferId: after?.offerId ?? '',
        limit,
      });
      if (!row) throw new Error('the catalogue changes query returned no row');
      return row;
    },

    /**
     * Where a full load starts: the oldest transaction still running (everything before it has committed).
     * Rows read after this call see at least as much; a later look reads again from here.
     */
    async horizon(): Promise<string> {
      const [row] = await horizon.execute();
      if (!row) throw new Error('the catalogue horizon query returned no row');
      return row.horizon;
    },

    /**
     * This database's name for itself (drawn anew if its row is gone) and its horizon now: a search index snapshot
     * is loaded only into a server of the database it was taken from, and only if that has not gone back.
     */
    async stamp(): Promise<{ identity: string; horizon: string }> {
      let [row] = await stamp.execute();
      if (row && row.identity === null) {
        // The row is gone (a table emptied): a new name, so no snapshot taken before is loaded. Two servers
        // doing this at once leave two rows; both then read the same one (the least).
        await db.execute(
          sql`insert into ${catalogIdentity} select where not exists (select 1 from ${catalogIdentity})`,
        );
        [row] = await stamp.execute();
      }
      if (!row || row.identity === null) throw new Error('the catalogue stamp query returned no identity');
      return { identity: row.identity, horizon: row.horizon };
    },

    /** Every row, at most `limit` at a time, in (transaction, offer id) order after `after` (none: the start). */
    async rowsAfter(
      after: { version: string; offerId: string } | null,
      limit: number,
    ): Promise<CatalogRow[]> {
      const rows = await rowsAfter.execute({
        afterXid: after?.version ?? '0',
        afterOfferId: after?.offerId ?? '',
        limit,
      });
      return rows.map((row) => ({
        ...row,
        markets: split(row.markets),
        platforms: split(row.platforms),
        segments: split(row.segments),
        areas: split(row.areas),
        subAreas: split(row.subAreas),
      }));
    },

    /** Forgets tombstones older than `before` (a server that has not looked since then reloads in full). */
    async pruneRemovals(before: Date): Promise<void> {
      await db.delete(catalogRemovals).where(lt(catalogRemovals.removedAt, before));
    },
  };
}

export type CatalogRepository = ReturnType<typeof createCatalogRepository>;
