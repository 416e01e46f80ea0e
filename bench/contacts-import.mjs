#!/usr/bin/env node
// The contacts CSV import at its limit: a realistic 10,000-row file, (a) through the bare CSV parser
// (Papa.parse) and through our parseContactsCsv, (b) end to end over HTTP against the built server on the
// embedded database, and (c) the same on PostgreSQL when BENCH_DATABASE_URL or DATABASE_URL names a server
// (a fresh database is created on it and dropped afterwards). Also where the server's time goes: decode,
// parse + validate, diff, and the database replace, measured in-process.
//
// Run: node scripts/build-if-stale.mjs --only server && node bench/contacts-import.mjs
// Options (environment): BENCH_ROWS (10000), BENCH_RUNS (5), BENCH_DATABASE_URL or DATABASE_URL.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import pg from 'pg';
import { openDatabase } from '../dist/db/database.js';
import { runMigrations } from '../dist/db/migrate.js';
import { createRepositories } from '../dist/db/repositories/index.js';
import { diffContacts } from '../dist/domain/contacts/contact-diff.js';
import { findContactProblems, normaliseContact } from '../dist/domain/contacts/contact-rules.js';
import { decodeText } from '../dist/domain/contacts/csv/decode-text.js';
import { parseContactsCsv } from '../dist/domain/contacts/csv/parse-contacts-csv.js';
import { writeContactsCsv } from '../dist/domain/contacts/csv/write-contacts-csv.js';
import { getTaxonomy } from '../dist/domain/reference/taxonomy.js';
import { randomId, systemClock } from '../dist/server/ids.js';
import { createServices } from '../dist/server/services/index.js';
import { transactionOver } from '../dist/server/services/transaction.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PASSWORD = 'bench password, long enough';
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
const taxonomy = getTaxonomy();

// --- the file ---------------------------------------------------------------------------------------------

/** A small seeded PRNG (mulberry32), so every run benches the same file. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeContacts(count) {
  const random = prng(20_260_101);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const first = [
    'Åsa',
    'Björn',
    'Søren',
    'Märta',
    'Øystein',
    'José',
    'Núria',
    'Íñigo',
    'Zoë',
    'Jürgen',
    'Ingrid',
    'Lars',
    'María',
    'Ólafur',
    'Kerstin',
    'Pål',
  ];
  const last = [
    'Öberg',
    'Sjöström',
    'Núñez',
    'Ibáñez',
    'Lindqvist',
    'Ærø',
    'Þórsson',
    "O'Brien-Smith",
    'Gómez',
    'Åkesson',
    'Ström',
    'Müller',
    'Løvås',
    'Fernández',
  ];
  const titles = [
    'Partner sales lead',
    'Försäljningschef Norden',
    'Director de marketing',
    'Solution architect',
    'Customer success manager',
    'Key account manager, EMEA',
    'Jefa de ventas – Iberia',
  ];
  const markets = [
    'SE',
    'NO',
    'DK',
    'FI',
    'IS',
    'ES',
    'PT',
    'DE',
    'NL',
    'BE',
    'FR',
    'GB',
    'IE',
    'US',
    'CA',
    'AU',
    'MX',
    'BR',
  ];
  const statesOf = {
    US: ['US-WA', 'US-NY', 'US-CA', 'US-TX'],
    CA: ['CA-ON', 'CA-QC', 'CA-BC'],
    AU: ['AU-NSW', 'AU-VIC'],
  };
  const roles = taxonomy.contactRoles.map((r) => r.id);
  const ascii = (s) =>
    s
      .normalize('NFD')
      .replace(/[^a-zA-Z]/g, '')
      .toLowerCase();
  return Array.from({ length: count }, (_, i) => {
    const [f, l] = [pick(first), pick(last)];
    const global = random() < 0.05;
    const countries = global
      ? ['OOO']
      : [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(markets)))];
    const states = countries.flatMap((c) => (statesOf[c] && random() < 0.5 ? [pick(statesOf[c])] : []));
    return {
      name: `${f} ${l}`,
      email: `${ascii(f)}.${ascii(l)}.${i}@contoso.example`,
      jobTitle: pick(titles),
      role: roles[i % roles.length],
      countries,
      states,
    };
  });
}

const contacts = makeContacts(ROWS);
// The format the export writes and Excel saves as "CSV UTF-8": BOM, CRLF, role labels, "SE, NO" quoted.
const text = writeContactsCsv(contacts, taxonomy);
const bytes = new TextEncoder().encode(text);
const parsedCheck = parseContactsCsv(text.slice(1), taxonomy, { maxRows: ROWS });
if (parsedCheck.errors.length > 0 || parsedCheck.contacts.length !== ROWS)
  throw new Error(`the generated file does not import: ${JSON.stringify(parsedCheck.errors.slice(0, 3))}`);

// --- helpers ----------------------------------------------------------------------------------------------

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Median milliseconds of `runs` runs after one warm-up. */
async function timeIt(run, runs = RUNS) {
  await run();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

const rate = (ms) => Math.round((ROWS / ms) * 1000);

// --- (a) parsers, and where the server's time goes ----------------------------------------------------------

const papaMs = await timeIt(() => {
  const result = Papa.parse(text.slice(1), { delimiter: ',', skipEmptyLines: false });
  if (result.data.length < ROWS) throw new Error('Papa lost rows');
});
const ourParseMs = await timeIt(() => parseContactsCsv(text.slice(1), taxonomy, { maxRows: ROWS }));
const decodeMs = await timeIt(() => decodeText(bytes));
const validateMs = await timeIt(() => {
  for (const c of contacts) findContactProblems(normaliseContact(c), taxonomy);
});

const memory = await openDatabase({ kind: 'embedded-memory' });
await runMigrations(memory.pool);
const stored = contacts.map((c, i) => ({ id: `con_${i}`, ...c }));
const diffMs = await timeIt(() => diffContacts(stored, contacts));
const repos = createRepositories(memory.db);
const offerIdForDb = await seedOffer(memory, repos);
const dbReplaceMs = await timeIt(() =>
  memory.db.transaction((tx) => createRepositories(tx).contacts.replaceAll(offerIdForDb, stored)),
);
const dbListMs = await timeIt(() => repos.contacts.listForOffer(offerIdForDb));
await memory.close();

/** An organisation, its owner and a SaaS offer, through the services, for the in-process DB measurement. */
async function seedOffer(database, repositories) {
  const services = createServices({
    repos: repositories,
    clock: systemClock,
    ids: randomId,
    sessionTtlHours: 12,
    maxImportRows: ROWS,
    transaction: transactionOver(database.db),
  });
  const org = await services.users.createOrganization('Bench');
  const user = await services.users.createUser(
    { email: 'bench@contoso.example', name: 'Bench', password: PASSWORD },
    'not-a-real-hash',
  );
  await services.users.addMember(org.id, user.id, 'owner');
  const actor = {
    kind: 'user',
    user,
    memberships: [{ organizationId: org.id, organizationName: 'Bench', role: 'owner' }],
    via: 'token',
    csrfToken: null,
    sessionSecretHash: null,
  };
  return (await services.offers.create(actor, { name: 'Bench', offerType: 'SaaS', markets: ['SE'] })).id;
}

// --- (b), (c) end to end over HTTP ---------------------------------------------------------------------------

/** Starts dist/server/main.js with `env`; resolves with its base URL once it listens. */
function startServer(env, args) {
  const child = spawn(process.execPath, ['dist/server/main.js', '--port', '0', ...args], {
    env: { ...process.env, COSELL_LOG_LEVEL: 'warn', COSELL_DEMO_PASSWORD: PASSWORD, ...env },
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
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function endToEnd(env, args = []) {
  const { base, child } = await startServer(env, args);
  try {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@contoso.example', password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = await login.json();
    const session = { cookie, 'x-csrf-token': csrfToken };
    const created = await fetch(`${base}/api/v1/offers`, {
      method: 'POST',
      headers: { ...session, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bench offer', offerType: 'SaaS', markets: ['SE', 'US', 'ES'] }),
    });
    if (created.status !== 201) throw new Error(`create offer: ${created.status} ${await created.text()}`);
    const { id } = await created.json();
    const ms = await timeIt(async () => {
      const response = await fetch(`${base}/api/v1/offers/${id}/co-sell/contacts.csv`, {
        method: 'PUT',
        headers: { ...session, 'content-type': 'text/csv' },
        body: bytes,
      });
      const report = await response.json();
      if (response.status !== 200 || !report.applied || report.rows !== ROWS)
        throw new Error(`import: ${response.status} ${JSON.stringify(report).slice(0, 500)}`);
    });
    return ms;
  } finally {
    await stopServer(child);
  }
}

const dataRoot = mkdtempSync(join(tmpdir(), 'cosell-bench-contacts-'));
let embeddedMs;
let postgresMs;
try {
  embeddedMs = await endToEnd({ COSELL_DATA_DIR: join(dataRoot, 'data') });
  if (serverUrl) {
    const name = `cosell_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      // On PostgreSQL the demo users are loaded on request only.
      postgresMs = await endToEnd(
        { DATABASE_URL: url.toString(), COSELL_DATA_DIR: join(dataRoot, 'pg-files') },
        ['--demo'],
      );
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
} finally {
  rmSync(dataRoot, { recursive: true, force: true });
}

// --- report ---------------------------------------------------------------------------------------------------

const bare = rate(papaMs);
// What one import does on the server, from the parts measured in-process: the service lists the contacts
// and diffs twice (once for the report, once inside the transaction) around the replace.
const serverSumMs = decodeMs + ourParseMs + 2 * dbListMs + 2 * diffMs + dbReplaceMs;
const table = [
  ['Papa.parse (bare CSV parser)', papaMs, rate(papaMs)],
  ['parseContactsCsv (Papa + columns + rules + duplicates)', ourParseMs, rate(ourParseMs)],
  ['server steps, in-process:', undefined, undefined],
  ['  decodeText (bytes → text)', decodeMs, rate(decodeMs)],
  ['  rules alone (normalise + findContactProblems), in parse', validateMs, rate(validateMs)],
  ['  diffContacts (10k against 10k), done twice', diffMs, rate(diffMs)],
  ['  DB list, embedded, done twice', dbListMs, rate(dbListMs)],
  ['  DB replace, embedded (delete + insert, one tx)', dbReplaceMs, rate(dbReplaceMs)],
  ['  sum: decode + parse + 2 list + 2 diff + replace', serverSumMs, rate(serverSumMs)],
  ['HTTP PUT contacts.csv, embedded PGlite (end to end)', embeddedMs, rate(embeddedMs)],
  ...(postgresMs === undefined
    ? []
    : [['HTTP PUT contacts.csv, PostgreSQL (end to end)', postgresMs, rate(postgresMs)]]),
];
console.log(
  `contacts import, ${ROWS} rows, ${(bytes.length / 1024).toFixed(0)} KiB, median of ${RUNS} after 1 warm-up; ` +
    `node ${process.version}, ${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}`,
);
console.log(`${'step'.padEnd(64)} ${'ms'.padStart(8)} ${'rows/s'.padStart(10)}`);
for (const [label, ms, perSecond] of table)
  console.log(
    ms === undefined
      ? label
      : `${label.padEnd(64)} ${ms.toFixed(1).padStart(8)} ${String(perSecond).padStart(10)}`,
  );
const ratio = (ms) => (rate(ms) / bare).toFixed(2);
const goal = 0.25;
const verdict = (ms) => `${ratio(ms)} ${rate(ms) / bare >= goal ? 'met' : 'MISSED'}`;
console.log(
  `\nend to end / bare parser (goal ≥ ${goal}): embedded ${verdict(embeddedMs)}` +
    (postgresMs === undefined ? '' : `, PostgreSQL ${verdict(postgresMs)}`),
);
