#!/usr/bin/env node
// The referral pipeline under load: 100,000 referrals (BENCH_REFERRALS) of the demo's Contoso, loaded with one
// INSERT ... SELECT into the embedded PGlite data directory (and into a fresh PostgreSQL database when
// BENCH_DATABASE_URL or DATABASE_URL names a server; dropped afterwards). Half are a seller's referrals to
// Contoso with Sam Seller on the vendor team, a tenth of the rest are shared deals open to every seller; every
// status, eight countries, four currencies, values up to 1,000,000, a year of creation dates, words to find.
// It then starts the built server and runs autocannon (32 connections, 10 s each) against, in the same run:
//
//   trivial          GET /healthz
//   pipeline         GET /api/v1/referrals as Contoso's owner (all 100,000 visible): 24 distinct filter
//                    combinations (status, substatus, country, currency, value range, created-from, text), each
//                    asked for its first page and for its second page (the first page's cursor), in rotation
//   pipeline-seller  the same as Sam Seller (a seller's scope: their team's referrals and the open shared deals)
//   summary          GET /api/v1/referrals/summary with the same filters, as the owner
//
// and reports req/s, p50 and p99 per route and the pipeline's p99 and req/s against the trivial route's.
//
// Run: node scripts/build-if-stale.mjs --only server && node bench/referral-pipeline.mjs
// Environment: BENCH_REFERRALS (100000), BENCH_CONNECTIONS (32), BENCH_DURATION (10 s), BENCH_BACKENDS
// (embedded,postgres), BENCH_DATABASE_URL or DATABASE_URL, BENCH_SKIP_BUILD=1 (run dist/ as it is).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { writeResults } from './results.mjs';
import { startServer, stopServer } from './server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const REFERRALS = Number(env.BENCH_REFERRALS ?? 100_000);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 32);
const DURATION = Number(env.BENCH_DURATION ?? 10);
const PASSWORD = 'bench password, long enough';
const serverUrl = env.BENCH_DATABASE_URL ?? env.DATABASE_URL;
const BACKENDS = (env.BENCH_BACKENDS ?? 'embedded,postgres')
  .split(',')
  .filter((b) => b === 'embedded' || (b === 'postgres' && serverUrl));

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
const { openDatabase } = await import('../dist/db/database.js');

// --- the data ----------------------------------------------------------------------------------------------------

const WORDS = ['analytics', 'migration', 'security', 'retail', 'logistics', 'pilot', 'renewal', 'expansion'];

/**
 * One statement makes every referral from its number i: deterministic, so both back ends hold the same data.
 * Statuses: i % 10 in 0-2 New, 3-5 Active, 6 Won, 7 Lost, 8 Declined, 9 Expired.
 */
function insertSql(count) {
  const words = `(array[${WORDS.map((w) => `'${w}'`).join(',')}])`;
  return `
    with o as (select id from organizations where name = 'Contoso'),
         s as (select id, name, email from users where email = 'seller@vendor.example')
    insert into referrals (id, organization_id, direction, name, type, qualification, status, substatus,
      status_reason, customer_name, customer_country, customer_address, customer_size, customer_contacts,
      consent_to_share, consent_to_contact, notes, deal_value, currency, closing_at, solutions, offer_ids,
      team, vendor_user_ids, search_text, created_by_id, created_by_name, created_at, updated_at, expires_at,
      closed_at, version)
    select 'ref_bench_' || i, o.id,
      case when i % 2 = 0 then 'incoming' else 'outgoing' end,
      initcap(${words}[1 + i % 8]) || ' deal ' || i,
      case when i % 2 = 1 and i % 20 = 3 then 'Independent' else 'Shared' end,
      case when i % 2 = 0 then 'SalesQualified' else 'None' end,
      (array['New','New','New','Active','Active','Active','Closed','Closed','Closed','Closed'])[1 + i % 10],
      (array['Received','Received','Received','Accepted','Accepted','Accepted','Won','Lost','Declined','Expired'])[1 + i % 10],
      case when i % 10 in (7, 8) then 'Not a fit' end,
      'Customer ' || i, (array['SE','NO','DK','FI','DE','NL','GB','US'])[1 + (i / 7) % 8], '{}'::jsonb,
      '51to500employees', '[{"firstName":"Alex","lastName":"Berg","email":"alex@customer.example"}]'::jsonb,
      true, true, 'Needs ' || ${words}[1 + (i / 3) % 8], (i * 7919) % 1000000,
      (array['SEK','EUR','NOK','USD'])[1 + (i / 5) % 4], now() + interval '60 days', '[]'::jsonb, '{}'::text[],
      case when i % 2 = 0 then jsonb_build_array(jsonb_build_object('userId', s.id, 'name', s.name, 'email', s.email, 'side', 'vendor')) else '[]'::jsonb end,
      case when i % 2 = 0 or (i % 10 between 3 and 7 and i % 20 <> 3) then array[s.id] else '{}'::text[] end,
      lower(${words}[1 + i % 8] || ' deal ' || i || ' customer ' || i || ' needs ' || ${words}[1 + (i / 3) % 8]),
      s.id, s.name, now() - (i % 365) * interval '1 day', now(), now() + interval '30 days',
      case when i % 10 >= 6 then now() end, 1
    from generate_series(1, ${count}) as i, o, s`;
}

async function load(pool) {
  const started = performance.now();
  await pool.query(insertSql(REFERRALS));
  await pool.query('analyze referrals');
  return performance.now() - started;
}

// --- the routes --------------------------------------------------------------------------------------------------

/** 24 distinct filter combinations, as the pipeline page and API clients ask. */
function filterCombinations() {
  const combos = [];
  const statuses = [
    '',
    'status=New',
    'status=Active',
    'status=Closed',
    'substatus=Received',
    'substatus=Won',
  ];
  const others = ['', 'country=SE', 'currency=EUR&minValue=100000', 'q=migration'];
  for (const a of statuses) for (const b of others) combos.push([a, b].filter(Boolean).join('&'));
  combos[5] = 'country=NO&createdFrom=2000-01-01T00:00:00Z';
  return combos;
}

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

/** Each filter's first page and, where there is one, its second (the first page's cursor), as paths. */
async function pipelinePaths(base, cookie) {
  const paths = [];
  for (const filter of filterCombinations()) {
    const first = `/api/v1/referrals?limit=25${filter ? `&${filter}` : ''}`;
    const response = await fetch(`${base}${first}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`${first}: ${response.status} ${await response.text()}`);
    const page = await response.json();
    paths.push(first);
    if (page.nextCursor) paths.push(`${first}&cursor=${page.nextCursor}`);
  }
  return paths;
}

function runAutocannon(base, cookie, nextPath) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: DURATION,
        headers: { cookie },
        timeout: 60,
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: nextPath() }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

const rotate = (paths) => {
  let n = 0;
  return () => paths[n++ % paths.length];
};

// --- one back end --------------------------------------------------------------------------------------------------

async function benchOne(backend, dataRoot) {
  const dataDir = join(dataRoot, backend);
  let serverEnv = { COSELL_DATA_DIR: dataDir, DATABASE_URL: '' };
  let dropDatabase;
  if (backend === 'postgres') {
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
    serverEnv = { DATABASE_URL: url.toString(), COSELL_DATA_DIR: dataDir };
  }
  const results = [];
  try {
    // A first start migrates and loads the demo (its users and Contoso); the referrals go in with it stopped.
    const first = await startServer({
      env: { COSELL_DEMO_PASSWORD: PASSWORD, ...serverEnv },
      args: ['--demo'],
    });
    await stopServer(first.child);
    const database =
      backend === 'postgres'
        ? await openDatabase({ kind: 'postgres', url: serverEnv.DATABASE_URL })
        : await openDatabase({ kind: 'embedded', dataDir });
    let loadMs;
    try {
      loadMs = await load(database.pool);
      if (backend === 'embedded') await database.pool.query('checkpoint');
    } finally {
      await database.close();
    }
    console.log(`  ${backend}: ${REFERRALS} referrals loaded in ${(loadMs / 1000).toFixed(1)} s`);

    const { base, child } = await startServer({ env: { COSELL_DEMO_PASSWORD: PASSWORD, ...serverEnv } });
    try {
      const owner = await signIn(base, 'owner@contoso.example');
      const seller = await signIn(base, 'seller@vendor.example');
      const ownerPaths = await pipelinePaths(base, owner);
      const sellerPaths = await pipelinePaths(base, seller);
      const summaryPaths = filterCombinations().map((f) => `/api/v1/referrals/summary${f ? `?${f}` : ''}`);
      const routes = [
        { name: 'trivial', label: 'GET /healthz', cookie: owner, next: rotate(['/healthz']), distinct: 1 },
        {
          name: 'pipeline',
          label: 'pipeline as the partner',
          cookie: owner,
          next: rotate(ownerPaths),
          distinct: ownerPaths.length,
        },
        {
          name: 'pipeline-seller',
          label: 'pipeline as a seller',
          cookie: seller,
          next: rotate(sellerPaths),
          distinct: sellerPaths.length,
        },
        {
          name: 'summary',
          label: 'summary as the partner',
          cookie: owner,
          next: rotate(summaryPaths),
          distinct: summaryPaths.length,
        },
      ];
      for (const route of routes) {
        const result = await runAutocannon(base, route.cookie, route.next);
        const row = {
          backend,
          referrals: REFERRALS,
          route: route.name,
          label: route.label,
          distinctRequests: route.distinct,
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors,
          loadMs,
        };
        console.log(
          `  ${route.name.padEnd(16)} ${String(Math.round(row.requestsPerSecond)).padStart(6)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  (${route.distinct} distinct${row.non2xx ? `, ${row.non2xx} non-2xx` : ''})`,
        );
        results.push(row);
      }
    } finally {
      await stopServer(child);
    }
  } finally {
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const trivial = results.find((r) => r.route === 'trivial');
  const pipeline = results.find((r) => r.route === 'pipeline');
  const ratios = trivial &&
    pipeline && {
      backend,
      p99VsTrivial: Number((pipeline.p99 / Math.max(trivial.p99, 1)).toFixed(1)),
      trivialReqPerSecVsPipeline: Number((trivial.requestsPerSecond / pipeline.requestsPerSecond).toFixed(1)),
    };
  if (ratios)
    console.log(
      `  ${backend}: pipeline p99 = ${ratios.p99VsTrivial} × trivial p99; trivial req/s = ${ratios.trivialReqPerSecVsPipeline} × pipeline req/s`,
    );
  return { results, ratios };
}

const dataRoot = mkdtempSync(join(tmpdir(), 'cosell-bench-referrals-'));
const all = [];
const ratios = [];
try {
  for (const backend of BACKENDS) {
    console.log(`${backend}:`);
    const one = await benchOne(backend, dataRoot);
    all.push(...one.results);
    if (one.ratios) ratios.push(one.ratios);
  }
} finally {
  rmSync(dataRoot, { recursive: true, force: true });
}
const file = writeResults('referral-pipeline', {
  build: buildNote,
  connections: CONNECTIONS,
  durationSeconds: DURATION,
  results: all,
  ratios,
});
console.log(`wrote ${file}`);
