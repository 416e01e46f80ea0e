#!/usr/bin/env node
// The catalogue search index alone, in process: no HTTP, no database. Builds the index from the generated
// catalogue (bench/catalog-generate.mjs, 10 contacts per offer) at 10,000 and 100,000 offers and times:
//
// - the stream of distinct searches of bench/catalog-queries.mjs (the same as catalog-search.mjs sends),
//   every search's first page and the later pages it reads on to by cursor: p50, p99 and mean per search,
//   the search alone and the page a seller gets (the search, its 20 cards presented and the page written
//   with JSON.stringify, as the route does);
// - the old six searches (one word, country=SE, platform=Azure, facets), per word, and a search with no
//   words (everything).
//
// With BENCH_BASELINE=<another build's dist directory> (the previous commit's, say), both indexes are built
// from the same rows and every query alternates between them for BENCH_ROUNDS rounds; the medians of the
// rounds' p50s are printed side by side. On a shared machine the load then falls on both alike, where two
// runs one after the other differ by more than most changes.
//
// Run: node scripts/build-if-stale.mjs --only server && node --expose-gc bench/catalog-index.mjs
// Environment: BENCH_SIZES (10000,100000), BENCH_REPEAT (200 searches per query, 100 per round with a
// baseline), BENCH_BASELINE, BENCH_ROUNDS (9), BENCH_STREAM_SIZE (2000 searches; 0 skips the stream),
// BENCH_STREAM_ROUNDS (3 passes over it, alternating builds with a baseline).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getTaxonomy } from '../dist/domain/reference/taxonomy.js';
import { generateCatalog, SEARCH_WORDS } from './catalog-generate.mjs';
import { searchStream } from './catalog-queries.mjs';
import { prng } from './prng.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const BASELINE = process.env.BENCH_BASELINE;
const REPEAT = Number(process.env.BENCH_REPEAT ?? (BASELINE ? 100 : 200));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const STREAM_SIZE = Number(process.env.BENCH_STREAM_SIZE ?? 2000);
const STREAM_ROUNDS = Number(process.env.BENCH_STREAM_ROUNDS ?? 3);

/** A build's index, and its result card's presenter when it has one (it arrived after this bench). */
async function loadBuild(dist) {
  const url = (path) => pathToFileURL(resolve(dist, path)).href;
  const { CatalogSearchIndex } = await import(url('domain/catalog/search-index.js'));
  const { queryTerms } = await import(url('domain/catalog/fold.js'));
  const presenter = await import(url('server/services/catalog-presenter.js')).then(
    (module) => module.catalogItemPresenter,
    (error) => {
      if (error.code === 'ERR_MODULE_NOT_FOUND') return undefined;
      throw error;
    },
  );
  return { CatalogSearchIndex, presenter, queryTerms };
}

const builds = [
  { label: 'this build', code: await loadBuild(new URL('../dist/', import.meta.url).pathname) },
];
if (BASELINE) builds.unshift({ label: 'baseline', code: await loadBuild(BASELINE) });

/** How often an offer has a current file in each slot (the generator makes no documents). */
const SLOT_SHARE = {
  customerOnePager: 0.8,
  customerPresentation: 0.7,
  customerCaseStudy: 0.3,
  verifiableCustomerWins: 0.2,
  channelPitchDeck: 0.3,
  referenceArchitectureDiagram: 0.2,
  otherDocuments: 0.1,
};

/**
 * What a result card shows beyond the row, as the changes query reads it with each row: per offer the slots
 * with a current file (drawn from SLOT_SHARE), and per contact role the countries its contacts name (from
 * the generated contacts).
 */
function cardData(catalog) {
  const random = prng(20_261_126);
  const slots = getTaxonomy('2020-12').documentSlots.map((s) => s.id);
  const contacts = catalog.tables.co_sell_contacts;
  const at = Object.fromEntries(contacts.columns.map((c, i) => [c, i]));
  const byOffer = new Map();
  for (const row of contacts.rows) {
    const roles = byOffer.get(row[at.offer_id]) ?? new Map();
    byOffer.set(row[at.offer_id], roles);
    const countries = roles.get(row[at.role]) ?? new Set();
    roles.set(row[at.role], countries);
    for (const country of row[at.countries]) countries.add(country);
  }
  return new Map(
    catalog.offerIds.map((offerId) => [
      offerId,
      {
        documentSlots: slots.filter((slot) => random() < (SLOT_SHARE[slot] ?? 0)).sort(),
        contactCoverage: [...(byOffer.get(offerId) ?? new Map())]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([role, countries]) => ({ role, countries: [...countries].sort() })),
      },
    ]),
  );
}

/** catalog_offers rows as generated, as the records the server reads (changesSince). */
function records(table, cards) {
  const at = Object.fromEntries(table.columns.map((c, i) => [c, i]));
  return table.rows.map((row, i) => ({
    offerId: row[at.offer_id],
    version: String(i + 1),
    organizationName: row[at.organization_name],
    name: row[at.name],
    summary: row[at.summary],
    offerType: row[at.offer_type],
    coSellStatus: row[at.co_sell_status],
    statusRank: Number(row[at.status_rank]),
    soldThroughCsp: Boolean(row[at.sold_through_csp]),
    markets: row[at.markets],
    platforms: row[at.platforms],
    segments: row[at.segments],
    solutionType: row[at.solution_type] ?? null,
    areas: row[at.areas],
    subAreas: row[at.sub_areas],
    ...cards.get(row[at.offer_id]),
    searchText: row[at.search_text],
  }));
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (list) =>
  percentile(
    [...list].sort((a, b) => a - b),
    50,
  );

const queryFor = (q) => ({
  cspOnly: false,
  terms: q ? [q] : [],
  filters: { country: ['SE'], platform: ['Azure'] },
  after: null,
  limit: 20,
});

/** Times `repeat` searches, and as many pages (the search, its cards, JSON.stringify) when there is a presenter. */
function timeQuery({ index, presenter }, query, repeat) {
  const search = [];
  const page = [];
  let total = 0;
  let bytes = 0;
  for (let i = 0; i < repeat; i++) {
    let started = performance.now();
    total = index.search(query).total;
    search.push(performance.now() - started);
    if (!presenter) continue;
    started = performance.now();
    const result = index.search(query);
    const present = presenter({ audience: 'seller', filters: query.filters, termWords: result.termWords });
    const items = result.hits.slice(0, query.limit).map(present);
    bytes = JSON.stringify({ items, facets: result.facets, total: result.total, nextCursor: null }).length;
    page.push(performance.now() - started);
  }
  search.sort((a, b) => a - b);
  page.sort((a, b) => a - b);
  return { search, page, total, bytes };
}

const mean = (list) => list.reduce((a, b) => a + b, 0) / list.length;

/**
 * Runs every search of the stream once, its first page and the later ones it reads on to by cursor: ms per
 * request (sorted), the search alone and again with its page (cards and JSON.stringify) when the build has
 * a presenter.
 */
function timeStream({ index, presenter, queryTerms }, stream) {
  const search = [];
  const page = [];
  let results = 0;
  const cpu = process.cpuUsage();
  for (const s of stream) {
    const query = { cspOnly: false, terms: queryTerms(s.q), filters: s.filters, after: null, limit: 20 };
    for (let n = 1; n <= s.pages; n++) {
      let started = performance.now();
      const result = index.search(query);
      search.push(performance.now() - started);
      results += result.total;
      if (presenter) {
        started = performance.now();
        const again = index.search(query);
        const present = presenter({ audience: 'seller', filters: query.filters, termWords: again.termWords });
        const items = again.hits.slice(0, query.limit).map(present);
        JSON.stringify({ items, facets: again.facets, total: again.total, nextCursor: null });
        page.push(performance.now() - started);
      }
      const last = result.hits[query.limit - 1];
      if (result.hits.length <= query.limit || !last) break;
      query.after = { rank: last.statusRank, score: last.score, offerId: last.offerId };
    }
  }
  const { user, system } = process.cpuUsage(cpu);
  search.sort((a, b) => a - b);
  page.sort((a, b) => a - b);
  // CPU time per request (both timings of it), which other work on a shared machine inflates far less than the clock.
  return { search, page, results, requests: search.length, cpuMs: (user + system) / 1000 / search.length };
}

const ms = (value) => (value === undefined ? '   –  ' : `${value.toFixed(2)} ms`);

for (const offers of SIZES) {
  // Only the rows stay alive: the rest of the generated catalogue is garbage before the heap is measured.
  let stream = [];
  const rows = await (async () => {
    const catalog = generateCatalog({ offers, contactsPerOffer: 10 });
    if (STREAM_SIZE > 0) stream = await searchStream(catalog, { count: STREAM_SIZE });
    return records(catalog.tables.catalog_offers, cardData(catalog));
  })();
  const built = [];
  for (const { label, code } of builds) {
    // The index's own memory: the heap after building it less the heap before (both after a full
    // collection, with --expose-gc); the generated rows it reads are alive in both.
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const index = new code.CatalogSearchIndex();
    const started = performance.now();
    for (const row of rows) index.upsert(row);
    const buildMs = performance.now() - started;
    globalThis.gc?.();
    const heapMiB = globalThis.gc
      ? ((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20).toFixed(1)
      : '?';
    console.log(
      `${rows.length} offers, ${label}: index built in ${Math.round(buildMs)} ms, ${heapMiB} MiB of heap`,
    );
    built.push({ label, index, presenter: code.presenter, queryTerms: code.queryTerms });
  }
  if (stream.length > 0) {
    const passes = built.map(() => []);
    for (let round = 0; round < STREAM_ROUNDS; round++) {
      const order = round % 2 === 0 ? built.map((_, b) => b) : built.map((_, b) => b).reverse();
      for (const b of order) passes[b].push(timeStream(built[b], stream));
    }
    built.forEach(({ label }, b) => {
      const figure = (key, stat) => ms(median(passes[b].map((pass) => stat(pass[key]))));
      const line = (key) =>
        `p50 ${figure(key, (t) => percentile(t, 50))}  p90 ${figure(key, (t) => percentile(t, 90))}  p99 ${figure(key, (t) => percentile(t, 99))}  mean ${figure(key, mean)}`;
      const { requests, results } = passes[b][0];
      console.log(
        `  stream, ${label}: ${requests} requests (${stream.length} searches), ${Math.round(results / requests)} results on average`,
      );
      console.log(`    search alone   ${line('search')}`);
      console.log(`    CPU per request, search and page: ${ms(median(passes[b].map((pass) => pass.cpuMs)))}`);
      if (passes[b][0].page.length) console.log(`    with its page  ${line('page')}`);
    });
  }
  for (const q of [...SEARCH_WORDS, '']) {
    const query = queryFor(q);
    const name = (q || '(no words)').padEnd(11);
    if (built.length === 1) {
      const { search, page, total, bytes } = timeQuery(built[0], query, REPEAT);
      const pageText = page.length
        ? `  with page p50 ${ms(percentile(page, 50))}  p99 ${ms(percentile(page, 99))}  (${Math.round(bytes / 1024)} KiB)`
        : '';
      console.log(
        `  ${name} ${String(total).padStart(6)} results  p50 ${ms(percentile(search, 50))}  p99 ${ms(percentile(search, 99))}${pageText}`,
      );
      continue;
    }
    // Rounds alternate which build goes first; each round's p50 is kept, and their median printed.
    const p50s = built.map(() => ({ search: [], page: [] }));
    let total = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      for (const b of order) {
        const timed = timeQuery(built[b], query, REPEAT);
        total = timed.total;
        p50s[b].search.push(percentile(timed.search, 50));
        if (timed.page.length) p50s[b].page.push(percentile(timed.page, 50));
      }
    }
    const side = (key) => p50s.map((p) => ms(p[key].length ? median(p[key]) : undefined)).join(' | ');
    console.log(
      `  ${name} ${String(total).padStart(6)} results  search p50 ${side('search')}  page p50 ${side('page')}  (baseline | this build)`,
    );
  }
}
