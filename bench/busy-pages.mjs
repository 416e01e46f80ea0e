#!/usr/bin/env node
// The busy pages under load, beside bench/catalog-search.mjs and by its method: the generated catalogue
// (bench/catalog-generate.mjs: 10,000 live co-sell offers with listings, contacts and organisation
// profiles), whose first BENCH_PUBLISHERS (20) organisations publish BENCH_PUBLISHER_OFFERS (50) offers
// each, and one publisher user, a member (owner) of those organisations. Loaded into the embedded PGlite
// data directory before the server starts, and into a fresh PostgreSQL database when BENCH_DATABASE_URL or
// DATABASE_URL names a server (dropped afterwards).
//
// It starts the built server, signs in as the publisher and as the demo seller and runs autocannon (32
// connections, 10 s each), BENCH_ROUNDS (3) rounds of, one after the other, each over many different inputs
// (never one request repeated):
//
//   trivial    GET /healthz
//   readiness  GET /api/v1/offers/{offerId}/co-sell/readiness   as the publisher, through all its offers
//   offers     GET /api/v1/offers?organizationId={orgId}         as the publisher: one organisation's 50
//                                                                offers, through all its organisations
//   offer      GET /api/v1/catalog/offers/{offerId}              as the seller, through all the offers
//
// It reports, per route, the median and range over the rounds of req/s, p50 and p99, the ratio of each
// round's req/s to the same round's trivial req/s, and the goals (issue #20): on both back ends p99 < 50 ms
// and req/s >= trivial / 4.
//
// Run: node scripts/build-if-stale.mjs --only server && node bench/busy-pages.mjs
// Environment: BENCH_OFFERS (10000), BENCH_CONTACTS_PER_OFFER (10), BENCH_PUBLISHERS (20),
// BENCH_PUBLISHER_OFFERS (50), BENCH_CONNECTIONS (32), BENCH_DURATION (10 s), BENCH_ROUNDS (3),
// BENCH_BACKENDS (embedded,postgres), BENCH_DATABASE_URL or DATABASE_URL, BENCH_ROUTES
// (trivial,readiness,offers,offer), BENCH_SKIP_BUILD=1 (run dist/ as it is), BENCH_NODE_ARGS (flags for the
// server's node, e.g. --cpu-prof --cpu-prof-dir=/tmp/prof).
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
const { values: flags } = parseArgs({ options: { offers: { type: 'string' } } });
const env = process.env;
const OFFERS = Number(flags.offers ?? env.BENCH_OFFERS ?? 10_000);
const CONTACTS_PER_OFFER = Number(env.BENCH_CONTACTS_PER_OFFER ?? 10);
const PUBLISHERS = Number(env.BENCH_PUBLISHERS ?? 20);
const PUBLISHER_OFFERS = Number(env.BENCH_PUBLISHER_OFFERS ?? 50);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 32);
const DURATION = Number(env.BENCH_DURATION ?? 10);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 3);
const ROUTES = (env.BENCH_ROUTES ?? 'trivial,readiness,offers,offer').split(',');
const PASSWORD = 'bench password, long enough';
const SELLER = 'seller@vendor.example';
const PUBLISHER = 'publisher@bench.example';
const serverUrl = env.BENCH_DATABASE_URL ?? env.DATABASE_URL;
const BACKENDS = (env.BENCH_BACKENDS ?? 'embedded,postgres')
  .split(',')
  .filter((b) => b === 'embedded' || (b === 'postgres' && serverUrl));

// BENCH_SKIP_BUILD=1 runs dist/ as it is; a build with type errors still emits JavaScript, which runs, but
// the bench says so (as catalog-search.mjs does).
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
const { generateCatalog, loadEmbedded, loadPostgres } = await import('./catalog-generate.mjs');

// --- the publisher ---------------------------------------------------------------------------------------------

/**
 * Adds the publisher user, owner of the first PUBLISHERS organisations, to the loaded database (before the
 * server starts), with a password hashed by the server's own code.
 */
async function addPublisher(options, organizationIds) {
  const { openDatabase } = await import('../dist/db/database.js');
  const { createPasswordHashing } = await import('../dist/server/auth/password.js');
  const hashing = createPasswordHashing();
  const passwordHash = await hashing.hash(PASSWORD).finally(() => hashing.close());
  const database = await openDatabase(options);
  try {
    const userId = 'usr_benchpublisher0001';
    await database.pool.query('insert into users (id, email, name, password_hash) values ($1, $2, $3, $4)', [
      userId,
      PUBLISHER,
      'Bench Publisher',
      passwordHash,
    ]);
    await database.pool.query(
      `insert into memberships (organization_id, user_id, role) select unnest($1::text[]), $2, 'owner'`,
      [organizationIds, userId],
    );
  } finally {
    await database.close();
  }
}

// --- the server ------------------------------------------------------------------------------------------------

async function signIn(base, email) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`login as ${email}: ${login.status} ${await login.text()}`);
  return login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

// --- the routes --------------------------------------------------------------------------------------------------

/** A fixed rotation through `list` by a stride prime to its length: the same order on every back end. */
function rotation(list) {
  let n = 0;
  return () => list[(n++ * 7919) % list.length];
}

function routes({ offerIds, publisherOfferIds, publisherOrgIds }, cookies) {
  const one = (cookie, path) => [
    {
      method: 'GET',
      setupRequest: (request) => ({
        ...request,
        path: path(),
        headers: { ...request.headers, ...(cookie && { cookie }) },
      }),
    },
  ];
  return [
    { name: 'trivial', label: 'GET /healthz', requests: () => one(undefined, () => '/healthz') },
    {
      name: 'readiness',
      label: `readiness report (publisher, ${publisherOfferIds.length} offers)`,
      requests: () => {
        const next = rotation(publisherOfferIds);
        return one(cookies.publisher, () => `/api/v1/offers/${next()}/co-sell/readiness`);
      },
    },
    {
      name: 'offers',
      label: `offers list of ${PUBLISHER_OFFERS} (publisher, ${publisherOrgIds.length} organisations)`,
      requests: () => {
        const next = rotation(publisherOrgIds);
        return one(cookies.publisher, () => `/api/v1/offers?organizationId=${next()}`);
      },
    },
    {
      name: 'offer',
      label: `catalogue offer page (seller, ${offerIds.length} offers)`,
      requests: () => {
        const next = rotation(offerIds);
        return one(cookies.seller, () => `/api/v1/catalog/offers/${next()}`);
      },
    },
  ].filter((route) => ROUTES.includes(route.name));
}

/** One request first: is the route there, does it answer 200, and how large is the answer? */
async function probe(base, route) {
  const [first] = route.requests();
  const { path, headers } = first.setupRequest({ method: 'GET', headers: {} }, {});
  const response = await fetch(`${base}${path}`, { headers });
  const body = await response.text();
  return { status: response.status, path, bytes: body.length, sample: body.slice(0, 300) };
}

function runAutocannon(base, route) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: DURATION,
        // Slow answers count in the latencies rather than vanishing as timeouts (autocannon's default is 10 s).
        timeout: 60,
        requests: route.requests(),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/** Waits (at most `limitMs`) until /readyz answers again, so a run's queued requests do not slow the next. */
async function settle(base, limitMs = 120_000) {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    const response = await fetch(`${base}/readyz`).catch(() => undefined);
    if (response?.ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

async function runServer(serverEnv, inputs) {
  const { base, child } = await startServer({
    env: { COSELL_DEMO_PASSWORD: PASSWORD, ...serverEnv },
    args: ['--demo'],
    nodeArgs: env.BENCH_NODE_ARGS ? env.BENCH_NODE_ARGS.split(' ') : [],
  });
  const runs = [];
  const probes = {};
  let routeList = [];
  try {
    const cookies = { publisher: await signIn(base, PUBLISHER), seller: await signIn(base, SELLER) };
    // The catalogue's search index loads in the background at start: wait for it, so that no page is
    // measured while it loads.
    const warm = await fetch(`${base}/api/v1/catalog/offers?limit=1`, {
      headers: { cookie: cookies.seller },
    });
    await warm.arrayBuffer();
    routeList = routes(inputs, cookies);
    const available = [];
    for (const route of routeList) {
      const first = await probe(base, route);
      probes[route.name] = first;
      if (first.status === 200) available.push(route);
      else console.log(`  ${route.name}: ${first.status} on ${first.path}: ${first.sample}`);
    }
    for (let round = 1; round <= ROUNDS; round++)
      for (const route of available) {
        const r = await runAutocannon(base, route);
        const settled = await settle(base);
        const { run, line } = roundOf(round, route.name, r, settled, 9);
        runs.push(run);
        console.log(line);
      }
  } finally {
    await stopServer(child);
  }
  return { probes, runs, routes: routeList.map((r) => [r.name, r.label]) };
}

// --- one back end ------------------------------------------------------------------------------------------------

async function benchOne(backend, catalog, inputs, dataRoot) {
  const dataDir = join(dataRoot, backend);
  let dropDatabase;
  let serverEnv;
  let database;
  const loadStarted = performance.now();
  if (backend === 'embedded') {
    await loadEmbedded(dataDir, catalog);
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
    await loadPostgres(url.toString(), catalog);
    serverEnv = { DATABASE_URL: url.toString(), COSELL_DATA_DIR: dataDir };
    database = { kind: 'postgres', url: url.toString() };
  }
  try {
    await addPublisher(database, inputs.publisherOrgIds);
    const loadMs = performance.now() - loadStarted;
    console.log(`  ${backend}: loaded in ${(loadMs / 1000).toFixed(1)} s`);
    return { backend, loadMs, ...(await runServer(serverEnv, inputs)) };
  } finally {
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// --- main --------------------------------------------------------------------------------------------------------

const catalog = generateCatalog({
  offers: OFFERS,
  contactsPerOffer: CONTACTS_PER_OFFER,
  publishers: { organizations: PUBLISHERS, offersEach: PUBLISHER_OFFERS },
});
const inputs = {
  offerIds: catalog.offerIds,
  publisherOfferIds: catalog.offerIds.slice(0, PUBLISHERS * PUBLISHER_OFFERS),
  publisherOrgIds: catalog.tables.organizations.rows.slice(0, PUBLISHERS).map((row) => row[0]),
};
console.log(`${OFFERS} offers generated:`, catalog.counts);
const dataRoot = mkdtempSync(join(tmpdir(), 'cosell-bench-busy-'));
const all = [];
try {
  for (const backend of BACKENDS) all.push(await benchOne(backend, catalog, inputs, dataRoot));
} finally {
  rmSync(dataRoot, { recursive: true, force: true });
}

// --- report ------------------------------------------------------------------------------------------------------

const goals = [];
for (const bench of all)
  for (const [name] of bench.routes) {
    const s = summary(bench, name);
    if (!s || name === 'trivial') continue;
    const where = `${backendName(bench.backend)}, ${OFFERS.toLocaleString('en')} offers`;
    const p99 = median(s.p99);
    goals.push({ goal: `${name}: p99 < 50 ms (${where})`, result: `${verdict(p99 < 50)} (${p99} ms)` });
    if (s.ratio.length > 0) {
      const ratio = median(s.ratio);
      goals.push({
        goal: `${name}: req/s >= trivial / 4 (${where})`,
        result: `${verdict(ratio >= 1 / 4)} (${ratio.toFixed(2)} of trivial)`,
      });
    }
  }

console.log(`\n${CONNECTIONS} connections, ${DURATION} s per route, ${ROUNDS} rounds: median (range)\n`);
console.log('| back end | offers | route | req/s | p50 ms | p99 ms | of trivial req/s |');
console.log('|---|---:|---|---:|---:|---:|---:|');
for (const bench of all)
  for (const [name, label] of bench.routes) {
    const s = summary(bench, name);
    if (!s) continue;
    console.log(
      `| ${backendName(bench.backend)} | ${OFFERS.toLocaleString('en')} | ${label} | ${spread(s.reqPerSec)} | ${spread(s.p50)} | ${spread(s.p99)} | ${name === 'trivial' ? '' : spread(s.ratio, 2)} |${s.trouble ? ' (errors or timeouts: see the results file)' : ''}`,
    );
  }
console.log('\n| goal | result |\n|---|---|');
for (const g of goals) console.log(`| ${g.goal} | ${g.result} |`);

const file = writeResults('busy-pages', {
  build: buildNote,
  settings: {
    offers: OFFERS,
    contactsPerOffer: CONTACTS_PER_OFFER,
    publishers: PUBLISHERS,
    publisherOffers: PUBLISHER_OFFERS,
    connections: CONNECTIONS,
    durationS: DURATION,
    rounds: ROUNDS,
    backends: BACKENDS,
  },
  counts: catalog.counts,
  results: all,
  goals,
});
console.log(`\nwritten to ${file}`);
