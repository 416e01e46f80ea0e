#!/usr/bin/env node
// The contacts CSV import at its limit: realistic 10,000-row files, (a) through the bare CSV parser
// (Papa.parse) and through our parseContactsCsv, (b) end to end over HTTP against the built server on the
// embedded database, and (c) the same on PostgreSQL when BENCH_DATABASE_URL or DATABASE_URL names a server
// (a fresh database is created on it and dropped afterwards). Also where the server's time goes: decode,
// parse + validate, diff, the database write and the readiness read, measured in-process.
//
// Every timed import writes: the headline imports alternate between two files whose 10,000 contacts all
// differ (each run deletes 10,000 rows and inserts 10,000); a second series imports into a new offer each
// run (10,000 inserts); a third alternates between two files that differ in 1 contact in 10 (1,000 updates).
// The server checks each report's diff, so a run that wrote less than it should fails the bench.
//
// Run: node scripts/build-if-stale.mjs --only server && node bench/contacts-import.mjs
// Options (environment): BENCH_ROWS (10000), BENCH_RUNS (5), BENCH_DATABASE_URL or DATABASE_URL,
// BENCH_SERVER_NODE_ARGS (extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
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
import { prng } from './prng.mjs';
import { writeResults } from './results.mjs';
import { startServer, stopServer } from './server.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PASSWORD = 'bench password, long enough';
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const taxonomy = getTaxonomy();

// --- the file ---------------------------------------------------------------------------------------------

/** `count` contacts; `tag` goes into every email, so files with different tags share no contact. */
function makeContacts(count, seed, tag) {
  const random = prng(seed);
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
      email: `${ascii(f)}.${ascii(l)}.${tag}${i}@contoso.example`,
      jobTitle: pick(titles),
      role: roles[i % roles.length],
      countries,
      states,
    };
  });
}

// Two files with no contact in common, and a copy of the first with 1 job title in 10 changed. Written the
// way the export writes them and Excel saves "CSV UTF-8": BOM, CRLF, role labels, "SE, NO" quoted.
const contacts = makeContacts(ROWS, 20_260_101, 'a');
const otherContacts = makeContacts(ROWS, 20_260_102, 'b');
const editedContacts = contacts.map((c, i) => (i % 10 === 0 ? { ...c, jobTitle: `${c.jobTitle} (new)` } : c));
const fileOf = (list) => {
  const text = writeContactsCsv(list, taxonomy);
  return { text, bytes: new TextEncoder().encode(text) };
};
const [fileA, fileB, fileEdited] = [contacts, otherContacts, editedContacts].map(fileOf);
const bytes = fileA.bytes;
for (const file of [fileA, fileB, fileEdited]) {
  const check = parseContactsCsv(file.text.slice(1), taxonomy, { maxRows: ROWS });
  if (check.errors.length > 0 || check.contacts.length !== ROWS)
    throw new Error(`a generated file does not import: ${JSON.stringify(check.errors.slice(0, 3))}`);
}

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

/** Alternates between the two files whose contacts all differ, run after run. */
function alternating() {
  let turn = 0;
  return () => (turn++ % 2 === 0 ? fileB : fileA);
}

// The bare parser as the goal was set: Papa guessing the line end (it scans up to 1 MiB for it), and, for
// reference, Papa told the line end, as parseContactsCsv now tells it.
let next = alternating();
const papaMs = await timeIt(() => {
  const result = Papa.parse(next().text.slice(1), { delimiter: ',', skipEmptyLines: false });
  if (result.data.length < ROWS) throw new Error('Papa lost rows');
});
next = alternating();
const papaToldMs = await timeIt(() => {
  const result = Papa.parse(next().text.slice(1), { delimiter: ',', newline: '\r\n', skipEmptyLines: false });
  if (result.data.length < ROWS) throw new Error('Papa lost rows');
});
next = alternating();
const ourParseMs = await timeIt(() => parseContactsCsv(next().text.slice(1), taxonomy, { maxRows: ROWS }));
const decodeMs = await timeIt(() => decodeText(bytes));
const validateMs = await timeIt(() => {
  for (const c of contacts) findContactProblems(normaliseContact(c), taxonomy);
});
const stored = contacts.map((c, i) => ({ id: `con_${i}`, position: i + 1, ...c }));
const diffMs = await timeIt(() => diffContacts(stored, otherContacts));

const memory = await openDatabase({ kind: 'embedded-memory' });
await runMigrations(memory.pool);
const repos = createRepositories(memory.db);
const seeded = await seedOffer(memory, repos);
// The write an import of the other file does: delete every row, insert 10,000, in one transaction.
let writes = 0;
const dbWriteMs = await timeIt(() => {
  const list = writes++ % 2 === 0 ? otherContacts : contacts;
  const insert = list.map((c, i) => ({ id: `con_${writes}_${i}`, position: i + 1, ...c }));
  return memory.db.transaction((tx) =>
    createRepositories(tx).contacts.writeChanges(seeded.offerId, {
      removeIds: [],
      removeAll: true,
      update: [],
      insert,
    }),
  );
});
const dbListMs = await timeIt(() => repos.contacts.listForOffer(seeded.offerId));
const dbCoverageMs = await timeIt(() => repos.contacts.listCoverageForOffer(seeded.offerId));
// The whole import service without HTTP: decode, parse, the transaction (version, list, diff, write,
// history, readiness, catalogue), the report. It starts from an empty list, then alternates B and A.
await memory.db.transaction((tx) =>
  createRepositories(tx).contacts.writeChanges(seeded.offerId, {
    removeIds: [],
    removeAll: true,
    update: [],
    insert: [],
  }),
);
next = alternating();
const serviceMs = await timeIt(async () => {
  const report = await seeded.services.contacts.importCsv(seeded.actor, seeded.offerId, next().bytes, {
    dryRun: false,
    expected: '*',
  });
  if (!report.applied || report.diff.added.length !== ROWS) throw new Error('the import wrote too little');
});
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
  const offer = await services.offers.create(actor, { name: 'Bench', offerType: 'SaaS', markets: ['SE'] });
  return { services, actor, offerId: offer.id };
}

// --- (b), (c) end to end over HTTP ---------------------------------------------------------------------------

/** PUTs `file` as the offer's contacts; checks the report says it applied `expect` (added/removed/changed). */
async function importFile(base, session, offerId, file, expect) {
  const response = await fetch(`${base}/api/v1/offers/${offerId}/co-sell/contacts.csv`, {
    method: 'PUT',
    headers: { ...session, 'content-type': 'text/csv' },
    body: file.bytes,
  });
  const report = await response.json();
  if (response.status !== 200 || !report.applied || report.rows !== ROWS)
    throw new Error(`import: ${response.status} ${JSON.stringify(report).slice(0, 500)}`);
  const done = {
    added: report.diff.added.length,
    removed: report.diff.removed.length,
    changed: report.diff.changed.length,
  };
  for (const [key, count] of Object.entries(expect))
    if (done[key] !== count)
      throw new Error(`import wrote ${JSON.stringify(done)}, not ${JSON.stringify(expect)}`);
}

/** Imports over HTTP into a running server, three ways (see the top of this file); median ms of each. */
async function endToEnd(env, args = []) {
  const { base, child } = await startServer({
    env: { COSELL_DEMO_PASSWORD: PASSWORD, ...env },
    args,
    nodeArgs: serverNodeArgs,
  });
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
    const createOffer = async () => {
      const created = await fetch(`${base}/api/v1/offers`, {
        method: 'POST',
        headers: { ...session, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Bench offer', offerType: 'SaaS', markets: ['SE', 'US', 'ES'] }),
      });
      if (created.status !== 201) throw new Error(`create offer: ${created.status} ${await created.text()}`);
      return (await created.json()).id;
    };

    // Replace: the offer holds one file, each run imports the other (the warm-up fills the empty offer).
    const replaced = await createOffer();
    await importFile(base, session, replaced, fileA, { added: ROWS });
    let turn = 0;
    const replaceMs = await timeIt(() =>
      importFile(base, session, replaced, turn++ % 2 === 0 ? fileB : fileA, { added: ROWS, removed: ROWS }),
    );

    // Into a new offer each run: 10,000 inserts; the offer is created before the clock starts.
    const freshOffers = [];
    for (let i = 0; i <= RUNS; i++) freshOffers.push(await createOffer());
    const freshMs = await timeIt(() => importFile(base, session, freshOffers.pop(), fileA, { added: ROWS }));

    // A tenth changed: the offer holds file A, runs alternate the edited copy and A (1,000 updates each).
    await importFile(base, session, replaced, fileA, {});
    turn = 0;
    const partialMs = await timeIt(() =>
      importFile(base, session, replaced, turn++ % 2 === 0 ? fileEdited : fileA, {
        added: 0,
        removed: 0,
        changed: ROWS / 10,
      }),
    );
    // The bench ends with file A in place (the last partial run imports A after the edited copy, or the
    // reverse): a check that the list really is one of the two, whole, in file order.
    const list = await (
      await fetch(`${base}/api/v1/offers/${replaced}/co-sell/contacts`, { headers: session })
    ).json();
    const expected = turn % 2 === 0 ? contacts : editedContacts;
    if (
      list.items.length !== ROWS ||
      list.items.some((c, i) => c.email !== expected[i]?.email || c.jobTitle !== expected[i]?.jobTitle)
    )
      throw new Error('the stored list is not the last file imported');
    return { replaceMs, freshMs, partialMs };
  } finally {
    await stopServer(child);
  }
}

const dataRoot = mkdtempSync(join(tmpdir(), 'cosell-bench-contacts-'));
let embedded;
let postgres;
try {
  embedded = await endToEnd({ COSELL_DATA_DIR: join(dataRoot, 'data') });
  if (serverUrl) {
    const name = `cosell_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      // On PostgreSQL the demo users are loaded on request only.
      postgres = await endToEnd(
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
const backends = [
  ['embedded PGlite', embedded],
  ['PostgreSQL', postgres],
].filter(([, r]) => r !== undefined);
const table = [
  ['Papa.parse, bare (guesses the line end): the yardstick', papaMs],
  ['Papa.parse, bare, told the line end (reference)', papaToldMs],
  ['parseContactsCsv (Papa + columns + rules + duplicates)', ourParseMs],
  ['server steps, in-process (embedded, in memory):', undefined],
  ['  decodeText (bytes → text)', decodeMs],
  ['  rules alone (normalise + findContactProblems), in parse', validateMs],
  ['  diffContacts (10k against 10k others)', diffMs],
  ['  DB list 10k (the one list per import)', dbListMs],
  ['  DB write: delete 10k + insert 10k, one tx', dbWriteMs],
  ['  DB readiness read (role, countries of 10k)', dbCoverageMs],
  ['  importCsv service, no HTTP (replace 10k by 10k)', serviceMs],
  ...backends.flatMap(([name, r]) => [
    [`HTTP PUT contacts.csv, ${name}, replace 10k by 10k others`, r.replaceMs],
    [`HTTP PUT contacts.csv, ${name}, 10k into a new offer`, r.freshMs],
    [`HTTP PUT contacts.csv, ${name}, 1k of 10k changed`, r.partialMs],
  ]),
];
console.log(
  `contacts import, ${ROWS} rows, ${(bytes.length / 1024).toFixed(0)} KiB, median of ${RUNS} after 1 warm-up; ` +
    `node ${process.version}, ${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
);
console.log(`${'step'.padEnd(64)} ${'ms'.padStart(8)} ${'rows/s'.padStart(10)}`);
for (const [label, ms] of table)
  console.log(
    ms === undefined
      ? label
      : `${label.padEnd(64)} ${ms.toFixed(1).padStart(8)} ${String(rate(ms)).padStart(10)}`,
  );
const goal = 0.25;
const ratioOf = (ms) => rate(ms) / bare;
const goals = backends.flatMap(([name, r]) =>
  [
    ['replace 10k by 10k others', r.replaceMs],
    ['10k into a new offer', r.freshMs],
  ].map(([what, ms]) => ({
    backend: name,
    import: what,
    ratio: Number(ratioOf(ms).toFixed(3)),
    met: ratioOf(ms) >= goal,
  })),
);
console.log(`\nend to end / bare parser (goal ≥ ${goal}):`);
for (const g of goals)
  console.log(`  ${g.backend}, ${g.import}: ${g.ratio.toFixed(2)} ${g.met ? 'met' : 'MISSED'}`);

const file = writeResults('contacts-import', {
  settings: { rows: ROWS, runs: RUNS, fileKiB: Math.round(bytes.length / 1024) },
  medianMs: Object.fromEntries(table.filter(([, ms]) => ms !== undefined).map(([l, ms]) => [l.trim(), ms])),
  goals,
});
console.log(`\nwritten to ${file}`);
