#!/usr/bin/env node
// Our catalogue search index beside a maintained embedded search library (MiniSearch) and PostgreSQL's full-text
// search (a tsvector with a GIN index), on the same data and the same stream of searches (issue 20; the choice is
// docs/decisions/0002-catalogue-search-in-memory.md). The generated catalogue (bench/catalog-generate.mjs: 10,000
// offers, and 100,000 with --large) plus a few probe offers for the relevance checks is given to each engine:
//
//   ours        CatalogSearchIndex from dist/, built at once (CatalogIndexBuilder) from the catalogue's rows
//   minisearch  MiniSearch over the same text (name, summary, labels, search_text), folded as ours folds it
//               (foldText), split into the same words, prefix matching, fuzzy matching of terms of 4 letters
//               or more (edit distance a fifth of the term), all terms required (AND), name boosted 10,
//               summary and labels 4 (ours weighs them 1, 0.4, 0.1); filters, facet counts and the page (by
//               status rank, then score, then offer id, as ours orders) worked out from its matches in JS
//   postgres    a scratch database (dropped afterwards): a table of the same rows, a tsvector of the folded texts
//               ('simple' configuration; name weighted A, summary and labels B, the rest D: ts_rank's weights
//               are then 1, 0.4 and 0.1 as ours), a GIN index on it; each term a prefix query (term:*), all
//               required; filters, facet counts (each facet without its own filter, as ours), the total and the
//               page by keyset (status rank, rank, offer id) in one statement, through a pg pool
//
// Then the same distinct searches (bench/catalog-queries.mjs searchStream, as bench/catalog-search.mjs sends them,
// later pages by cursor) one after the other in this process, BENCH_ROUNDS times, the engines taking turns, and
// per engine: build time, memory (heap growth after a GC for the in-process ones; table and index size for
// PostgreSQL), median and p99 per page asked, pages per second, and relevance: overlap of each engine's first
// page (top 20) with ours over the first BENCH_RELEVANCE searches, and the probes, our unit tests' expectations
// on the big catalogue (a name match before a summary match before a description match, accents and Swedish
// folded, misspellings found, prefixes found).
//
// Run: node scripts/build-if-stale.mjs --only server && node bench/catalog-search-compare.mjs [--large]
// Environment: BENCH_DATABASE_URL or DATABASE_URL (a server to make the scratch database on; PostgreSQL is left
// out without one), BENCH_QUERIES (1000 searches), BENCH_ROUNDS (3), BENCH_RELEVANCE (300), BENCH_PG_POOL (4),
// BENCH_DIST (the build whose index is measured: dist/ when left out).
import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import MiniSearch from 'minisearch';
import pg from 'pg';
import { generateCatalog } from './catalog-generate.mjs';
import { searchStream } from './catalog-queries.mjs';
import { writeResults } from './results.mjs';

const env = process.env;
const dist = new URL(
  env.BENCH_DIST ? `file://${env.BENCH_DIST.replace(/\/?$/, '/')}` : '../dist/',
  import.meta.url,
);
const { CatalogSearchIndex, facetValuesOf } = await import(new URL('domain/catalog/search-index.js', dist));
const { CATALOG_FACETS: FACETS } = await import(new URL('domain/catalog/catalog-schema.js', dist));
const { CatalogIndexBuilder } = await import(new URL('domain/catalog/index-builder.js', dist)).catch(
  () => ({}),
);
const { foldText, queryTerms } = await import(new URL('domain/catalog/fold.js', dist));
const { searchLabelWords } = await import(new URL('domain/catalog/catalog-labels.js', dist));

const LARGE = process.argv.includes('--large');
const SIZES = LARGE ? [10_000, 100_000] : [10_000];
const QUERIES = Number(env.BENCH_QUERIES ?? 1000);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 3);
const RELEVANCE = Number(env.BENCH_RELEVANCE ?? 300);
const PG_POOL = Number(env.BENCH_PG_POOL ?? 4);
const serverUrl = env.BENCH_DATABASE_URL ?? env.DATABASE_URL;
const LIMIT = 20;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

/** A row's values of each facet, in FACETS order: the index's own. */
const facetValues = facetValuesOf;

// --- the data ------------------------------------------------------------------------------------------------

/** The generated catalogue's rows as the index reads them from catalog_offers. */
function catalogRows(catalog) {
  const table = catalog.tables.catalog_offers;
  const at = Object.fromEntries(table.columns.map((c, i) => [c, i]));
  return table.rows.map((r, i) => ({
    offerId: r[at.offer_id],
    version: String(1000 + i),
    organizationName: r[at.organization_name],
    name: r[at.name],
    summary: r[at.summary],
    offerType: r[at.offer_type],
    coSellStatus: r[at.co_sell_status],
    statusRank: r[at.status_rank],
    soldThroughCsp: r[at.sold_through_csp],
    markets: r[at.markets],
    platforms: r[at.platforms],
    segments: r[at.segments],
    solutionType: r[at.solution_type],
    areas: r[at.areas],
    subAreas: r[at.sub_areas],
    searchText: r[at.search_text],
    cardFacts: r[at.card_facts],
  }));
}

/** Probe offers for the relevance checks: a rare word in the name, the summary, the description; a Swedish name. */
function probeRows(template) {
  const probe = (offerId, name, summary, description) => ({
    ...template,
    offerId,
    version: '1',
    name,
    summary,
    coSellStatus: 'AzureIpCoSellIncentivized',
    statusRank: 3,
    searchText: [name, summary, description].map(foldText).join('\n'),
  });
  return [
    probe('probe_name', 'Zephyrine Hub', 'Data for retail', 'Reports and dashboards.'),
    probe('probe_summary', 'Harbour Suite', 'Zephyrine insights for banks', 'Reports for banks.'),
    probe('probe_description', 'Quay Suite', 'Data for health', 'Built on the zephyrine platform.'),
    probe(
      'probe_swedish',
      'Säkerhetsövervakning Åtkomst',
      'Övervakning för kommuner',
      'Molntjänst i Sverige.',
    ),
  ];
}

/** Each probe: a query, and what the first hits must be (in order) or what must be among them. */
const PROBES = [
  {
    name: 'name before summary before description',
    q: 'zephyrine',
    first: ['probe_name', 'probe_summary', 'probe_description'],
  },
  { name: 'prefix', q: 'zephy', includes: ['probe_name', 'probe_summary', 'probe_description'] },
  { name: 'misspelling (a letter replaced)', q: 'zephirine', includes: ['probe_name'] },
  { name: 'misspelling (letters swapped)', q: 'zepyhrine', includes: ['probe_name'] },
  { name: 'misspelling (a letter dropped)', q: 'sakerhetsovervaking', includes: ['probe_swedish'] },
  { name: 'accents folded', q: 'sakerhetsovervakning atkomst', includes: ['probe_swedish'] },
  { name: 'Swedish as written', q: 'SÄKERHETSÖVERVAKNING Åtkomst', includes: ['probe_swedish'] },
  { name: 'Swedish prefix', q: 'övervak', includes: ['probe_swedish'] },
];

// --- shared by the engines that have no facets of their own --------------------------------------------------

/** Orders hits as ours does: status rank, then score (6 decimals, as the cursor has it), then offer id. */
const byRank = (a, b) =>
  b.row.statusRank - a.row.statusRank ||
  b.score - a.score ||
  (a.row.offerId < b.row.offerId ? -1 : a.row.offerId > b.row.offerId ? 1 : 0);

/**
 * Filters, facet counts and a page from text matches ({ row, score }), with ours' semantics: each facet is
 * counted without its own filter; the page is the first `LIMIT` after the cursor in rank order.
 */
function answerFrom(matches, filters, after) {
  const wanted = FACETS.map((facet) => (filters[facet]?.length ? new Set(filters[facet]) : null));
  const counts = FACETS.map(() => new Map());
  const passed = [];
  for (const match of matches) {
    const values = facetValues(match.row);
    let failedAt = -1;
    let failures = 0;
    for (let f = 0; f < FACETS.length; f++) {
      const want = wanted[f];
      if (want && !values[f].some((v) => want.has(v))) {
        failures++;
        failedAt = f;
        if (failures > 1) break;
      }
    }
    if (failures > 1) continue;
    for (let f = 0; f < FACETS.length; f++) {
      if (failures === 1 && f !== failedAt) continue;
      for (const v of new Set(values[f])) counts[f].set(v, (counts[f].get(v) ?? 0) + 1);
    }
    if (failures === 0) passed.push(match);
  }
  passed.sort(byRank);
  let from = 0;
  if (after) {
    from = passed.findIndex(
      (m) =>
        m.row.statusRank < after.rank ||
        (m.row.statusRank === after.rank &&
          (m.score < after.score || (m.score === after.score && m.row.offerId > after.offerId))),
    );
    if (from === -1) from = passed.length;
  }
  const page = passed.slice(from, from + LIMIT + 1);
  return {
    ids: page.slice(0, LIMIT).map((m) => m.row.offerId),
    total: passed.length,
    counts,
    next: nextOf(page),
  };
}

function nextOf(page) {
  if (page.length <= LIMIT) return null;
  const last = page[LIMIT - 1];
  return { rank: last.row.statusRank, score: last.score, offerId: last.row.offerId };
}

// --- the engines -----------------------------------------------------------------------------------------------

function ours() {
  let index;
  return {
    name: 'ours',
    build(rows) {
      if (CatalogIndexBuilder) {
        const builder = new CatalogIndexBuilder();
        for (const row of rows) builder.add(row);
        index = CatalogSearchIndex.fromParts(builder.parts());
      } else {
        index = new CatalogSearchIndex();
        for (const row of rows) index.upsert(row);
      }
    },
    async search(q, filters, after) {
      const result = index.search({
        cspOnly: false,
        terms: queryTerms(q),
        filters,
        after: after && { rank: after.rank, score: after.score, offerId: after.offerId },
        limit: LIMIT,
      });
      const last = result.hits.length > LIMIT ? result.hits[LIMIT - 1] : null;
      return {
        ids: result.hits.slice(0, LIMIT).map((h) => h.offerId),
        total: result.total,
        next: last && { rank: last.statusRank, score: last.score, offerId: last.offerId },
      };
    },
  };
}

function miniSearch() {
  let engine;
  let byId;
  const words = (text) => text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  return {
    name: 'minisearch',
    build(rows) {
      byId = new Map(rows.map((row) => [row.offerId, row]));
      engine = new MiniSearch({
        idField: 'offerId',
        fields: ['name', 'summary', 'labels', 'searchText'],
        storeFields: [],
        extractField: (row, field) =>
          field === 'labels'
            ? [
                ...row.platforms.flatMap((id) => searchLabelWords('platforms', id)),
                ...row.areas.flatMap((id) => searchLabelWords('solutionAreas', id)),
                ...row.subAreas.flatMap((id) => searchLabelWords('subAreas', id)),
              ].join(' ')
            : row[field],
        tokenize: words,
        processTerm: (term) => foldText(term),
        searchOptions: {
          boost: { name: 10, summary: 4, labels: 4 },
          prefix: true,
          fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
          combineWith: 'AND',
        },
      });
      engine.addAll(rows);
    },
    async search(q, filters, after) {
      // Rounded as ours' cursor has it, so a cursor's score compares equal.
      const matches = engine
        .search(queryTerms(q).join(' '))
        .map((r) => ({ row: byId.get(r.id), score: Number(r.score.toFixed(6)) }));
      return answerFrom(matches, filters, after);
    },
  };
}

/** PostgreSQL full-text search in a scratch database on `serverUrl`. */
function postgresFts() {
  let admin;
  let pool;
  let dbName;
  const facetFilter = [
    'platforms && $2::text[]',
    'segments && $3::text[]',
    'solution_type = any($4::text[])',
    'areas && $5::text[]',
    'sub_areas && $6::text[]',
    'markets && $7::text[]',
    'offer_type = any($8::text[])',
    'co_sell_status = any($9::text[])',
  ];
  const facetValuesSql = [
    'unnest(platforms)',
    'unnest(segments)',
    'solution_type',
    'unnest(areas)',
    'unnest(sub_areas)',
    'unnest(markets)',
    'offer_type',
    'co_sell_status',
  ];
  const passes = (except) => FACETS.map((_, f) => (f === except ? 'true' : `f${f}`)).join(' and ');
  const SEARCH = `
    with m as materialized (
      select offer_id, status_rank, round(ts_rank(tsv, q)::numeric, 6)::float8 as score, platforms, segments,
        solution_type, areas, sub_areas, markets, offer_type, co_sell_status,
        ${facetFilter.map((test, f) => `($${f + 2}::text[] is null or ${test}) as f${f}`).join(',\n        ')}
      from fts, to_tsquery('simple', $1) q
      where tsv @@ q
    )
    select
      (select count(*) from m where ${passes(-1)})::int as total,
      ${FACETS.map(
        (_, f) => `(select coalesce(json_agg(json_build_array(v, n)), '[]') from (
          select v, count(*) n from (select ${facetValuesSql[f]} as v from m where ${passes(f)}) s
          where v is not null group by v) c) as c${f}`,
      ).join(',\n      ')},
      (select coalesce(json_agg(json_build_array(offer_id, status_rank, score)), '[]') from (
        select offer_id, status_rank, score from m
        where ${passes(-1)} and ($10::int is null or status_rank < $10 or (status_rank = $10
          and (score < $11::float8 or (score = $11::float8 and offer_id > $12::text))))
        order by status_rank desc, score desc, offer_id limit ${LIMIT + 1}) p) as hits`;
  return {
    name: 'postgres',
    async load(rows) {
      dbName = `cosell_compare_${randomBytes(5).toString('hex')}`;
      admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      const url = new URL(serverUrl);
      url.pathname = `/${dbName}`;
      pool = new pg.Pool({ connectionString: url.toString(), max: PG_POOL });
      pool.on('error', () => undefined);
      await pool.query(`create table fts (offer_id text primary key, status_rank int2 not null,
        csp bool not null, platforms text[] not null, segments text[] not null, solution_type text,
        areas text[] not null, sub_areas text[] not null, markets text[] not null, offer_type text not null,
        co_sell_status text not null, name_folded text not null, summary_folded text not null,
        labels_folded text not null, search_text text not null)`);
      const list = (values) => `{${values.map((v) => `"${v}"`).join(',')}}`;
      for (let from = 0; from < rows.length; from += 5000) {
        const chunk = rows.slice(from, from + 5000);
        const labels = (r) =>
          [
            ...r.platforms.flatMap((id) => searchLabelWords('platforms', id)),
            ...r.areas.flatMap((id) => searchLabelWords('solutionAreas', id)),
            ...r.subAreas.flatMap((id) => searchLabelWords('subAreas', id)),
          ].join(' ');
        await pool.query(
          `insert into fts select a, b, c, d::text[], e::text[], f, g::text[], h::text[], i::text[], j, k, l, m, n, o from unnest($1::text[], $2::int2[], $3::bool[], $4::text[], $5::text[],
            $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
            $14::text[], $15::text[]) as t(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o)`,
          [
            chunk.map((r) => r.offerId),
            chunk.map((r) => r.statusRank),
            chunk.map((r) => r.soldThroughCsp),
            chunk.map((r) => list(r.platforms)),
            chunk.map((r) => list(r.segments)),
            chunk.map((r) => r.solutionType),
            chunk.map((r) => list(r.areas)),
            chunk.map((r) => list(r.subAreas)),
            chunk.map((r) => list(r.markets)),
            chunk.map((r) => r.offerType),
            chunk.map((r) => r.coSellStatus),
            chunk.map((r) => foldText(r.name)),
            chunk.map((r) => foldText(r.summary)),
            chunk.map(labels),
            chunk.map((r) => r.searchText),
          ],
        );
      }
    },
    /** The tsvector and its GIN index, from the rows already in the table. */
    async build() {
      await pool.query(`alter table fts add column tsv tsvector`);
      await pool.query(`update fts set tsv = setweight(to_tsvector('simple', name_folded), 'A')
        || setweight(to_tsvector('simple', summary_folded), 'B')
        || setweight(to_tsvector('simple', labels_folded), 'B')
        || setweight(to_tsvector('simple', search_text), 'D')`);
      await pool.query('create index fts_tsv on fts using gin (tsv)');
      await pool.query('vacuum analyze fts');
    },
    async memory() {
      const { rows } = await pool.query(
        `select pg_relation_size('fts_tsv') as gin, pg_total_relation_size('fts') as total`,
      );
      return { ginMiB: mib(rows[0].gin), tableAndIndexesMiB: mib(rows[0].total) };
    },
    async search(q, filters, after) {
      const terms = queryTerms(q);
      if (terms.length === 0) return { ids: [], total: 0, next: null };
      const params = [
        terms.map((t) => `${t}:*`).join(' & '),
        ...FACETS.map((facet) => (filters[facet]?.length ? filters[facet] : null)),
        after?.rank ?? null,
        after?.score ?? null,
        after?.offerId ?? null,
      ];
      const { rows } = await pool.query(SEARCH, params);
      const hits = rows[0].hits;
      const page = hits.map(([offerId, statusRank, score]) => ({ row: { offerId, statusRank }, score }));
      return {
        ids: page.slice(0, LIMIT).map((h) => h.row.offerId),
        total: rows[0].total,
        next: nextOf(page),
      };
    },
    async close() {
      await pool?.end();
      if (admin) {
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.end();
      }
    },
  };
}

// --- measuring -------------------------------------------------------------------------------------------------

const mib = (bytes) => Number((Number(bytes) / 2 ** 20).toFixed(1));
const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (list, p) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const round = (n, digits = 2) => Number(n.toFixed(digits));
const spread = (list, digits = 2) => ({
  median: round(median(list), digits),
  min: round(Math.min(...list), digits),
  max: round(Math.max(...list), digits),
});

/** The stream once through `engine`, one page after another; per page its time in ms, and the first pages. */
async function runStream(engine, stream) {
  const times = [];
  const firstPages = [];
  const started = performance.now();
  for (const search of stream) {
    let after = null;
    for (let page = 1; page <= search.pages; page++) {
      const t = performance.now();
      const result = await engine.search(search.q, search.filters, after);
      times.push(performance.now() - t);
      if (page === 1) firstPages.push(result.ids);
      after = result.next;
      if (!after) break;
    }
  }
  const ms = performance.now() - started;
  return {
    medianMs: median(times),
    p99Ms: percentile(times, 99),
    pagesPerSecond: (times.length * 1000) / ms,
    pages: times.length,
    firstPages,
  };
}

/** The stream with `parallel` searches at a time (PostgreSQL through its pool): pages per second. */
async function runParallel(engine, stream, parallel) {
  let next = 0;
  let pages = 0;
  const times = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < stream.length) {
        const search = stream[next++];
        let after = null;
        for (let page = 1; page <= search.pages; page++) {
          const t = performance.now();
          const result = await engine.search(search.q, search.filters, after);
          times.push(performance.now() - t);
          pages++;
          after = result.next;
          if (!after) break;
        }
      }
    }),
  );
  return {
    pagesPerSecond: (pages * 1000) / (performance.now() - started),
    medianMs: median(times),
    p99Ms: percentile(times, 99),
  };
}

async function probe(engine) {
  const results = {};
  for (const check of PROBES) {
    const { ids } = await engine.search(check.q, {}, null);
    results[check.name] = check.first
      ? check.first.every((id, i) => ids[i] === id)
      : check.includes.every((id) => ids.includes(id));
  }
  return results;
}

/** Per search, the share of ours' first page the engine's first page has too (searches ours finds nothing for left out). */
function overlap(oursPages, theirPages) {
  const shares = [];
  let theyFoundNothing = 0;
  for (let i = 0; i < Math.min(RELEVANCE, oursPages.length); i++) {
    const mine = oursPages[i];
    if (mine.length === 0) continue;
    const theirs = new Set(theirPages[i]);
    if (theirs.size === 0) theyFoundNothing++;
    shares.push(mine.filter((id) => theirs.has(id)).length / mine.length);
  }
  return {
    searches: shares.length,
    meanTop20Overlap: round(shares.reduce((a, b) => a + b, 0) / Math.max(1, shares.length), 3),
    identicalPages: shares.filter((s) => s === 1).length,
    nothingWhereOursFound: theyFoundNothing,
  };
}

async function measure(offers) {
  const catalog = generateCatalog({ offers, contactsPerOffer: 1 });
  const stream = await searchStream(catalog, { count: QUERIES });
  const generated = catalogRows(catalog);
  const rows = [...generated, ...probeRows(generated[0])];
  const engines = [ours(), miniSearch(), ...(serverUrl ? [postgresFts()] : [])];
  const figures = {};
  try {
    for (const engine of engines) {
      gc();
      const heapBefore = process.memoryUsage().heapUsed;
      if (engine.load) await engine.load(rows);
      const started = performance.now();
      await engine.build(rows);
      const buildMs = performance.now() - started;
      gc();
      figures[engine.name] = {
        buildMs: Math.round(buildMs),
        memory: engine.memory
          ? await engine.memory()
          : { heapGrowthMiB: mib(process.memoryUsage().heapUsed - heapBefore) },
        probes: await probe(engine),
        rounds: [],
      };
      console.log(`  ${engine.name}: built in ${Math.round(buildMs)} ms`);
    }
    for (let r = 0; r < ROUNDS; r++) {
      for (const engine of engines) {
        const run = await runStream(engine, stream);
        figures[engine.name].rounds.push(run);
        console.log(
          `    round ${r + 1} ${engine.name}: median ${run.medianMs.toFixed(2)} ms, p99 ${run.p99Ms.toFixed(1)} ms, ${Math.round(run.pagesPerSecond)} pages/s`,
        );
      }
    }
    const pg = engines.find((e) => e.name === 'postgres');
    if (pg) {
      figures.postgres.parallel = await runParallel(pg, stream, PG_POOL);
      console.log(
        `    postgres, ${PG_POOL} at a time: ${Math.round(figures.postgres.parallel.pagesPerSecond)} pages/s`,
      );
    }
  } finally {
    for (const engine of engines) await engine.close?.();
  }
  const oursPages = figures.ours.rounds[0].firstPages;
  const summary = {};
  for (const [name, f] of Object.entries(figures)) {
    summary[name] = {
      buildMs: f.buildMs,
      memory: f.memory,
      medianMs: spread(
        f.rounds.map((r) => r.medianMs),
        3,
      ),
      p99Ms: spread(f.rounds.map((r) => r.p99Ms)),
      pagesPerSecond: spread(
        f.rounds.map((r) => r.pagesPerSecond),
        0,
      ),
      pages: f.rounds[0].pages,
      ...(f.parallel && { parallel: f.parallel }),
      relevance: name === 'ours' ? null : overlap(oursPages, f.rounds[0].firstPages),
      probes: f.probes,
      probesPassed: `${Object.values(f.probes).filter(Boolean).length}/${PROBES.length}`,
    };
  }
  return summary;
}

const results = {};
for (const offers of SIZES) {
  console.log(`${offers} offers, ${QUERIES} searches, ${ROUNDS} rounds:`);
  results[offers] = await measure(offers);
  console.log(
    `  engine      build ms  memory                         median ms        p99 ms            pages/s      top-20 overlap  probes`,
  );
  for (const [name, s] of Object.entries(results[offers])) {
    const memory = Object.entries(s.memory)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    const cell = ({ median: m, min, max }) => `${m} (${min}-${max})`;
    console.log(
      `  ${name.padEnd(11)} ${String(s.buildMs).padStart(8)}  ${memory.padEnd(30)} ${cell(s.medianMs).padEnd(16)} ${cell(s.p99Ms).padEnd(17)} ${cell(s.pagesPerSecond).padEnd(12)} ${String(s.relevance?.meanTop20Overlap ?? '-').padEnd(15)} ${s.probesPassed}`,
    );
  }
}
console.log(
  `results: ${writeResults('catalog-search-compare', { queries: QUERIES, rounds: ROUNDS, relevanceSample: RELEVANCE, results })}`,
);
