#!/usr/bin/env node
// The search index's start: how long a server takes to load its in-memory catalogue index (docs/decisions/0002)
// from catalog_offers, and where that time goes. The generated catalogue (bench/catalog-generate.mjs, as
// bench/catalog-search.mjs seeds it: 100,000 live co-sell offers, 10 contacts each by default) is loaded into
// an embedded PGlite data directory and, when BENCH_DATABASE_URL or DATABASE_URL names a server, into a fresh
// PostgreSQL database (dropped afterwards). Then, BENCH_ROUNDS times, one after the other in each round:
//
//   count      select count(*) from catalog_offers (the database's own floor: one scan, nothing sent)
//   scan       the database reads every column the index needs and sums their lengths (nothing sent)
//   transfer   the same columns sent to this process, rows as arrays of strings (node-postgres, one query)
//   fetch      the repository's full read as the engine runs it (pages of 5,000), without building anything
//   build      the index built from rows already in memory (CatalogSearchIndex.upsert per row)
//   bulkBuild  the same rows built at once (CatalogIndexBuilder, then CatalogSearchIndex.fromParts), as the
//              engine's full load builds them
//   start      the engine's start without a snapshot, a full load (createCatalogSearchEngine(...).warm()), and
//              with BENCH_BASELINE=<another build's dist directory> the same with that build, in the same round
//   save       writing the index's snapshot after that full load (in the background, as the server does)
//   snapStart  the engine's start from that snapshot, as the server starts (main.ts keeps it beside the data):
//              the file read, checked and decoded, the database's stamp, the changes since (none)
//   snap+1000  the same after BENCH_CHANGES (1,000) offers' rows were written again since the snapshot (read as
//              changes), from a copy of the snapshot, its rewrite going elsewhere
//
// and prints per step the median and the range (min-max) over the rounds, in ms.
//
// Run: node scripts/build-if-stale.mjs --only server && node bench/catalog-index-start.mjs
// Environment: BENCH_OFFERS (100000), BENCH_CONTACTS_PER_OFFER (10), BENCH_ROUNDS (5), BENCH_BACKENDS
// (embedded,postgres), BENCH_DATABASE_URL or DATABASE_URL, BENCH_BASELINE (a dist/ directory to compare with,
// e.g. the previous commit's built with `npx tsc -p tsconfig.build.json --outDir /tmp/before`), BENCH_CHANGES (1000),
// BENCH_DIST (the build measured: dist/ when left out).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { generateCatalog, loadEmbedded, loadPostgres } from './catalog-generate.mjs';
import { writeResults } from './results.mjs';

const env = process.env;
const OFFERS = Number(env.BENCH_OFFERS ?? 100_000);
const CONTACTS_PER_OFFER = Number(env.BENCH_CONTACTS_PER_OFFER ?? 10);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 5);
const serverUrl = env.BENCH_DATABASE_URL ?? env.DATABASE_URL;
const BACKENDS = (env.BENCH_BACKENDS ?? 'embedded,postgres')
  .split(',')
  .filter((b) => b === 'embedded' || (b === 'postgres' && serverUrl));
const BASELINE = env.BENCH_BASELINE;
const CHANGES = Number(env.BENCH_CHANGES ?? 1000);

/** The columns the index reads, as the database holds them. */
const COLUMNS = `offer_id, changed_xid::text, organization_name, name, summary, offer_type, co_sell_status,
  status_rank, sold_through_csp, markets, platforms, segments, solution_type, areas, sub_areas, search_text,
  card_facts`;

async function loadBuild(dist) {
  const url = (path) => pathToFileURL(resolve(dist, path)).href;
  return {
    ...(await import(url('db/database.js'))),
    ...(await import(url('db/repositories/index.js'))),
    ...(await import(url('server/services/catalog-search-engine.js'))),
    ...(await import(url('domain/catalog/search-index.js'))),
    ...(await import(url('server/ids.js'))),
    ...(await import(url('server/services/catalog-index-snapshot.js')).catch(() => ({}))),
    ...(await import(url('domain/catalog/index-builder.js')).catch(() => ({}))),
  };
}

const current = await loadBuild(env.BENCH_DIST ?? new URL('../dist/', import.meta.url).pathname);
const baseline = BASELINE ? await loadBuild(BASELINE) : null;

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const summary = (list) => ({
  median: Math.round(median(list)),
  min: Math.round(Math.min(...list)),
  max: Math.round(Math.max(...list)),
  all: list.map(Math.round),
});

async function timed(fn) {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/**
 * The engine's start with one build's code: a new engine (keeping its snapshot in `snapshots`, if given),
 * warmed; returns the engine and the offers its index holds.
 */
async function start(code, repos, snapshots) {
  const engine = code.createCatalogSearchEngine({
    repos,
    clock: code.systemClock,
    cacheSize: 0,
    refreshMs: 60_000,
    ...(snapshots && { snapshots }),
  });
  await engine.warm();
  const everything = { cspOnly: false, terms: [], filters: {}, after: null, limit: 1 };
  return { engine, offers: await engine.search(everything, (result) => result.total) };
}

/** Every row through the repository, as the engine's full load reads them (pages of 5,000). */
async function fetchAll(repos) {
  const rows = [];
  let after = null;
  for (;;) {
    const page = await repos.catalog.rowsAfter(after, 5000);
    for (const row of page) rows.push(row);
    const last = page.at(-1);
    if (!last || page.length < 5000) return rows;
    after = { version: last.version, offerId: last.offerId };
  }
}

async function rounds(options, snapshotPath) {
  // One connection pool for both builds: an embedded data directory opens in one place at a time.
  const database = await current.openDatabase(options);
  const repos = current.createRepositories(database.db);
  const times = {
    count: [],
    scan: [],
    transfer: [],
    fetch: [],
    build: [],
    bulkBuild: [],
    start: [],
  };
  if (baseline) times.startBaseline = [];
  times.save = [];
  times.snapStart = [];
  times[`snap+${CHANGES}`] = [];
  let snapshotBytes = 0;
  let offers;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      times.count.push((await timed(() => database.pool.query('select count(*) from catalog_offers'))).ms);
      times.scan.push(
        (
          await timed(() =>
            database.pool.query(`select sum(length(offer_id) + length(changed_xid::text) + length(organization_name)
              + length(name) + length(summary) + length(offer_type) + length(co_sell_status) + status_rank
              + cardinality(markets) + cardinality(platforms) + cardinality(segments)
              + coalesce(length(solution_type), 0) + cardinality(areas) + cardinality(sub_areas)
              + length(search_text) + length(card_facts)) from catalog_offers`),
          )
        ).ms,
      );
      times.transfer.push(
        (
          await timed(() =>
            database.pool.query({ text: `select ${COLUMNS} from catalog_offers`, rowMode: 'array' }),
          )
        ).ms,
      );
      // The rows and the index built from them are dropped before the starts, as a server holds neither.
      await (async () => {
        const fetched = await timed(() => fetchAll(repos));
        times.fetch.push(fetched.ms);
        times.build.push(
          (
            await timed(() => {
              const index = new current.CatalogSearchIndex();
              for (const row of fetched.value) index.upsert(row);
            })
          ).ms,
        );
        times.bulkBuild.push(
          (
            await timed(() => {
              const builder = new current.CatalogIndexBuilder();
              for (const row of fetched.value) builder.add(row);
              return current.CatalogSearchIndex.fromParts(builder.parts());
            })
          ).ms,
        );
      })();
      const started = await timed(() => start(current, repos));
      times.start.push(started.ms);
      offers = started.value.offers;
      if (baseline) {
        const before = await timed(() => start(baseline, baseline.createRepositories(database.db)));
        times.startBaseline.push(before.ms);
        const found = before.value.offers;
        if (found !== offers) throw new Error(`baseline found ${found}, this build ${offers}`);
      }
      // A full load that keeps its snapshot: the write's time, then a start from it.
      rmSync(snapshotPath, { force: true });
      const store = current.snapshotFile(snapshotPath);
      const { engine: writer } = await start(current, repos, store);
      times.save.push((await timed(() => writer.snapshotWritten())).ms);
      snapshotBytes = statSync(snapshotPath).size;
      const restored = await timed(() => start(current, repos, store));
      times.snapStart.push(restored.ms);
      if (restored.value.offers !== offers)
        throw new Error(`the snapshot held ${restored.value.offers} offers`);
      // Offers written again since the snapshot: their rows are read as changes. The rewrite goes elsewhere,
      // so the next round starts from the same snapshot.
      const snapshot = readFileSync(snapshotPath);
      await database.pool.query(
        `update catalog_offers set name = name where offer_id in (select offer_id from catalog_offers order by offer_id limit ${CHANGES} offset ${round * CHANGES})`,
      );
      const changed = await timed(() =>
        start(current, repos, {
          read: async () => snapshot,
          write: async (bytes) => writeFileSync(`${snapshotPath}.rewritten`, bytes),
        }),
      );
      times[`snap+${CHANGES}`].push(changed.ms);
      if (changed.value.offers !== offers)
        throw new Error(`the snapshot and changes held ${changed.value.offers}`);
      await changed.value.engine.snapshotWritten();
      console.log(
        `    round ${round + 1}: ${Object.entries(times)
          .map(([step, list]) => `${step} ${Math.round(list.at(-1))}`)
          .join(', ')} ms`,
      );
    }
  } finally {
    await database.close();
  }
  if (offers !== OFFERS) throw new Error(`the index holds ${offers} offers, expected ${OFFERS}`);
  console.log(`    snapshot: ${(snapshotBytes / 2 ** 20).toFixed(1)} MiB`);
  return {
    snapshotMiB: Number((snapshotBytes / 2 ** 20).toFixed(1)),
    ...Object.fromEntries(Object.entries(times).map(([step, list]) => [step, summary(list)])),
  };
}

const started = performance.now();
let catalog = generateCatalog({ offers: OFFERS, contactsPerOffer: CONTACTS_PER_OFFER });
console.log(`generated ${OFFERS} offers in ${Math.round(performance.now() - started)} ms`);
const dataRoot = mkdtempSync(join(tmpdir(), 'cosell-index-start-'));
const results = [];
const loaded = [];
try {
  // Every back end loaded first, then the generated catalogue dropped: the process measured holds what a
  // server holds, not a million generated contacts besides.
  for (const backend of BACKENDS) {
    let options;
    let drop;
    if (backend === 'embedded') {
      const dataDir = join(dataRoot, 'embedded');
      await loadEmbedded(dataDir, catalog);
      options = { kind: 'embedded', dataDir };
      drop = async () => rmSync(dataDir, { recursive: true, force: true });
    } else {
      const name = `cosell_bench_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      drop = async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      };
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      await loadPostgres(url.toString(), catalog);
      options = { kind: 'postgres', url: url.toString() };
    }
    loaded.push({ backend, options, drop });
  }
  catalog = null;
  for (const { backend, options } of loaded) {
    console.log(`  ${backend}, ${OFFERS} offers, ${ROUNDS} rounds:`);
    const figures = await rounds(options, join(dataRoot, `${backend}.snapshot`));
    results.push({ backend, offers: OFFERS, ...figures });
    console.log(`  ${backend}: median (min-max) ms`);
    for (const [step, { median: m, min, max }] of Object.entries(figures).filter(
      ([, f]) => f.median !== undefined,
    ))
      console.log(`    ${step.padEnd(14)} ${String(m).padStart(6)}  (${min}-${max})`);
  }
} finally {
  for (const { drop } of loaded) await drop();
  rmSync(dataRoot, { recursive: true, force: true });
}
console.log(
  `results: ${writeResults('catalog-index-start', { offers: OFFERS, rounds: ROUNDS, baseline: BASELINE ?? null, results })}`,
);
