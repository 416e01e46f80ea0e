#!/usr/bin/env node
// The web app's first load as Lighthouse 12.2.3 scores it (the last major that runs on Node 20), in Debian's
// Chromium (never a downloaded browser) against the built server started the way `npm start` starts it
// (production settings: the real password hashing), and a sign-in's server time beside /healthz.
//
// For each build given (this checkout's dist/ by default; BENCH_BEFORE=<another checkout> adds that one, run
// in the same process, alternating with this one, so both see the same machine):
//   - pages: sign-in (signed out), the offers list (Contoso's owner), an offer's co-sell tab (the same), the
//     catalogue (the demo seller); desktop and mobile presets, median of BENCH_RUNS (3) per page and preset:
//     the Performance score, FCP, LCP, TBT, CLS, Speed Index, and the bytes transferred (scripts, all);
//   - sign-in: BENCH_LOGINS (20) `POST /api/v1/auth/login` one after another with the demo users in turn, and
//     as many `GET /healthz`, median and range of the server's time (the client's time to the whole answer
//     on 127.0.0.1).
// Writes bench/results/web-vitals-<UTC date and time>.json and prints a table.
//
// Run: node scripts/build-if-stale.mjs && node bench/web-vitals.mjs
//      BENCH_BEFORE=/tmp/cosell-before node bench/web-vitals.mjs   (that checkout built with its own build)
// Environment: BENCH_RUNS (3), BENCH_LOGINS (20), BENCH_PRESETS (desktop,mobile), BENCH_PAGES (sign-in,offers,
// cosell,catalog), COSELL_CHROMIUM (/usr/bin/chromium), BENCH_DETAILS (also print each median run's largest
// layout shifts and busiest scripts; the results file always has them).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { writeResults } from './results.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const RUNS = Number(env.BENCH_RUNS ?? 3);
const LOGINS = Number(env.BENCH_LOGINS ?? 20);
const PRESETS = (env.BENCH_PRESETS ?? 'desktop,mobile').split(',');
const PAGES = (env.BENCH_PAGES ?? 'sign-in,offers,cosell,catalog').split(',');
const PASSWORD = 'bench password, long enough';
const chromiumPath = env.COSELL_CHROMIUM ?? '/usr/bin/chromium';
// As test/e2e/support/chromium.ts starts it: no reaching for Google's hosts on this closed network.
const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const demoUsers = [
  'owner@contoso.example',
  'editor@contoso.example',
  'viewer@contoso.example',
  'owner@fabrikam.example',
  'seller@vendor.example',
  'reseller@reseller.example',
  'reviewer@vendor.example',
  'admin@vendor.example',
];

const builds = [{ name: 'after', dir: root }];
if (env.BENCH_BEFORE) builds.unshift({ name: 'before', dir: env.BENCH_BEFORE });
for (const build of builds)
  if (
    !existsSync(join(build.dir, 'dist/server/main.js')) ||
    !existsSync(join(build.dir, 'dist/web/index.html'))
  )
    throw new Error(`${build.dir} is not built: run node scripts/build-if-stale.mjs there first`);

// --- the server, as `npm start` runs it -----------------------------------------------------------------------

async function startServer(dir) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cosell-vitals-'));
  const serverEnv = {
    ...env,
    COSELL_DATA_DIR: dataDir,
    COSELL_DEMO_PASSWORD: PASSWORD,
    COSELL_LOG_LEVEL: 'warn',
  };
  for (const key of ['NODE_ENV', 'COSELL_TEST_PASSWORD_HASHING', 'DATABASE_URL', 'PORT'])
    delete serverEnv[key];
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js', '--port', '0'], {
    cwd: dir,
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 300_000);
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
      const match = /running at (http:\/\/[^/\s]+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk) => {
      output += String(chunk);
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
  return {
    base,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function login(base, email) {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, body: await response.json() };
}

/** The demo has organisations and no offers: a few for Contoso, so the offers list has rows. */
async function createOffers(base, { cookie, body }) {
  const ids = [];
  for (const [i, offerType] of [
    'SaaS',
    'AzureApplication',
    'AzureVirtualMachine',
    'SaaS',
    'AzureContainer',
  ].entries()) {
    const response = await fetch(`${base}/api/v1/offers`, {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/json',
        'x-csrf-token': body.csrfToken,
        'idempotency-key': `bench-offer-${i}`,
      },
      body: JSON.stringify({
        name: `Bench offer ${i + 1}`,
        offerType,
        summary: 'An offer for the web-vitals bench.',
      }),
    });
    if (!response.ok) throw new Error(`creating an offer: ${response.status} ${await response.text()}`);
    ids.push((await response.json()).id);
  }
  return ids[0];
}

// --- sign-in time ---------------------------------------------------------------------------------------------

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const summary = (values) => ({
  median: Number(median(values).toFixed(1)),
  min: Number(Math.min(...values).toFixed(1)),
  max: Number(Math.max(...values).toFixed(1)),
  n: values.length,
});

async function timeSignIns(base) {
  // One of each first: a first sign-in may also rehash an older hash, which is its own case.
  for (const email of demoUsers) await login(base, email);
  const logins = [];
  const health = [];
  for (let i = 0; i < LOGINS; i++) {
    let started = performance.now();
    await login(base, demoUsers[i % demoUsers.length]);
    logins.push(performance.now() - started);
    started = performance.now();
    const response = await fetch(`${base}/healthz`);
    await response.text();
    health.push(performance.now() - started);
  }
  return { loginMs: summary(logins), healthzMs: summary(health) };
}

// --- Lighthouse -----------------------------------------------------------------------------------------------

async function lighthouseRun(chrome, url, preset, cookie) {
  const flags = {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    ...(cookie && { extraHeaders: { Cookie: cookie } }),
  };
  let lhr;
  // On a busy machine Lighthouse sometimes loses the trace (NO_NAVSTART): such a run is tried again.
  for (let attempt = 1; ; attempt++) {
    lhr = (await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined))?.lhr;
    if (lhr && !lhr.runtimeError) break;
    if (attempt === 3) throw new Error(`${url}: ${lhr?.runtimeError?.message ?? 'no Lighthouse result'}`);
  }
  const audit = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const items = lhr.audits['network-requests']?.details?.items ?? [];
  const scripts = items.filter((item) => item.resourceType === 'Script');
  const transfer = (list) => list.reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
  // What to fix first: the elements that moved most, and the scripts that kept the main thread busiest.
  const shifts = (lhr.audits['layout-shifts']?.details?.items ?? []).slice(0, 3).map((item) => ({
    score: Number((item.score ?? 0).toFixed(3)),
    element: item.node?.selector ?? item.node?.snippet ?? '?',
  }));
  const busiest = (lhr.audits['bootup-time']?.details?.items ?? []).slice(0, 3).map((item) => ({
    url: String(item.url).replace(/^https?:\/\/[^/]+/, ''),
    ms: Math.round(item.total ?? 0),
  }));
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    fcpMs: Math.round(audit('first-contentful-paint')),
    lcpMs: Math.round(audit('largest-contentful-paint')),
    tbtMs: Math.round(audit('total-blocking-time')),
    cls: Number(audit('cumulative-layout-shift').toFixed(3)),
    speedIndexMs: Math.round(audit('speed-index')),
    scriptBytes: transfer(scripts),
    scriptRequests: scripts.length,
    allBytes: transfer(items),
    requests: items.length,
    finalUrl: lhr.finalDisplayedUrl,
    shifts,
    busiest,
  };
}

/** The median run by score, with every run's score beside it. */
function medianRun(runs) {
  const sorted = [...runs].sort((a, b) => a.score - b.score);
  return { ...sorted[Math.floor(sorted.length / 2)], scores: runs.map((r) => r.score) };
}

async function pagesOf(base) {
  const owner = await login(base, 'owner@contoso.example');
  const seller = await login(base, 'seller@vendor.example');
  const offerId = await createOffers(base, owner);
  const all = {
    'sign-in': { path: '/sign-in' },
    offers: { path: '/offers', cookie: owner.cookie },
    cosell: { path: `/offers/${offerId}?tab=cosell`, cookie: owner.cookie },
    catalog: { path: '/catalog', cookie: seller.cookie },
  };
  return PAGES.map((name) => ({ name, ...all[name] }));
}

// --- the run --------------------------------------------------------------------------------------------------

const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: chromiumArgs });
const results = {};
try {
  const servers = {};
  for (const build of builds) {
    servers[build.name] = await startServer(build.dir);
    console.log(`${build.name}: ${build.dir} at ${servers[build.name].base}`);
  }
  try {
    for (const build of builds) {
      results[build.name] = {
        dir: build.dir,
        signIn: await timeSignIns(servers[build.name].base),
        pages: {},
      };
      console.log(`${build.name}: sign-in`, results[build.name].signIn);
    }
    const pages = Object.fromEntries(
      await Promise.all(builds.map(async (b) => [b.name, await pagesOf(servers[b.name].base)])),
    );
    for (const preset of PRESETS) {
      for (let p = 0; p < PAGES.length; p++) {
        const runs = Object.fromEntries(builds.map((b) => [b.name, []]));
        // Alternating builds run by run, so both meet the same moments of a shared machine.
        for (let run = 0; run < RUNS; run++) {
          for (const build of builds) {
            const page = pages[build.name][p];
            runs[build.name].push(
              await lighthouseRun(chrome, `${servers[build.name].base}${page.path}`, preset, page.cookie),
            );
          }
        }
        for (const build of builds) {
          const row = medianRun(runs[build.name]);
          results[build.name].pages[`${PAGES[p]} (${preset})`] = row;
          console.log(
            `${build.name.padEnd(6)} ${`${PAGES[p]} (${preset})`.padEnd(20)} score ${String(row.score).padStart(3)} ` +
              `[${row.scores.join(', ')}]  FCP ${row.fcpMs} LCP ${row.lcpMs} TBT ${row.tbtMs} CLS ${row.cls}  ` +
              `JS ${(row.scriptBytes / 1024).toFixed(1)} KB in ${row.scriptRequests}, all ${(row.allBytes / 1024).toFixed(1)} KB`,
          );
          if (env.BENCH_DETAILS)
            console.log(
              `       shifts ${JSON.stringify(row.shifts)}\n       busiest ${JSON.stringify(row.busiest)}`,
            );
        }
      }
    }
  } finally {
    for (const server of Object.values(servers)) await server.stop();
  }
} finally {
  await chrome.kill();
}

const file = writeResults('web-vitals', {
  lighthouse: '12.2.3',
  chromium: chromiumPath,
  runs: RUNS,
  results,
});
console.log(`written to ${file}`);
