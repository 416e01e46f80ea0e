#!/usr/bin/env node
// The document blob stores side by side (COSELL_BLOB_STORE, docs/decisions/0006-blob-stores.md): upload
// (stage while hashing, then commit) and download of 1 MiB and 25 MiB files, and a 64 KiB range from the
// middle of the larger one (a video's seek), through each store in-process: the local disk (the reference),
// PostgreSQL's chunked rows on the embedded PGlite and on a PostgreSQL server, and S3 on s3rver (the
// S3-compatible server the tests run, on this machine: the SDK's and the protocol's cost, not a network's).
// Median and range of BENCH_RUNS (5) timed runs after one warm-up; every run stores new bytes (no dedupe)
// and deletes them afterwards.
//
//   node scripts/build-if-stale.mjs --only server
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/blob-stores.mjs
//
// Without BENCH_DATABASE_URL (or DATABASE_URL) the PostgreSQL server is left out; on it a fresh database is
// created and dropped afterwards. BENCH_SERVER_ROOT runs the build of another checkout (its dist/).
// Writes bench/results/blob-stores-*.json.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import S3rver from 's3rver';
import { writeResults } from './results.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const serverRoot = resolve(process.env.BENCH_SERVER_ROOT ?? join(here, '..'));
const fromDist = (path) => import(pathToFileURL(join(serverRoot, 'dist', path)).href);
const { openDatabase } = await fromDist('db/database.js');
const { runMigrations } = await fromDist('db/migrate.js');
const { createBlobStore } = await fromDist('server/blobs/create-blob-store.js');

const MiB = 1024 * 1024;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = [1 * MiB, 25 * MiB];
const RANGE_BYTES = 64 * 1024;
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;

/** The bytes as a request delivers them: 64 KiB at a time. */
function source(bytes) {
  const pieces = [];
  for (let at = 0; at < bytes.length; at += 64 * 1024) pieces.push(bytes.subarray(at, at + 64 * 1024));
  return Readable.from(pieces);
}

async function drain(stream) {
  let length = 0;
  const hash = createHash('sha256');
  for await (const chunk of stream) {
    length += chunk.length;
    hash.update(chunk);
  }
  return { length, sha256: hash.digest('hex') };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const summary = (values) => ({
  medianMs: Math.round(median(values) * 10) / 10,
  minMs: Math.round(Math.min(...values) * 10) / 10,
  maxMs: Math.round(Math.max(...values) * 10) / 10,
});

/** One upload, whole download and ranged download of `bytes`; the blob is deleted afterwards. */
async function once(store, bytes) {
  let started = performance.now();
  const staged = await store.stage(source(bytes), { maxBytes: bytes.length });
  await staged.commit();
  const upload = performance.now() - started;

  started = performance.now();
  const read = await drain(await store.open(staged.sha256));
  const download = performance.now() - started;
  if (read.length !== bytes.length || read.sha256 !== staged.sha256) throw new Error('the bytes read differ');

  const start = Math.floor(bytes.length / 2);
  started = performance.now();
  const part = await drain(await store.open(staged.sha256, { start, end: start + RANGE_BYTES - 1 }));
  const range = performance.now() - started;
  if (part.length !== Math.min(RANGE_BYTES, bytes.length - start)) throw new Error('the range read differs');

  await store.delete(staged.sha256);
  return { upload, download, range };
}

async function measure(name, store) {
  const rows = [];
  for (const size of SIZES) {
    const bytes = randomBytes(size);
    const times = { upload: [], download: [], range: [] };
    for (let run = 0; run <= RUNS; run++) {
      // New bytes every run, so that no commit finds them stored already.
      bytes.writeUInt32BE(run, 0);
      bytes.writeUInt32BE(Date.now() % 2 ** 32, 4);
      const result = await once(store, bytes);
      if (run === 0) continue; // warm-up
      for (const key of Object.keys(times)) times[key].push(result[key]);
    }
    const row = {
      store: name,
      sizeMiB: size / MiB,
      upload: summary(times.upload),
      download: summary(times.download),
      range64KiB: summary(times.range),
    };
    row.upload.MiBps = Math.round((size / MiB / (row.upload.medianMs / 1000)) * 10) / 10;
    row.download.MiBps = Math.round((size / MiB / (row.download.medianMs / 1000)) * 10) / 10;
    rows.push(row);
    const show = (s) => `${s.medianMs} ms (${s.minMs}-${s.maxMs})`;
    console.log(
      `${name.padEnd(22)} ${String(size / MiB).padStart(3)} MiB  upload ${show(row.upload).padEnd(28)}` +
        `download ${show(row.download).padEnd(28)}range ${show(row.range64KiB)}`,
    );
  }
  return rows;
}

const work = mkdtempSync(join(tmpdir(), 'cosell-bench-blobs-'));
const results = [];
try {
  // The reference: files on the local disk.
  results.push(...(await measure('local disk', createBlobStore({ kind: 'local' }, { dataDir: work }))));

  // PostgreSQL's chunked rows on the embedded database, on disk as a server would have it.
  const embedded = await openDatabase({ kind: 'embedded', dataDir: join(work, 'pglite') });
  try {
    await runMigrations(embedded.pool);
    results.push(
      ...(await measure('postgres (PGlite)', createBlobStore({ kind: 'postgres' }, { db: embedded.db }))),
    );
  } finally {
    await embedded.close();
  }

  if (serverUrl) {
    const name = `cosell_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const server = await openDatabase({ kind: 'postgres', url: url.toString() });
    try {
      await runMigrations(server.pool);
      results.push(
        ...(await measure('postgres (server)', createBlobStore({ kind: 'postgres' }, { db: server.db }))),
      );
    } finally {
      await server.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }

  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: join(work, 's3rver'),
    silent: true,
    configureBuckets: [{ name: 'cosell-bench' }],
  });
  const { port } = await s3rver.run();
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  try {
    const config = {
      kind: 's3',
      bucket: 'cosell-bench',
      prefix: 'documents/',
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      forcePathStyle: true,
    };
    results.push(...(await measure('s3 (s3rver)', createBlobStore(config, {}))));
  } finally {
    await s3rver.close();
  }

  console.log(
    `\nwritten to ${writeResults('blob-stores', { runs: RUNS, rangeBytes: RANGE_BYTES, results })}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
