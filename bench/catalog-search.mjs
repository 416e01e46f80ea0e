#!/usr/bin/env node
// The seller catalogue under load: a generated catalogue (bench/catalog-generate.mjs: 10,000 live co-sell
// offers and 100,000 contacts; 100,000 offers with BENCH_LARGE=1) loaded into the embedded PGlite data
// directory before the server starts, and into a fresh PostgreSQL database when BENCH_DATABASE_URL or
// DATABASE_URL names a server (dropped afterwards). For each back end and size it starts the built server,
// signs in as the demo seller and runs autocannon (32 connections, 10 s each) against, in the same run:
//
//   trivial   GET /healthz
//   search    GET /api/v1/catalog/offers?q=<word>&country=SE&platform=Azure (two filters; facets come with it)
//   offer     GET /api/v1/catalog/offers/{offerId}
//   contacts  GET /api/v1/catalog/offers/{offerId}/contacts?country=SE&role=PartnerSales
//
// then restarts the server without its answer cache (COSELL_CATALOG_CACHE=0; BENCH_NO_CACHE_RUN=0 skips it) and
// runs the search again, so every search is worked out in full. It reports req/s, p50 and p99 per route, the
// time of the first answer (for the first search: loading the search index), and the goals, with and without
// the cache: search p99 < 50 ms on PostgreSQL at 10,000 offers; search req/s >= trivial req/s / 3; search p99
// at 100,000 offers <= 2 x p99 at 10,000.
//
// Run: node scripts/build-if-stale.mjs --only server && node bench/catalog-search.mjs [--large]
// Environment: BENCH_OFFERS (10000), BENCH_LARGE=1 (adds BENCH_LARGE_OFFERS, 100000), BENCH_CONTACTS_PER_OFFER
// (10), BENCH_CONNECTIONS (32), BENCH_DURATION (10 s), BENCH_BACKENDS (embedded,postgres),
// BENCH_DATABASE_URL or DATABASE_URL, BENCH_SEARCH_PARAMS (extra query string for the search, e.g. limit=50),
// BENCH_SKIP_BUILD=1 (run dist/ as it is), BENCH_ROUTES (e.g. trivial,search: only those),
// BENCH_NODE_ARGS (flags for the server's node, e.g. --cpu-prof --cpu-prof-dir=/tmp/prof), BENCH_ACCEPT_ENCODING
// (sent with every request, e.g. `gzip, deflate, br, zstd` as a browser does: the answers come compressed).
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
const { generateCatalog, loadEmbedded, loadPostgres, SEARCH_WORDS } = await import('./catalog-generate.mjs');

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

// --- the routes --------------------------------------------------------------------------------------------------

function routes(offerIds) {
  let n = 0;
  // A fixed rotation through the offers and words, the same for every back end.
  const nextOffer = () => offerIds[(n++ * 7919) % offerIds.length];
  const words = SEARCH_WORDS;
  let w = 0;
  return [
    { name: 'trivial', label: 'GET /healthz', path: () => '/healthz' },
    {
      name: 'search',
      label: 'search: q + country=SE + platform=Azure',
      path: () =>
        `/api/v1/catalog/offers?q=${encodeURIComponent(words[w++ % words.length])}&country=SE&platform=Azure${SEARCH_EXTRA}`,
    },
    { name: 'offer', label: 'offer page', path: () => `/api/v1/catalog/offers/${nextOffer()}` },
    {
      name: 'contacts',
      label: 'contacts: country=SE, role=PartnerSales',
      path: () => `/api/v1/catalog/offers/${nextOffer()}/contacts?country=SE&role=PartnerSales`,
    },
  ];
}

/** One request first: is the route there, and does it answer 200? */
async function probe(base, cookie, route) {
  const path = route.path();
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
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: route.path() }) }],
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

async function benchOne(backend, offers, catalog, dataRoot) {
  const dataDir = join(dataRoot, `${backend}-${offers}`);
  let dropDatabase;
  let serverEnv;
  let load;
  const loadStarted = performance.now();
  if (backend === 'embedded') {
    load = await loadEmbedded(dataDir, catalog);
    serverEnv = { COSELL_DATA_DIR: dataDir, DATABASE_URL: '' };
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
  }
  const loadMs = performance.now() - loadStarted;
  console.log(`  ${backend}, ${offers} offers: loaded in ${(loadMs / 1000).toFixed(1)} s`, load);

  const results = [];
  try {
    const only = env.BENCH_ROUTES?.split(',');
    const all = routes(catalog.offerIds).filter((r) => !only || only.includes(r.name));
    // The same server as users run, then once more without the answer cache (COSELL_CATALOG_CACHE=0), so
    // that every search is worked out in full: the bench's six queries would otherwise be served from it.
    results.push(...(await runServer(backend, offers, serverEnv, all)));
    const search = all.find((r) => r.name === 'search');
    if (search && env.BENCH_NO_CACHE_RUN !== '0') {
      const uncached = { ...search, name: 'search-nocache', label: `${search.label}, no answer cache` };
      results.push(
        ...(await runServer(backend, offers, { ...serverEnv, COSELL_CATALOG_CACHE: '0' }, [uncached])),
      );
    }
    for (const row of results) Object.assign(row, { loadMs, load });
  } finally {
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

/** Starts the server, signs in and runs each route; the first search's wait is the index load. */
async function runServer(backend, offers, serverEnv, routeList) {
  const results = [];
  const startedAt = performance.now();
  const { base, child } = await startServer({
    env: { COSELL_DEMO_PASSWORD: PASSWORD, ...serverEnv },
    args: ['--demo'],
    nodeArgs: env.BENCH_NODE_ARGS ? env.BENCH_NODE_ARGS.split(' ') : [],
  });
  const serverStartMs = performance.now() - startedAt;
  try {
    const cookie = await signIn(base);
    // The server loads its search index in the background at start; the first search waits for it. Wait
    // here, so no route is measured while the index is still loading.
    const warmStarted = performance.now();
    const warm = await fetch(`${base}/api/v1/catalog/offers?limit=1`, { headers: { cookie } });
    await warm.arrayBuffer();
    const firstSearchMs = performance.now() - warmStarted;
    console.log(`  first search (waits for the index to load): ${Math.round(firstSearchMs)} ms`);
    for (const route of routeList) {
      const probeStarted = performance.now();
      const first = await probe(base, cookie, route);
      const probeMs = performance.now() - probeStarted;
      const row = {
        backend,
        offers,
        route: route.name,
        label: route.label,
        probe: first,
        probeMs,
        serverStartMs,
        firstSearchMs,
      };
      if (first.status === 404 && /There is no GET /.test(first.sample)) {
        // The server's not-found handler ("There is no GET ... here."), not a route's own 404 for an offer.
        row.status = 'route not available';
        console.log(`  ${route.name}: route not available (${first.status} on ${first.path})`);
        results.push(row);
        continue;
      }
      if (first.status !== 200) {
        row.status = `HTTP ${first.status}`;
        console.log(`  ${route.name}: ${first.status} on ${first.path}: ${first.sample}`);
        results.push(row);
        continue;
      }
      const r = await runAutocannon(base, cookie, route);
      const settled = await settle(base);
      Object.assign(row, {
        status: 'ok',
        reqPerSec: r.requests.average,
        p50: r.latency.p50,
        p90: r.latency.p90,
        p99: r.latency.p99,
        max: r.latency.max,
        requests: r.requests.total,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
      });
      if (r.non2xx || r.errors || r.timeouts) row.status = `ok, with ${r.non2xx} non-2xx, ${r.errors} errors`;
      if (r.requests.total === 0) {
        // Nothing answered within the run: no latency to report, and no goal can be met.
        Object.assign(row, {
          status: `no answer within ${DURATION} s`,
          p50: undefined,
          p90: undefined,
          p99: undefined,
        });
        row.reqPerSec = 0;
      } else if (r.requests.total < CONNECTIONS)
        row.status = `only ${r.requests.total} answers in ${DURATION} s`;
      if (!settled) row.status += '; the database was still busy 2 min later (the next route is slowed)';
      console.log(
        `  ${route.name.padEnd(9)} ${String(Math.round(row.reqPerSec)).padStart(6)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms${row.status === 'ok' ? '' : `  (${row.status})`}`,
      );
      results.push(row);
    }
  } finally {
    await stopServer(child);
  }
  return results;
}

// --- main --------------------------------------------------------------------------------------------------------

const dataRoot = mkdtempSync(join(tmpdir(), 'cosell-bench-catalog-'));
const all = [];
const generation = {};
try {
  for (const offers of SIZES) {
    const started = performance.now();
    const catalog = generateCatalog({ offers, contactsPerOffer: CONTACTS_PER_OFFER });
    generation[offers] = { ms: performance.now() - started, counts: catalog.counts };
    console.log(`${offers} offers generated in ${Math.round(generation[offers].ms)} ms:`, catalog.counts);
    for (const backend of BACKENDS) all.push(...(await benchOne(backend, offers, catalog, dataRoot)));
  }
} finally {
  rmSync(dataRoot, { recursive: true, force: true });
}

// --- report ------------------------------------------------------------------------------------------------------

const find = (backend, offers, route) =>
  all.find(
    (r) => r.backend === backend && r.offers === offers && r.route === route && r.reqPerSec !== undefined,
  );
const goals = [];
const verdict = (ok) => (ok ? 'met' : 'MISSED');
// Each goal for the server as it runs (answers cached until the catalogue changes) and without that cache.
for (const route of ['search', 'search-nocache']) {
  const what = route === 'search' ? 'search' : 'search without the answer cache';
  const s = find('postgres', SMALL, route);
  goals.push({
    goal: `${what}: p99 < 50 ms on PostgreSQL at ${SMALL} offers, ${CONNECTIONS} connections`,
    result: !serverUrl
      ? 'not run (no PostgreSQL)'
      : !s
        ? 'not measured'
        : s.p99 === undefined
          ? `MISSED (${s.status})`
          : `${verdict(s.p99 < 50)} (p99 ${s.p99} ms)`,
  });
  for (const backend of BACKENDS)
    for (const offers of SIZES) {
      const s = find(backend, offers, route);
      const t = find(backend, offers, 'trivial');
      goals.push({
        goal: `${what}: req/s >= trivial/3 (${backend}, ${offers} offers)`,
        result:
          s && t
            ? `${verdict(s.reqPerSec >= t.reqPerSec / 3)} (${Math.round(s.reqPerSec)} vs ${Math.round(t.reqPerSec)} / 3 = ${Math.round(t.reqPerSec / 3)})`
            : 'not measured',
      });
    }
  if (SIZES.length > 1)
    for (const backend of BACKENDS) {
      const a = find(backend, SMALL, route);
      const b = find(backend, LARGE, route);
      goals.push({
        goal: `${what}: p99 at ${LARGE} <= 2 x p99 at ${SMALL} (${backend})`,
        result:
          !a || !b
            ? 'not measured'
            : a.p99 === undefined || b.p99 === undefined
              ? `MISSED (${b.status})`
              : `${verdict(b.p99 <= 2 * a.p99)} (${b.p99} ms vs 2 x ${a.p99} ms)`,
      });
    }
  else
    goals.push({
      goal: `${what}: p99 at 100,000 <= 2 x p99 at 10,000`,
      result: 'not run (BENCH_LARGE=1 or --large)',
    });
}

console.log(`\n${CONNECTIONS} connections, ${DURATION} s per route; latencies in ms\n`);
console.log('| back end | offers | route | req/s | p50 | p99 | first answer | note |');
console.log('|---|---:|---|---:|---:|---:|---:|---|');
for (const r of all)
  console.log(
    `| ${r.backend === 'embedded' ? 'PGlite' : 'PostgreSQL'} | ${r.offers.toLocaleString('en')} | ${r.label} | ${r.reqPerSec === undefined ? '' : Math.round(r.reqPerSec)} | ${r.p50 ?? ''} | ${r.p99 ?? ''} | ${r.probeMs === undefined ? '' : `${Math.round(r.probeMs)} ms`} | ${r.status === 'ok' ? '' : r.status} |`,
  );
console.log('\n| goal | result |\n|---|---|');
for (const g of goals) console.log(`| ${g.goal} | ${g.result} |`);

const file = writeResults('catalog', {
  build: buildNote,
  settings: {
    connections: CONNECTIONS,
    durationS: DURATION,
    sizes: SIZES,
    contactsPerOffer: CONTACTS_PER_OFFER,
    backends: BACKENDS,
    acceptEncoding: ACCEPT_ENCODING ?? null,
  },
  generation,
  results: all.map(({ probe: p, ...r }) => ({
    ...r,
    probeStatus: p.status,
    probePath: p.path,
    probeBytes: p.bytes,
    probeEncoding: p.encoding,
  })),
  goals,
});
console.log(`\nwritten to ${file}`);
