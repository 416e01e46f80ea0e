import { eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { catalogOffers, offers } from '../schema.js';

export type CatalogEntry = Omit<typeof catalogOffers.$inferInsert, 'tsv' | 'updatedAt'>;

export type CatalogFacetName =
  | 'platform'
  | 'segment'
  | 'solutionType'
  | 'area'
  | 'subArea'
  | 'country'
  | 'offerType'
  | 'status';

/** What a catalogue search asks of the database; terms are folded words (letters and digits only). */
export interface CatalogSearch {
  /** Channel resellers see offers sold through CSP only. */
  cspOnly: boolean;
  terms: readonly string[];
  /** Terms at least this long also match close words (pg_trgm word similarity). */
  fuzzyMinLength: number;
  filters: Partial<Record<CatalogFacetName, readonly string[]>>;
  after: { rank: number; score: string; offerId: string } | null;
  limit: number;
}

export interface CatalogHit {
  offerId: string;
  name: string;
  summary: string;
  organizationName: string;
  offerType: string;
  coSellStatus: string;
  soldThroughCsp: boolean;
  markets: string[];
  platforms: string[];
  segments: string[];
  solutionType: string | null;
  areas: string[];
  subAreas: string[];
  statusRank: number;
  score: string;
  searchText: string | null;
}

const textArray = (values: readonly string[]) =>
  sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

/** Each facet: the SQL that unnests (or reads) its values, and its filter over a row `c`. */
const FACET_SQL: Record<CatalogFacetName, { values: SQL; array: boolean; filter: (v: SQL) => SQL }> = {
  platform: { values: sql`platforms`, array: true, filter: (v) => sql`platforms && ${v}` },
  segment: { values: sql`segments`, array: true, filter: (v) => sql`segments && ${v}` },
  solutionType: { values: sql`solution_type`, array: false, filter: (v) => sql`solution_type = any(${v})` },
  area: { values: sql`areas`, array: true, filter: (v) => sql`areas && ${v}` },
  subArea: { values: sql`sub_areas`, array: true, filter: (v) => sql`sub_areas && ${v}` },
  country: { values: sql`markets`, array: true, filter: (v) => sql`markets && ${v}` },
  offerType: { values: sql`offer_type`, array: false, filter: (v) => sql`offer_type = any(${v})` },
  status: { values: sql`co_sell_status`, array: false, filter: (v) => sql`co_sell_status = any(${v})` },
};
const FACET_NAMES = Object.keys(FACET_SQL) as CatalogFacetName[];

/** The text match of one term: a word starting with it, or (long terms) a close word by trigrams. */
function termMatch(term: string, fuzzyMinLength: number): SQL {
  const prefix = sql`tsv @@ to_tsquery('simple', ${`${term}:*`})`;
  return term.length >= fuzzyMinLength ? sql`(${prefix} or ${term} <% search_text)` : prefix;
}

/** SQL for the seller catalogue: its denormalised rows, kept current by the catalogue refresh, and search. */
export function createCatalogRepository(db: Db) {
  return {
    async upsert(entry: CatalogEntry, now: Date): Promise<void> {
      const { offerId: _offerId, ...rest } = entry;
      await db
        .insert(catalogOffers)
        .values({ ...entry, updatedAt: now })
        .onConflictDoUpdate({ target: catalogOffers.offerId, set: { ...rest, updatedAt: now } });
    },

    async remove(offerId: string): Promise<void> {
      await db.delete(catalogOffers).where(eq(catalogOffers.offerId, offerId));
    },

    async findById(offerId: string): Promise<typeof catalogOffers.$inferSelect | undefined> {
      const rows = await db.select().from(catalogOffers).where(eq(catalogOffers.offerId, offerId)).limit(1);
      return rows[0];
    },

    /** Live offers that should be in the catalogue but have no row (data from before the catalogue). */
    async missingLiveOfferIds(): Promise<string[]> {
      const rows = await db.execute<{ id: string }>(sql`
        select o.id from ${offers} o
        where o.state = 'live' and not exists (select 1 from ${catalogOffers} c where c.offer_id = o.id)`);
      return rows.rows.map((r) => r.id);
    },

    /** One page of results in rank order (status, then text score, then id), the total and facet counts. */
    async search(search: CatalogSearch): Promise<{
      hits: CatalogHit[];
      total: number;
      facets: Record<CatalogFacetName, { id: string; count: number }[]>;
    }> {
      const base: SQL[] = [];
      if (search.cspOnly) base.push(sql`sold_through_csp`);
      for (const term of search.terms) base.push(termMatch(term, search.fuzzyMinLength));
      const active = FACET_NAMES.filter((f) => (search.filters[f]?.length ?? 0) > 0);
      const filterSql = Object.fromEntries(
        active.map((f) => [f, FACET_SQL[f].filter(textArray(search.filters[f] ?? []))]),
      ) as Record<CatalogFacetName, SQL>;
      const where = (conditions: SQL[]) =>
        conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `);

      const hasText = search.terms.length > 0;
      const orQuery = search.terms.map((t) => `${t}:*`).join(' | ');
      const fuzzy = search.terms.filter((t) => t.length >= search.fuzzyMinLength);
      const score = hasText
        ? sql`round((ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', tsv, to_tsquery('simple', ${orQuery}), 1)${
            fuzzy.length > 0
              ? sql` + 0.01 * (${sql.join(
                  fuzzy.map(
                    (t) => sql`word_similarity(${t}, search_text) + word_similarity(${t}, name_text)`,
                  ),
                  sql` + `,
                )})`
              : sql``
          })::numeric, 6)`
        : sql`0::numeric`;
      const after = search.after;
      const keyset = !after
        ? sql`true`
        : hasText
          ? sql`(status_rank < ${after.rank} or (status_rank = ${after.rank} and (score < ${after.score}::numeric or (score = ${after.score}::numeric and offer_id > ${after.offerId}))))`
          : sql`(status_rank < ${after.rank} or (status_rank = ${after.rank} and offer_id > ${after.offerId}))`;
      const everyFilter = [...base, ...active.map((f) => filterSql[f])];

      const pageQuery = sql`
        select * from (
          select offer_id, name, summary, organization_name, offer_type, co_sell_status, sold_through_csp,
            markets, platforms, segments, solution_type, areas, sub_areas, status_rank,
            ${hasText ? sql`search_text` : sql`null::text`} as search_text, ${score} as score
          from ${catalogOffers}
          where ${where(everyFilter)}
        ) s
        where ${keyset}
        order by status_rank desc${hasText ? sql`, score desc` : sql``}, offer_id
        limit ${search.limit + 1}`;

      // Facet counts: for each facet, over the rows that pass the text match and every other facet's filter.
      const flag = (f: CatalogFacetName) => sql.raw(`f_${f}`);
      const others = (facet: CatalogFacetName | null) =>
        where(active.filter((f) => f !== facet).map((f) => flag(f)));
      const facetParts = FACET_NAMES.map((f) => {
        const spec = FACET_SQL[f];
        return spec.array
          ? sql`select ${f}::text as facet, v as id, count(*)::int as n from m, unnest(m.${spec.values}) v where ${others(f)} group by v`
          : sql`select ${f}::text as facet, m.${spec.values} as id, count(*)::int as n from m where ${others(f)} and m.${spec.values} is not null group by m.${spec.values}`;
      });
      const facetQuery = sql`
        with m as materialized (
          select platforms, segments, solution_type, areas, sub_areas, markets, offer_type, co_sell_status${
            active.length > 0
              ? sql`, ${sql.join(
                  active.map((f) => sql`${filterSql[f]} as ${flag(f)}`),
                  sql`, `,
                )}`
              : sql``
          }
          from ${catalogOffers}
          where ${where(base)}
        )
        ${sql.join(facetParts, sql` union all `)}
        union all select 'total', '', count(*)::int from m where ${others(null)}`;

      const [page, facetRows] = await Promise.all([
        db.execute<Record<string, unknown>>(pageQuery),
        db.execute<{ facet: CatalogFacetName; id: string; n: number }>(facetQuery),
      ]);
      const facets = Object.fromEntries(
        FACET_NAMES.map((f) => [f, [] as { id: string; count: number }[]]),
      ) as Record<CatalogFacetName, { id: string; count: number }[]>;
      let total = 0;
      for (const row of facetRows.rows) {
        if ((row.facet as string) === 'total') total = row.n;
        else facets[row.facet].push({ id: row.id, count: row.n });
      }
      for (const list of Object.values(facets))
        list.sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
      const hits = page.rows.map(
        (r): CatalogHit => ({
          offerId: r.offer_id as string,
          name: r.name as string,
          summary: r.summary as string,
          organizationName: r.organization_name as string,
          offerType: r.offer_type as string,
          coSellStatus: r.co_sell_status as string,
          soldThroughCsp: r.sold_through_csp as boolean,
          markets: r.markets as string[],
          platforms: r.platforms as string[],
          segments: r.segments as string[],
          solutionType: r.solution_type as string | null,
          areas: r.areas as string[],
          subAreas: r.sub_areas as string[],
          statusRank: Number(r.status_rank),
          score: String(r.score),
          searchText: (r.search_text as string | null) ?? null,
        }),
      );
      return { hits, total, facets };
    },
  };
}

export type CatalogRepository = ReturnType<typeof createCatalogRepository>;
