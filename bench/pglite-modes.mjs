#!/usr/bin/env node
// Measures the choice behind src/db/embedded: PGlite in-process versus PGlite on a worker thread served
// over a Unix socket (pglite-socket) and reached with node-postgres. Reports how long a CPU-heavy query
// blocks the event loop, and simple-query throughput. Run: node bench/pglite-modes.mjs
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { startPgliteThread } from '../dist/db/embedded/pglite-thread.js';

const HEAVY = 'select count(*) from generate_series(1, 3000000)';

async function eventLoopBlockDuring(run) {
  let maxLag = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxLag = Math.max(maxLag, now - last - 10);
    last = now;
  }, 10);
  const started = performance.now();
  await run();
  const took = performance.now() - started;
  // Let the interval fire once more: a blocked loop shows up as one late tick.
  await new Promise((resolve) => setTimeout(resolve, 30));
  clearInterval(timer);
  return { queryMs: Math.round(took), maxEventLoopLagMs: Math.round(maxLag) };
}

async function queriesPerSecond(run, parallel = 1, ms = 2000) {
  const started = performance.now();
  let count = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (performance.now() - started < ms) {
        await run();
        count++;
      }
    }),
  );
  return Math.round(count / (ms / 1000));
}

const dir = mkdtempSync(join(tmpdir(), 'cosell-bench-'));
try {
  const inProcess = await PGlite.create(join(dir, 'a'));
  const results = { inProcess: {}, workerThread: {} };
  results.inProcess.heavyQuery = await eventLoopBlockDuring(() => inProcess.query(HEAVY));
  results.inProcess.selectQps = await queriesPerSecond(() => inProcess.query('select $1::int', [1]));
  await inProcess.close();

  mkdirSync(join(dir, 'b'));
  const thread = await startPgliteThread(join(dir, 'b'));
  const pool = new pg.Pool({ host: thread.socketDir, user: 'postgres', database: 'postgres', max: 4 });
  results.workerThread.heavyQuery = await eventLoopBlockDuring(() => pool.query(HEAVY));
  results.workerThread.selectQps = await queriesPerSecond(() => pool.query('select $1::int', [1]));
  results.workerThread.selectQps4Parallel = await queriesPerSecond(
    () => pool.query('select $1::int', [1]),
    4,
  );
  await pool.end();
  await thread.close();
  console.log(JSON.stringify(results, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
