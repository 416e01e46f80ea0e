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
// and reports req/s, p50 and p99 per route, and the goals: search p99 < 50 ms on PostgreSQL at 10,000
// offers; search req/s >= trivial req/s / 3; search p99 at 100,000 offers <= 2 x p99 at 10,000.
//
// Run: node scripts/build-if-stale.mjs --only server && node bench/catalog-search.mjs [--large]
// Environment: BENCH_OFFERS (10000), BENCH_LARGE=1 (adds BENCH_LARGE_OFFERS, 100000), BENCH_CONTACTS_PER_OFFER
// (10), BENCH_CONNECTIONS (32), BENCH_DURATION (10 s), BENCH_BACKENDS (embedded,postgres),
// BENCH_DATABASE_URL or DATABASE_URL, BENCH_SEARCH_PARAMS (extra query string for the search, e.g. limit=50),
// BENCH_SKIP_BUILD=1 (run dist/ as it is).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

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

/** Starts dist/server/main.js; resolves with its base URL once it listens. */
function startServer(extraEnv, args) {
  const child = spawn(process.execPath, ['dist/server/main.js', '--port', '0', ...args], {
    cwd: root,
    env: { ...env, COSELL_LOG_LEVEL: 'warn', COSELL_DEMO_PASSWORD: PASSWORD, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += String(chunk);
      const match = /running at (http:\/\/[^/\s]+)\//.exec(output);
      if (match) resolve({ base: match[1], child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      output += String(chunk);
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
}

async function stopServer(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

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
  const response = await fetch(`${base}${path}`, { headers: { cookie } });
  const body = await response.text();
  return { status: response.status, path, bytes: body.length, sample: body.slice(0, 300) };
}

function runAutocannon(base, cookie, route) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: DURATION,
        headers: { cookie },
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
    const startedAt = performance.now();
    const { base, child } = await startServer(serverEnv, ['--demo']);
    const startMs = performance.now() - startedAt;
    try {
      const cookie = await signIn(base);
      for (const route of routes(catalog.offerIds)) {
        const first = await probe(base, cookie, route);
        const row = { backend, offers, route: route.name, label: route.label, probe: first };
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
        if (r.non2xx || r.errors || r.timeouts)
          row.status = `ok, with ${r.non2xx} non-2xx, ${r.errors} errors`;
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
    for (const row of results) Object.assign(row, { loadMs, load, serverStartMs: startMs });
  } finally {
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
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
{
  const s = find('postgres', SMALL, 'search');
  goals.push({
    goal: `search p99 < 50 ms on PostgreSQL at ${SMALL} offers, ${CONNECTIONS} connections`,
    result: !serverUrl
      ? 'not run (no PostgreSQL)'
      : !s
        ? 'not measured (route not available)'
        : s.p99 === undefined
          ? `MISSED (${s.status})`
          : `${verdict(s.p99 < 50)} (p99 ${s.p99} ms)`,
  });
}
for (const backend of BACKENDS)
  for (const offers of SIZES) {
    const s = find(backend, offers, 'search');
    const t = find(backend, offers, 'trivial');
    goals.push({
      goal: `search req/s >= trivial/3 (${backend}, ${offers} offers)`,
      result:
        s && t
          ? `${verdict(s.reqPerSec >= t.reqPerSec / 3)} (${Math.round(s.reqPerSec)} vs ${Math.round(t.reqPerSec)} / 3 = ${Math.round(t.reqPerSec / 3)})`
          : 'not measured (route not available)',
    });
  }
if (SIZES.length > 1)
  for (const backend of BACKENDS) {
    const a = find(backend, SMALL, 'search');
    const b = find(backend, LARGE, 'search');
    goals.push({
      goal: `search p99 at ${LARGE} <= 2 x p99 at ${SMALL} (${backend})`,
      result:
        !a || !b
          ? 'not measured (route not available)'
          : a.p99 === undefined || b.p99 === undefined
            ? `MISSED (${b.status})`
            : `${verdict(b.p99 <= 2 * a.p99)} (${b.p99} ms vs 2 x ${a.p99} ms)`,
    });
  }
else
  goals.push({
    goal: 'search p99 at 100,000 <= 2 x p99 at 10,000',
    result: 'not run (BENCH_LARGE=1 or --large)',
  });

console.log(`\n${CONNECTIONS} connections, ${DURATION} s per route; latencies in ms\n`);
console.log('| back end | offers | route | req/s | p50 | p99 | note |');
console.log('|---|---:|---|---:|---:|---:|---|');
for (const r of all)
  console.log(
    `| ${r.backend === 'embedded' ? 'PGlite' : 'PostgreSQL'} | ${r.offers.toLocaleString('en')} | ${r.label} | ${r.reqPerSec === undefined ? '' : Math.round(r.reqPerSec)} | ${r.p50 ?? ''} | ${r.p99 ?? ''} | ${r.status === 'ok' ? '' : r.status} |`,
  );
console.log('\n| goal | result |\n|---|---|');
for (const g of goals) console.log(`| ${g.goal} | ${g.result} |`);

// One file per run: the date and the UTC time, e.g. catalog-2026-11-25-0116.json.
const date = new Date().toISOString().slice(0, 16).replace('T', '-').replace(':', '');
const resultsDir = join(root, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `catalog-${date}.json`);
writeFileSync(
  file,
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        loadavg: loadavg(),
        node: process.version,
      },
      build: buildNote,
      settings: {
        connections: CONNECTIONS,
        durationS: DURATION,
        sizes: SIZES,
        contactsPerOffer: CONTACTS_PER_OFFER,
        backends: BACKENDS,
      },
      generation,
      results: all.map(({ probe: p, ...r }) => ({ ...r, probeStatus: p.status, probePath: p.path })),
      goals,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwritten to ${file}`);
