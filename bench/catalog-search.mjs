#!/usr/bin/env node
// The seller catalogue under load: a generated catalogue (bench/catalog-generate.mjs: 10,000 live co-sell
// offers and 100,000 contacts; 100,000 offers with BENCH_LARGE=1) loaded into the embedded PGlite data
// directory before the server starts, and into a fresh PostgreSQL database when BENCH_DATABASE_URL or
// DATABASE_URL names a server (dropped afterwards).
//
// For each back end and size it first loads the search index in this process from that database, with the
// server's own code (BENCH_INDEX_LOADS times): the index's start time. Then it starts the built server
// without its answer cache (COSELL_CATALOG_CACHE=0, so every search is worked out; BENCH_ANSWER_CACHE=1
// keeps the server's default), signs in as the demo seller and runs autocannon (32 connections, 10 s each),
// BENCH_ROUNDS (3) rounds of, one after the other:
//
//   trivial   GET /healthz
//   stream    a stream of distinct searches as sellers type them (bench/catalog-queries.mjs): 1-3 words of the
//             catalogue's vocabulary, a fifth with a typo, a tenth in Swedish, a third with 1-3 filters, a
//             fifth read on to page 2 (and a third of those to page 3) by the previous page's cursor
//   six       the old six: GET /api/v1/catalog/offers?q=<word>&country=SE&platform=Azure, six words repeated
//   offer     GET /api/v1/catalog/offers/{offerId}                          (with BENCH_ROUTES only)
//   contacts  GET /api/v1/catalog/offers/{offerId}/contacts?country=SE&role=PartnerSales   (likewise)
//
// It reports, per route, the median and range over the rounds of req/s, p50 and p99, the ratio of each
// round's search req/s to the same round's trivial req/s, and the goals (issue #20): on both back ends and
// sizes p99 < 50 ms and req/s >= trivial / 3; p99 at 100,000 offers <= 2 x p99 at 10,000; the index's start
// at 100,000 offers under 2 s.
//
// Run: node scripts/build-if-stale.mjs --only server && node bench/catalog-search.mjs [--large]
// Environment: BENCH_OFFERS (10000), BENCH_LARGE=1 (adds BENCH_LARGE_OFFERS, 100000), BENCH_CONTACTS_PER_OFFER
// (10), BENCH_CONNECTIONS (32), BENCH_DURATION (10 s), BENCH_ROUNDS (3), BENCH_INDEX_LOADS (3),
// BENCH_BACKENDS (embedded,postgres), BENCH_DATABASE_URL or DATABASE_URL, BENCH_ROUTES (trivial,stream,six;
// add offer,contacts), BENCH_ANSWER_CACHE=1, BENCH_STREAM_SIZE (5000 searches), BENCH_SEARCH_PARAMS (extra
// query string for every search, e.g. limit=50), BENCH_SKIP_BUILD=1 (run dist/ as it is), BENCH_NODE_ARGS
// (flags for the server's node, e.g. --cpu-prof --cpu-prof-dir=/tmp/prof), BENCH_ACCEPT_ENCODING (sent with
// every request, e.g. `gzip, deflate, br, zstd` as a browser does: the answers come compressed).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { writeResults } from './results.mjs';
import { backendName, median, roundOf, spread, summary, verdict } from './rounds-report.mjs';
import { startServer, stopServer } from './server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({
  options: { large: { type: 'boolean', default: false }, offers: { type: 'string' } },
});
const env = process.env;
const SMALL = Number(flags.offers ?? env.BENCH_OFFERS ?? 10_000);
const LARGE = Number(env.BENCH_LARGE_OFFERS ?? 100_000);
const SIZES = flags.large || env.BENCH_LARGE === '1' ? [SMALL, LARGE] : [SMALL];
const CONTACTS_PER_OFFER = Number(env.BENCH_CONTACTS_PER_OFFER ?? 10);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 32);
const DURATION = Number(env.BENCH_DURATION ?? 10);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 3);
const INDEX_LOADS = Number(env.BENCH_INDEX_LOADS ?? 3);
const STREAM_SIZE = Number(env.BENCH_STREAM_SIZE ?? 5000);
const ANSWER_CACHE = env.BENCH_ANSWER_CACHE === '1';
const ROUTES = (env.BENCH_ROUTES ?? 'trivial,stream,six').split(',');
const PASSWORD = 'bench password, long enough';
const SELLER = 'seller@vendor.example';
const serverUrl = env.BENCH_DATABASE_URL ?? env.DATABASE_URL;
const BACKENDS = (env.BENCH_BACKENDS ?? 'embedded,postgres')
  .split(',')
  .filter((b) => b === 'embedded' || (b === 'postgres' && serverUrl));
const SEARCH_EXTRA = env.BENCH_SEARCH_PARAMS ? `&${env.BENCH_SEARCH_PARAMS}` : '';
// What a browser sends (`gzip, deflate, br, zstd`) to measure the answers compressed; unset, none are.
const ACCEPT_ENCODING = env.BENCH_ACCEPT_ENCODING;
const requestHeaders = (cookie) => ({
  cookie,
  ...(ACCEPT_ENCODING && { 'accept-encoding': ACCEPT_ENCODING }),
});

// BENCH_SKIP_BUILD=1 runs dist/ as it is. A build with type errors still emits JavaScript (tsc); the bench
// then runs it but says so, since the figures may then not be those of a sound build.
let buildNote = 'skipped (BENCH_SKIP_BUILD=1)';
if (env.BENCH_SKIP_BUILD !== '1') {
  const build = spawnSync(process.execPath, [join(root, 'scripts/build-if-stale.mjs'), '--only', 'server'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  buildNote = 'ok';
  if (build.status !== 0) {
    if (!existsSync(join(root, 'dist/server/main.js'))) {
      process.stderr.write(build.stderr);
      process.exit(build.status ?? 1);
    }
    buildNote = 'the build reported errors; ran the JavaScript tsc emitted';
    console.warn(`WARNING: ${buildNote}:\n${build.stderr.split('\n').slice(0, 5).join('\n')}`);
  }
}
// After the build: the generator imports the built server.
// After the build: the generator and the stream import the built server.
const { generateCatalog, loadEmbedded, loadPostgres } = await import('./catalog-generate.mjs');
const { describeStream, SIX_SEARCHES, searchPath, searchStream } = await import('./catalog-queries.mjs');

// --- the server ------------------------------------------------------------------------------------------------

async function signIn(base) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: SELLER, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`login as ${SELLER}: ${login.status} ${await login.text()}`);
  return login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/**
 * The index's start time: loads the search index from the database `options` opens with the server's own
 * code (dist/), as the server does at start, `INDEX_LOADS` times; ms per load, and the offers it holds.
 */
async function measureIndexLoad(options) {
  const { openDatabase } = await import('../dist/db/database.js');
  const { createRepositories } = await import('../dist/db/repositories/index.js');
  const { createCatalogSearchEngine } = await import('../dist/server/services/catalog-search-engine.js');
  const { systemClock } = await import('../dist/server/ids.js');
  const database = await openDatabase(options);
  try {
    const repos = createRepositories(database.db);
    const loads = [];
    let offers = 0;
    for (let i = 0; i < INDEX_LOADS; i++) {
      const engine = createCatalogSearchEngine({
        repos,
        clock: systemClock,
        cacheSize: 0,
        refreshMs: 60_000,
      });
      const started = performance.now();
      await engine.warm();
      loads.push(performance.now() - started);
      const everything = { cspOnly: false, terms: [], filters: {}, after: null, limit: 1 };
      offers = await engine.search(everything, (result) => result.total);
    }
    return { loads, offers };
  } finally {
    await database.close();
  }
}

// --- the routes --------------------------------------------------------------------------------------------------

/** Where the next page's cursor is in an answer (the last field of the page). */
function cursorIn(body) {
  const key = '"nextCursor":"';
  const at = body.lastIndexOf(key);
  return at === -1 ? undefined : body.slice(at + key.length, body.indexOf('"', at + key.length));
}

/**
 * Autocannon requests for a list of searches, shared by all connections in turn: each connection asks a
 * search's first page, then, if the search reads on, its next pages by the cursor of the page before.
 */
function searchRequests(searches) {
  let next = 0;
  const onResponse = (status, body, context) => {
    context.cursor = status === 200 ? cursorIn(body) : undefined;
  };
  const page = (n) => ({
    method: 'GET',
    setupRequest: (request, context) => {
      if (n === 1) {
        context.search = searches[next++ % searches.length];
        return { ...request, path: searchPath(context.search, undefined, SEARCH_EXTRA) };
      }
      // A falsy answer starts the connection's next search.
      if (!context.search || context.search.pages < n || !context.cursor) return null;
      return { ...request, path: searchPath(context.search, context.cursor, SEARCH_EXTRA) };
    },
    onResponse,
  });
  return [page(1), page(2), page(3)];
}

function routes(offerIds, stream) {
  let n = 0;
  // A fixed rotation through the offers, the same for every back end.
  const nextOffer = () => offerIds[(n++ * 7919) % offerIds.length];
  const one = (path) => [{ method: 'GET', setupRequest: (request) => ({ ...request, path: path() }) }];
  return [
    { name: 'trivial', label: 'GET /healthz', requests: () => one(() => '/healthz') },
    {
      name: 'stream',
      label: 'search: a stream of distinct searches',
      requests: () => searchRequests(stream),
    },
    {
      name: 'six',
      label: 'search: six words repeated, country=SE, platform=Azure',
      requests: () => searchRequests(SIX_SEARCHES),
    },
    {
      name: 'offer',
      label: 'offer page',
      requests: () => one(() => `/api/v1/catalog/offers/${nextOffer()}`),
    },
    {
      name: 'contacts',
      label: 'contacts: country=SE, role=PartnerSales',
      requests: () =>
        one(() => `/api/v1/catalog/offers/${nextOffer()}/contacts?country=SE&role=PartnerSales`),
    },
  ].filter((route) => ROUTES.includes(route.name));
}

/** One request first: is the route there, and does it answer 200? */
async function probe(base, cookie, route) {
  const [first] = route.requests();
  const { path } = first.setupRequest({ method: 'GET' }, {});
  const response = await fetch(`${base}${path}`, { headers: requestHeaders(cookie) });
  const body = await response.text();
  return {
    status: response.status,
    path,
    bytes: body.length,
    encoding: response.headers.get('content-encoding'),
    sample: body.slice(0, 300),
  };
}

function runAutocannon(base, cookie, route) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: DURATION,
        headers: requestHeaders(cookie),
        // Slow answers count in the latencies rather than vanishing as timeouts (autocannon's default is 10 s).
        timeout: 60,
        requests: route.requests(),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/**
 * Waits (at most `limitMs`) until the database answers /readyz again: requests a run left queued must not
 * slow the next route. Returns false when it did not settle in time.
 */
async function settle(base, limitMs = 120_000) {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    const response = await fetch(`${base}/readyz`).catch(() => undefined);
    if (response?.ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

// --- one back end at one size ----------------------------------------------------------------------------------

async function benchOne(backend, offers, catalog, stream, dataRoot) {
  const dataDir = join(dataRoot, `${backend}-${offers}`);
  let dropDatabase;
  let serverEnv;
  let load;
  let database;
  const loadStarted = performance.now();
  if (backend === 'embedded') {
    load = await loadEmbedded(dataDir, catalog);
    serverEnv = { COSELL_DATA_DIR: dataDir, DATABASE_URL: '' };
    database = { kind: 'embedded', dataDir };
  } else {
    const name = `cosell_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    dropDatabase = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    load = await loadPostgres(url.toString(), catalog);
    serverEnv = { DATABASE_URL: url.toString(), COSELL_DATA_DIR: dataDir };
    database = { kind: 'postgres', url: url.toString() };
  }
  const loadMs = performance.now() - loadStarted;
  console.log(`  ${backend}, ${offers} offers: loaded in ${(loadMs / 1000).toFixed(1)} s`, load);

  try {
    const indexLoad = await measureIndexLoad(database);
    console.log(
      `  index start: ${indexLoad.loads.map((ms) => `${Math.round(ms)} ms`).join(', ')} (${indexLoad.offers} offers)`,
    );
    const cache = ANSWER_CACHE ? {} : { COSELL_CATALOG_CACHE: '0' };
    const rows = await runServer({ ...serverEnv, ...cache }, routes(catalog.offerIds, stream));
    return { backend, offers, loadMs, load, indexLoad, ...rows };
  } finally {
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Starts the server, signs in and runs ROUNDS rounds of every route; the first search waits for the index. */
async function runServer(serverEnv, routeList) {
  const startedAt = performance.now();
  const { base, child } = await startServer({
    env: { COSELL_DEMO_PASSWORD: PASSWORD, ...serverEnv },
    args: ['--demo'],
    nodeArgs: env.BENCH_NODE_ARGS ? env.BENCH_NODE_ARGS.split(' ') : [],
  });
  const serverStartMs = performance.now() - startedAt;
  const runs = [];
  const probes = {};
  let firstSearchMs;
  try {
    const cookie = await signIn(base);
    // The server loads its search index in the background at start; the first search waits for it. Wait
    // here, so no route is measured while the index is still loading.
    const warmStarted = performance.now();
    const warm = await fetch(`${base}/api/v1/catalog/offers?limit=1`, { headers: { cookie } });
    await warm.arrayBuffer();
    firstSearchMs = performance.now() - warmStarted;
    console.log(`  first search after the server listens: ${Math.round(firstSearchMs)} ms`);
    const available = [];
    for (const route of routeList) {
      const first = await probe(base, cookie, route);
      probes[route.name] = first;
      if (first.status === 200) available.push(route);
      else console.log(`  ${route.name}: ${first.status} on ${first.path}: ${first.sample}`);
    }
    for (let round = 1; round <= ROUNDS; round++)
      for (const route of available) {
        const r = await runAutocannon(base, cookie, route);
        const settled = await settle(base);
        const { run, line } = roundOf(round, route.name, r, settled, 8);
        runs.push(run);
        console.log(line);
      }
  } finally {
    await stopServer(child);
  }
  return { serverStartMs, firstSearchMs, probes, runs, routes: routeList.map((r) => [r.name, r.label]) };
}

// --- main --------------------------------------------------------------------------------------------------------

const dataRoot = mkdtempSync(join(tmpdir(), 'cosell-bench-catalog-'));
const all = [];
const generation = {};
try {
  for (const offers of SIZES) {
    const started = performance.now();
    const catalog = generateCatalog({ offers, contactsPerOffer: CONTACTS_PER_OFFER });
    const stream = await searchStream(catalog, { count: STREAM_SIZE });
    generation[offers] = {
      ms: performance.now() - started,
      counts: catalog.counts,
      stream: describeStream(stream),
    };
    console.log(`${offers} offers generated in ${Math.round(generation[offers].ms)} ms:`, generation[offers]);
    for (const backend of BACKENDS) all.push(await benchOne(backend, offers, catalog, stream, dataRoot));
  }
} finally {
  rmSync(dataRoot, { recursive: true, force: true });
}

// --- report ------------------------------------------------------------------------------------------------------

const goals = [];
for (const route of ['stream', 'six'])
  for (const bench of all) {
    const s = summary(bench, route);
    if (!s) continue;
    const where = `${backendName(bench.backend)}, ${bench.offers.toLocaleString('en')} offers`;
    const p99 = median(s.p99);
    goals.push({ goal: `${route}: p99 < 50 ms (${where})`, result: `${verdict(p99 < 50)} (${p99} ms)` });
    if (s.ratio.length > 0) {
      const ratio = median(s.ratio);
      goals.push({
        goal: `${route}: req/s >= trivial / 3 (${where})`,
        result: `${verdict(ratio >= 1 / 3)} (${ratio.toFixed(2)} of trivial)`,
      });
    }
    if (bench.offers === LARGE && SIZES.length > 1) {
      const small = all.find((b) => b.backend === bench.backend && b.offers === SMALL);
      const a = small && summary(small, route);
      if (a)
        goals.push({
          goal: `${route}: p99 at ${LARGE.toLocaleString('en')} <= 2 x p99 at ${SMALL.toLocaleString('en')} (${backendName(bench.backend)})`,
          result: `${verdict(p99 <= 2 * median(a.p99))} (${p99} ms vs 2 x ${median(a.p99)} ms)`,
        });
    }
  }
for (const bench of all.filter((b) => b.offers === LARGE)) {
  const ms = median(bench.indexLoad.loads);
  goals.push({
    goal: `index start under 2 s at ${LARGE.toLocaleString('en')} offers (${backendName(bench.backend)})`,
    result: `${verdict(ms < 2000)} (${spread(bench.indexLoad.loads)} ms)`,
  });
}

console.log(
  `\n${CONNECTIONS} connections, ${DURATION} s per route, ${ROUNDS} rounds, answer cache ${ANSWER_CACHE ? 'on' : 'off'}: median (range)\n`,
);
console.log('| back end | offers | route | req/s | p50 ms | p99 ms | of trivial req/s |');
console.log('|---|---:|---|---:|---:|---:|---:|');
for (const bench of all)
  for (const [name, label] of bench.routes) {
    const s = summary(bench, name);
    if (!s) continue;
    console.log(
      `| ${backendName(bench.backend)} | ${bench.offers.toLocaleString('en')} | ${label} | ${spread(s.reqPerSec)} | ${spread(s.p50)} | ${spread(s.p99)} | ${name === 'trivial' ? '' : spread(s.ratio, 2)} |${s.trouble ? ' (errors or timeouts: see the results file)' : ''}`,
    );
  }
console.log(
  '\n| back end | offers | index start (ms) | first search after listening (ms) |\n|---|---:|---:|---:|',
);
for (const bench of all)
  console.log(
    `| ${backendName(bench.backend)} | ${bench.offers.toLocaleString('en')} | ${spread(bench.indexLoad.loads)} | ${Math.round(bench.firstSearchMs)} |`,
  );
console.log('\n| goal | result |\n|---|---|');
for (const g of goals) console.log(`| ${g.goal} | ${g.result} |`);

const file = writeResults('catalog', {
  build: buildNote,
  settings: {
    connections: CONNECTIONS,
    durationS: DURATION,
    rounds: ROUNDS,
    sizes: SIZES,
    contactsPerOffer: CONTACTS_PER_OFFER,
    backends: BACKENDS,
    answerCache: ANSWER_CACHE,
    acceptEncoding: ACCEPT_ENCODING ?? null,
  },
  generation,
  results: all,
  goals,
});
console.log(`\nwritten to ${file}`);
