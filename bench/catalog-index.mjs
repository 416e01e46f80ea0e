#!/usr/bin/env node
// The catalogue search index alone, in process: no HTTP, no database. Builds the index from the generated
// catalogue (bench/catalog-generate.mjs) at 10,000 and 100,000 offers and times the bench's search (one word,
// country=SE, platform=Azure, facets) for each of its words, and a search with no words (everything).
//
// Run: node scripts/build-if-stale.mjs --only server && node --expose-gc bench/catalog-index.mjs
// Environment: BENCH_SIZES (10000,100000), BENCH_REPEAT (200 searches per query).
import { CatalogSearchIndex } from '../dist/domain/catalog/search-index.js';
import { generateCatalog, SEARCH_WORDS } from './catalog-generate.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 200);

/** catalog_offers rows as generated, as the records the server reads (changesSince). */
function records(table) {
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
    searchText: row[at.search_text],
  }));
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

for (const offers of SIZES) {
  // Only the rows stay alive: the rest of the generated catalogue is garbage before the heap is measured.
  const rows = records(generateCatalog({ offers, contactsPerOffer: 0 }).tables.catalog_offers);
  // The index's own memory: the heap after building it less the heap before (both after a full collection,
  // with --expose-gc); the generated rows it reads are alive in both.
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const index = new CatalogSearchIndex();
  let started = performance.now();
  for (const row of rows) index.upsert(row);
  const buildMs = performance.now() - started;
  globalThis.gc?.();
  const heapMiB = globalThis.gc ? Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20) : '?';
  // rows is used below, so it stays alive (and out of the difference) until the heap is measured.
  console.log(`${rows.length} offers: index built in ${Math.round(buildMs)} ms, ${heapMiB} MiB of heap`);
  for (const q of [...SEARCH_WORDS, '']) {
    const query = {
      cspOnly: false,
      terms: q ? [q] : [],
      filters: { country: ['SE'], platform: ['Azure'] },
      after: null,
      limit: 20,
    };
    const times = [];
    let total = 0;
    for (let i = 0; i < REPEAT; i++) {
      started = performance.now();
      total = index.search(query).total;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(
      `  ${(q || '(no words)').padEnd(11)} ${String(total).padStart(6)} results  p50 ${percentile(times, 50).toFixed(2)} ms  p99 ${percentile(times, 99).toFixed(2)} ms`,
    );
  }
}
