import { type SQL, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Db } from '../database.js';
import { JOB_QUEUE_SCHEMA } from '../job-queue-schema.js';

/** Runs SQL with `$n` parameters on a handle: the shape pg-boss takes as its database. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

const PLACEHOLDER = /\$(\d+)/;

/** pg-boss's `$n` text with its values as one Drizzle query, so it runs on whatever handle (or transaction) we hold. */
function withParameters(text: string, values: readonly unknown[]): SQL {
  const parts = text.split(PLACEHOLDER);
  const chunks: SQL[] = [sql.raw(parts[0] ?? '')];
  for (let i = 1; i < parts.length; i += 2) {
    // sql.param: a bare array in a Drizzle template would become a list of parameters, not one array.
    chunks.push(sql`${sql.param(values[Number(parts[i]) - 1] ?? null)}`, sql.raw(parts[i + 1] ?? ''));
  }
  return sql.join(chunks);
}

// Never started: used only to write the job row (its `send` is one INSERT on the database it is handed).
let sender: PgBoss | undefined;

/**
 * The job queue's SQL on this handle: a job enqueued through a transaction's repositories is committed or
 * rolled back with the change that caused it (pg-boss's tables, installed by runMigrations).
 */
export function createJobRepository(db: Db) {
  const executor: SqlExecutor = {
    async executeSql(text, values = []) {
      if (values.length === 0) return (await db.execute(sql.raw(text))) as { rows: unknown[] };
      return (await db.execute(withParameters(text, values))) as { rows: unknown[] };
    },
  };
  // A queue is a row and a partition of pg-boss's job table; servers make theirs at start, and a job
  // enqueued before (a CLI command on a new database) makes it here. A no-op once they exist.
  const ensureQueues = (names: string[]) =>
    executor.executeSql(
      `select ${JOB_QUEUE_SCHEMA}.create_queue(q.name, '{"policy":"standard"}'::json)
         from unnest($1::text[]) as q(name)
        where not exists (select 1 from ${JOB_QUEUE_SCHEMA}.queue where name = q.name)`,
      [names],
    );
  return {
    ...executor,
    /** Makes these queues unless they exist. */
    ensureQueues: async (names: string[]) => void (await ensureQueues(names)),
    /**
     * Adds a job to `queue` with this payload, tried as the queue's policy says (attempts, backoff, expiry:
     * set by the servers that run it), due at once or after `startAfterSeconds`; resolves with its id.
     */
    async enqueue(
      queue: string,
      payload: object,
      options: { startAfterSeconds?: number } = {},
    ): Promise<string> {
      sender ??= new PgBoss({ db: executor, schema: JOB_QUEUE_SCHEMA });
      await ensureQueues([queue]);
      const delay = options.startAfterSeconds ?? 0;
      // As a date, from this machine's clock: pg-boss's other form, seconds, cannot pass through
      // withParameters, which makes each use of its one parameter a parameter of its own, typed apart.
      const startAfter = delay > 0 ? new Date(Date.now() + delay * 1000) : undefined;
      const id = await sender.send(queue, payload, { db: executor, ...(startAfter && { startAfter }) });
      if (!id) throw new Error(`The job queue refused a job for ${queue}.`);
      return id;
    },
  };
}

export type JobRepository = ReturnType<typeof createJobRepository>;
