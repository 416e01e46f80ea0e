// The job queue's throughput (docs/decisions/0005-job-queue.md): N no-op jobs enqueued one per transaction,
// as a write that sends an email enqueues its delivery, then drained two at a time, as a server runs email
// deliveries; jobs/s as the median and range of the runs, beside a reference in the same run: a bare table,
// the same rows inserted one per transaction and taken back two lanes at a time by the simplest queue there
// is (DELETE ... FOR UPDATE SKIP LOCKED ... RETURNING), the floor any queue on the database pays.
//
//   node scripts/build-if-stale.mjs --only server
//   node bench/job-queue.mjs                                   # embedded PGlite (on a thread, on disk)
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//     node bench/job-queue.mjs                                 # and PostgreSQL (a fresh database, dropped after)
//
// pg-boss runs through the server's own code (src/server/jobs/job-queue.ts, enqueueJob in a transaction's
// repositories, runDue). graphile-worker (a devDependency, only for this bench) runs the same way on
// PostgreSQL: add_job in the transaction, runOnce with concurrency 2; on PGlite the bench tries it and
// reports what happens. BENCH_JOBS (2000), BENCH_RUNS (3). Writes bench/results/job-queue-*.json.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations as graphileMigrate, run as graphileRun, Logger, runOnce } from 'graphile-worker';
import pg from 'pg';
import { openDatabase } from '../dist/db/database.js';
import { runMigrations } from '../dist/db/migrate.js';
import { createRepositories } from '../dist/db/repositories/index.js';
import { createJobQueue, defineJobKind, enqueueJob } from '../dist/server/jobs/job-queue.js';
import { transactionOver } from '../dist/server/services/transaction.js';
import { writeResults } from './results.mjs';

const JOBS = Number(process.env.BENCH_JOBS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Jobs a server runs at once: email delivery's concurrency (server-jobs.ts). */
const CONCURRENCY = 2;
/** How long graphile-worker on PGlite may take before the bench calls it stuck. */
const STUCK_MS = Number(process.env.BENCH_STUCK_MS ?? 120_000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;

const noJob = defineJobKind('bench-noop');
const silent = { info() {}, warn() {}, error() {} };
const quietGraphile = new Logger(() => () => {});

const round = (value) => Math.round(value);
function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: round(sorted[Math.floor(sorted.length / 2)]),
    min: round(sorted[0]),
    max: round(sorted.at(-1)),
    runs: values.map(round),
  };
}

/** Runs `work` and returns jobs per second. */
async function rate(work) {
  const started = performance.now();
  await work();
  return (JOBS * 1000) / (performance.now() - started);
}

/** `lanes` loops each taking one item until `takeOne` says none is left. */
async function inLanes(lanes, takeOne) {
  let taken = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (await takeOne()) taken++;
    }),
  );
  return taken;
}

function expectCount(what, got) {
  if (got !== JOBS) throw new Error(`${what}: ${got} of ${JOBS}`);
}

// --- one back end -----------------------------------------------------------------------------------------

/** The reference and pg-boss on one database, RUNS times each, interleaved. */
async function queueRuns(database) {
  const transaction = transactionOver(database.db);
  const repos = createRepositories(database.db);
  await repos.jobs.executeSql('create table bench_reference (id bigserial primary key, data jsonb not null)');
  const queue = createJobQueue({ repos, log: silent, pollIntervalMs: 0, maintenanceIntervalSeconds: 0 });
  queue.handle(
    noJob,
    { attempts: 1, retryDelaySeconds: 0, expireInSeconds: 600, concurrency: CONCURRENCY },
    { run: async () => {}, givenUp: async () => {} },
  );
  await queue.start();
  const figures = { referenceEnqueue: [], referenceDrain: [], bossEnqueue: [], bossDrain: [] };
  for (let run = 0; run < RUNS; run++) {
    figures.referenceEnqueue.push(
      await rate(async () => {
        for (let i = 0; i < JOBS; i++)
          await transaction((r) =>
            r.jobs.executeSql('insert into bench_reference (data) values ($1::jsonb)', [
              JSON.stringify({ i }),
            ]),
          );
      }),
    );
    figures.referenceDrain.push(
      await rate(async () => {
        const taken = await inLanes(CONCURRENCY, async () => {
          const { rows } = await repos.jobs.executeSql(
            `delete from bench_reference where id = (
               select id from bench_reference order by id limit 1 for update skip locked) returning data`,
          );
          return rows.length > 0;
        });
        expectCount('reference drained', taken);
      }),
    );
    figures.bossEnqueue.push(
      await rate(async () => {
        for (let i = 0; i < JOBS; i++) await transaction((r) => enqueueJob(r, noJob, { i }));
      }),
    );
    figures.bossDrain.push(
      await rate(async () => {
        expectCount('pg-boss drained', await queue.runDue());
      }),
    );
    process.stdout.write(`  run ${run + 1}/${RUNS} done\n`);
  }
  const statements = await statementsPerJob(database, queue);
  await queue.stop();
  return {
    ...Object.fromEntries(Object.entries(figures).map(([key, values]) => [key, summary(values)])),
    statements,
  };
}

/**
 * Statements sent per job (BEGIN and COMMIT included), counted on node-postgres's client over 20 jobs: what
 * the rates above are made of.
 */
async function statementsPerJob(database, queue) {
  const transaction = transactionOver(database.db);
  const repos = createRepositories(database.db);
  const original = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function (...args) {
    count++;
    return original.apply(this, args);
  };
  const per = async (work) => {
    count = 0;
    await work();
    return count / 20;
  };
  try {
    return {
      referenceEnqueue: await per(async () => {
        for (let i = 0; i < 20; i++)
          await transaction((r) =>
            r.jobs.executeSql('insert into bench_reference (data) values ($1::jsonb)', ['{}']),
          );
      }),
      referenceDrain: await per(async () => {
        for (let i = 0; i < 20; i++)
          await repos.jobs.executeSql(
            `delete from bench_reference where id = (
               select id from bench_reference order by id limit 1 for update skip locked) returning data`,
          );
      }),
      bossEnqueue: await per(async () => {
        for (let i = 0; i < 20; i++) await transaction((r) => enqueueJob(r, noJob, { i }));
      }),
      bossDrain: await per(() => queue.runDue()),
    };
  } finally {
    pg.Client.prototype.query = original;
  }
}

/** graphile-worker on one database through `pgPool`: its migration, then RUNS of enqueue and drain. */
async function graphileRuns(database) {
  const options = {
    pgPool: database.pool,
    logger: quietGraphile,
    concurrency: CONCURRENCY,
    noHandleSignals: true,
  };
  await graphileMigrate(options);
  const transaction = transactionOver(database.db);
  const figures = { enqueue: [], drain: [] };
  for (let run = 0; run < RUNS; run++) {
    figures.enqueue.push(
      await rate(async () => {
        for (let i = 0; i < JOBS; i++)
          await transaction((r) =>
            r.jobs.executeSql(`select graphile_worker.add_job('noop', $1::json)`, [JSON.stringify({ i })]),
          );
      }),
    );
    let ran = 0;
    figures.drain.push(
      await rate(async () => {
        await runOnce({ ...options, taskList: { noop: async () => void ran++ } });
        expectCount('graphile-worker drained', ran);
      }),
    );
    process.stdout.write(`  run ${run + 1}/${RUNS} done\n`);
  }
  return Object.fromEntries(Object.entries(figures).map(([key, values]) => [key, summary(values)]));
}

/**
 * graphile-worker's long-running runner (what a server would keep), on a database of one connection: whether
 * it starts, whether the server's own query and an add_job still get answers while it runs, and how many of
 * the jobs added meanwhile it ran. Each step may wait PROBE_MS for an answer.
 */
async function graphileRunnerProbe(database) {
  const PROBE_MS = 10_000;
  const within = (promise) =>
    Promise.race([
      promise.then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve(`no answer within ${PROBE_MS / 1000} s`), PROBE_MS)),
    ]);
  await graphileMigrate({ pgPool: database.pool, logger: quietGraphile });
  let ran = 0;
  const runner = graphileRun({
    pgPool: database.pool,
    logger: quietGraphile,
    concurrency: 1,
    noHandleSignals: true,
    pollInterval: 2000,
    taskList: { noop: async () => void ran++ },
  });
  const observed = {
    connections: database.pool.options.max,
    runnerStarted: await within(runner),
    serverQuery: await within(database.pool.query('select 1')),
    addJob: await within(database.pool.query(`select graphile_worker.add_job('noop', '{}'::json)`)),
  };
  await new Promise((resolve) => setTimeout(resolve, PROBE_MS));
  return { ...observed, jobsRun: ran };
}

/** `work`, or what happened instead: its error, or that it had not finished after STUCK_MS. */
async function attempt(work) {
  let timer;
  const stuck = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ failed: `no answer after ${STUCK_MS / 1000} s` }), STUCK_MS);
  });
  try {
    return await Promise.race([work().then((figures) => ({ figures })), stuck]);
  } catch (error) {
    return { failed: `${error.constructor.name}: ${error.message}` };
  } finally {
    clearTimeout(timer);
  }
}

// --- the runs ---------------------------------------------------------------------------------------------

const results = { jobs: JOBS, runs: RUNS, concurrency: CONCURRENCY };
const dataRoot = mkdtempSync(join(tmpdir(), 'cosell-bench-jobs-'));
try {
  process.stdout.write(
    `PGlite (embedded, on a thread, on disk): reference and pg-boss, ${JOBS} jobs x ${RUNS}\n`,
  );
  const embedded = await openDatabase({ kind: 'embedded', dataDir: join(dataRoot, 'pglite') });
  try {
    await runMigrations(embedded.pool);
    results.pglite = await queueRuns(embedded);
  } finally {
    await embedded.close();
  }

  process.stdout.write('PGlite: graphile-worker\n');
  const forGraphile = await openDatabase({ kind: 'embedded', dataDir: join(dataRoot, 'pglite-graphile') });
  results.pgliteGraphile = await attempt(() => graphileRuns(forGraphile));
  await Promise.race([forGraphile.close(), new Promise((resolve) => setTimeout(resolve, 5000))]);
  process.stdout.write("PGlite: graphile-worker's long-running runner\n");
  const forRunner = await openDatabase({ kind: 'embedded', dataDir: join(dataRoot, 'pglite-runner') });
  results.pgliteGraphileRunner = await attempt(() => graphileRunnerProbe(forRunner));
  // The runner holds the one connection (its LISTEN): the process exits at the end instead of waiting for it.
  void forRunner.close().catch(() => undefined);

  if (serverUrl) {
    const name = `cosell_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      process.stdout.write(`PostgreSQL: reference and pg-boss, ${JOBS} jobs x ${RUNS}\n`);
      const postgres = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
      try {
        await runMigrations(postgres.pool);
        results.postgres = await queueRuns(postgres);
        process.stdout.write('PostgreSQL: graphile-worker\n');
        results.postgresGraphile = await attempt(() => graphileRuns(postgres));
      } finally {
        await postgres.close();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
} finally {
  rmSync(dataRoot, { recursive: true, force: true });
}

const line = (label, s) =>
  `  ${label.padEnd(34)} ${String(s.median).padStart(6)} jobs/s  (${s.min}-${s.max})`;
for (const backEnd of ['pglite', 'postgres']) {
  const q = results[backEnd];
  if (!q) continue;
  process.stdout.write(
    `\n${backEnd === 'pglite' ? 'PGlite' : 'PostgreSQL'}, median (range) of ${RUNS} runs:\n`,
  );
  process.stdout.write(`${line('reference: INSERT, 1 per transaction', q.referenceEnqueue)}\n`);
  process.stdout.write(`${line('pg-boss: enqueueJob, 1 per transaction', q.bossEnqueue)}\n`);
  process.stdout.write(`${line('reference: DELETE ... SKIP LOCKED x2', q.referenceDrain)}\n`);
  process.stdout.write(`${line('pg-boss: runDue, concurrency 2', q.bossDrain)}\n`);
  process.stdout.write(`  statements per job: ${JSON.stringify(q.statements)}\n`);
  const g = results[backEnd === 'pglite' ? 'pgliteGraphile' : 'postgresGraphile'];
  if (g?.figures) {
    process.stdout.write(`${line('graphile-worker: add_job, 1 per tx', g.figures.enqueue)}\n`);
    process.stdout.write(`${line('graphile-worker: runOnce, conc. 2', g.figures.drain)}\n`);
  } else if (g) process.stdout.write(`  graphile-worker: ${g.failed}\n`);
}
const probe = results.pgliteGraphileRunner;
if (probe)
  process.stdout.write(
    `\nPGlite, graphile-worker's runner on ${probe.figures?.connections ?? '?'} connection(s): ${JSON.stringify(probe.figures ?? probe)}\n`,
  );
process.stdout.write(`\n${writeResults('job-queue', results)}\n`);
process.exit(0);
