// Sign-in floods must not stall everyone: floods POST /api/v1/auth/login with new unknown emails, from one
// source address and from many, and times what a real user does meanwhile (signing in, downloading a
// 49-byte document) beside the same before the flood. Goal (issue 15): both within 3x of before. A returning
// user's browser presents the device cookie of an earlier sign-in (docs/decisions/0008-device-cookies.md);
// a first-time user has none and is timed too.
//
//   node scripts/build-if-stale.mjs --only server
//   node bench/login-flood.mjs
//
// BENCH_SERVER_ROOT runs the server of another checkout (its dist/), e.g. a worktree of an older commit, to
// measure the before. BENCH_FLOOD_SECONDS (20 per mode), BENCH_FLOOD_CONCURRENCY (32 requests in flight),
// BENCH_FLOOD_SOURCES (32 addresses in the many-addresses mode), BENCH_USER_ROUNDS (5: a real user's sign-in
// and two downloads, each round, before and during each flood). Sources are loopback addresses 127.0.0.x:
// X-Forwarded-For counts only once a trusted proxy is configured. Writes bench/results/login-flood-*.json.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResults } from './results.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const serverRoot = resolve(process.env.BENCH_SERVER_ROOT ?? join(here, '..'));
const FLOOD_SECONDS = Number(process.env.BENCH_FLOOD_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_FLOOD_CONCURRENCY ?? 32);
const SOURCES = Number(process.env.BENCH_FLOOD_SOURCES ?? 32);
const USER_ROUNDS = Number(process.env.BENCH_USER_ROUNDS ?? 5);
const PASSWORD = 'login-flood-demo-password';
const TIMEOUT_MS = 60_000;
const USER_ADDRESS = '127.0.0.250';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'); // 49 bytes

/** One HTTP request from `localAddress`; resolves with status, headers, body and milliseconds taken. */
function send(base, { method = 'GET', path, headers = {}, body, localAddress = '127.0.0.1' }) {
  const started = performance.now();
  return new Promise((done) => {
    const req = request(
      new URL(path, base),
      { method, headers, localAddress, agent: false, timeout: TIMEOUT_MS },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          done({
            status: res.statusCode,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) =>
      done({ status: error.message === 'timeout' ? 'timeout' : 'error', ms: performance.now() - started }),
    );
    req.end(body);
  });
}

const json = (value) => ({
  'content-type': 'application/json',
  'content-length': Buffer.byteLength(JSON.stringify(value)),
});

function startServer(dataDir) {
  const child = spawn(
    process.execPath,
    [join(serverRoot, 'dist/server/main.js'), '--port', '0', '--host', '127.0.0.1'],
    {
      cwd: serverRoot,
      env: {
        ...process.env,
        COSELL_DATA_DIR: dataDir,
        COSELL_DEMO_PASSWORD: PASSWORD,
        COSELL_LOG_LEVEL: 'error',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolvePromise, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /running at http:\/\/[^:]+:(\d+)\//.exec(output);
      if (match && output.includes('password:'))
        resolvePromise({
          child,
          base: `http://127.0.0.1:${match[1]}`,
          users: [...output.matchAll(/^\s+(\S+@\S+)\s/gm)].map((m) => m[1]),
        });
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
}

/** `name=value` of the cookie `name` an answer sets, if it sets one. */
const cookieSet = (res, name) =>
  (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith(`${name}=`));

/**
 * Signs in, presenting `device` (a device cookie, `cosell_device=...`) when given; returns the session
 * cookie, the CSRF token and any new device cookie, and how long it took.
 */
async function signIn(base, email, device) {
  const payload = { email, password: PASSWORD };
  const res = await send(base, {
    method: 'POST',
    path: '/api/v1/auth/login',
    headers: { ...json(payload), ...(device && { cookie: device }) },
    body: JSON.stringify(payload),
    localAddress: USER_ADDRESS,
  });
  if (res.status !== 200) return { ms: res.ms, status: res.status };
  return {
    ms: res.ms,
    status: 200,
    cookie: cookieSet(res, 'cosell_session'),
    device: cookieSet(res, 'cosell_device'),
    csrf: JSON.parse(res.body).csrfToken,
  };
}

/** An offer with one 49-byte PDF; returns the download path. */
async function prepareDocument(base, session) {
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  const offer = { name: 'Flood bench', offerType: 'SaaS', markets: ['SE'] };
  const created = await send(base, {
    method: 'POST',
    path: '/api/v1/offers',
    headers: { ...headers, ...json(offer) },
    body: JSON.stringify(offer),
    localAddress: USER_ADDRESS,
  });
  if (created.status !== 201) throw new Error(`creating the offer: ${created.status} ${created.body}`);
  const offerId = JSON.parse(created.body).id;
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const form = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="slot"\r\n\r\ncustomerOnePager\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="one.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const uploaded = await send(base, {
    method: 'POST',
    path: `/api/v1/offers/${offerId}/co-sell/documents`,
    headers: {
      ...headers,
      'if-match': '*', // an empty slot: whatever is there
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': form.length,
    },
    body: form,
    localAddress: USER_ADDRESS,
  });
  if (uploaded.status !== 201) throw new Error(`uploading: ${uploaded.status} ${uploaded.body}`);
  return `/api/v1/offers/${offerId}/co-sell/documents/${JSON.parse(uploaded.body).id}/content`;
}

const summary = (samples) => {
  const ms = samples
    .filter((s) => typeof s.status === 'number')
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  const failed = samples.filter((s) => s.status !== 200).map((s) => s.status);
  const round = (n) => Math.round(n * 10) / 10;
  return {
    n: samples.length,
    medianMs: ms.length ? round(ms[Math.floor(ms.length / 2)]) : null,
    minMs: ms.length ? round(ms[0]) : null,
    maxMs: ms.length ? round(ms.at(-1)) : null,
    failed,
  };
};

/**
 * What the real user does: sign-ins (a different demo user each time, so the per-account limit of 10 a
 * minute never applies), each once as a returning user (presenting the device cookie `devices` holds for
 * that user) and once as a first-time user (none), and downloads of the 49-byte document.
 */
async function realUser(base, users, devices, session, download, rounds) {
  const signIns = [];
  const firstSignIns = [];
  const downloads = [];
  for (let i = 0; i < rounds; i++) {
    const email = users[i % users.length];
    signIns.push(await signIn(base, email, devices.get(email)));
    firstSignIns.push(await signIn(base, email));
    for (let d = 0; d < 2; d++)
      downloads.push(
        await send(base, { path: download, headers: { cookie: session.cookie }, localAddress: USER_ADDRESS }),
      );
  }
  return { signIn: summary(signIns), firstSignIn: summary(firstSignIns), download: summary(downloads) };
}

/** Floods sign-in from `addresses` until `isDone()`, CONCURRENCY requests in flight; returns the status counts. */
async function flood(base, addresses, isDone) {
  const counts = {};
  let sent = 0;
  const worker = async (w) => {
    while (!isDone()) {
      const payload = {
        email: `nobody-${randomBytes(6).toString('hex')}@flood.example`,
        password: randomBytes(9).toString('base64'),
      };
      const res = await send(base, {
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: json(payload),
        body: JSON.stringify(payload),
        localAddress: addresses[(sent++ + w) % addresses.length],
      });
      counts[res.status] = (counts[res.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  return counts;
}

const dataDir = mkdtempSync(join(tmpdir(), 'cosell-login-flood-'));
const server = await startServer(dataDir);
try {
  const first = await signIn(server.base, server.users[0]);
  if (first.status !== 200) throw new Error(`signing in as ${server.users[0]}: ${first.status}`);
  const download = await prepareDocument(server.base, first);
  const users = server.users.slice(1);
  // Each user's browser signed in once before and kept the device cookie it was given.
  const devices = new Map();
  for (const email of users) {
    const earlier = await signIn(server.base, email);
    if (!earlier.device) throw new Error(`no device cookie for ${email} (${earlier.status})`);
    devices.set(email, earlier.device);
  }
  const before = await realUser(server.base, users, devices, first, download, USER_ROUNDS);
  const modes = {};
  for (const [mode, addresses] of [
    ['one address', ['127.0.0.2']],
    ['many addresses', Array.from({ length: SOURCES }, (_, i) => `127.0.0.${10 + i}`)],
  ]) {
    // The flood runs for FLOOD_SECONDS at least and until the real user is done, so every sample is taken
    // under it.
    let userDone = false;
    const floodStarted = performance.now();
    const flooding = flood(
      server.base,
      addresses,
      () => userDone && performance.now() - floodStarted > FLOOD_SECONDS * 1000,
    );
    await new Promise((r) => setTimeout(r, 2_000)); // let the flood build up
    const during = await realUser(server.base, users, devices, first, download, USER_ROUNDS);
    userDone = true;
    const floodAnswers = await flooding;
    modes[mode] = { ...during, floodAnswers };
  }
  const ratio = (d, b) => (d.medianMs && b.medianMs ? Math.round((d.medianMs / b.medianMs) * 10) / 10 : null);
  console.log(`server: ${serverRoot}; flood: ${CONCURRENCY} in flight for ${FLOOD_SECONDS} s per mode`);
  console.log(
    '                       median (range) ms: sign-in, device cookie | sign-in, first time | download',
  );
  const cell = (s) => `${s.medianMs} (${s.minMs}-${s.maxMs})`.padEnd(24);
  const line = (label, r) => {
    const failed = [...r.signIn.failed, ...r.firstSignIn.failed, ...r.download.failed];
    console.log(
      `${label.padEnd(22)} ${cell(r.signIn)} ${cell(r.firstSignIn)} ${cell(r.download)}${failed.length ? `  failed: ${failed.join(',')}` : ''}`,
    );
  };
  line('before', before);
  for (const [mode, r] of Object.entries(modes)) {
    line(`during, ${mode}`, r);
    console.log(
      `${''.padEnd(22)} x${ratio(r.signIn, before.signIn)} sign-in (device cookie), x${ratio(r.firstSignIn, before.firstSignIn)} sign-in (first time), x${ratio(r.download, before.download)} download; flood answers ${JSON.stringify(r.floodAnswers)}`,
    );
  }
  const file = writeResults('login-flood', {
    serverRoot,
    floodSeconds: FLOOD_SECONDS,
    concurrency: CONCURRENCY,
    sources: SOURCES,
    before,
    modes,
  });
  console.log(`figures: ${file}`);
} finally {
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
}
