import PgBoss from 'pg-boss';
import { JOB_QUEUE_SCHEMA } from '../../db/job-queue-schema.js';
import type { Repositories } from '../../db/repositories/index.js';

/**
 * A kind of background job: a queue and its payload's type. Email delivery is one (mail/email-delivery.ts);
 * another (webhook deliveries) defines its own, enqueues with enqueueJob and gives the queue a handler.
 */
export interface JobKind<Payload extends object> {
  /** The queue's name: letters, digits and hyphens. */
  readonly queue: string;
  /** Only carries the payload's type. */
  readonly payload?: Payload;
}

export const defineJobKind = <Payload extends object>(queue: string): JobKind<Payload> => ({ queue });

/** How the jobs of a kind are tried, set on its queue by the servers that run them. */
export interface JobPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /**
   * The wait before the first retry is between this and twice this, each later wait about twice the one
   * before (pg-boss's backoff: delay · 2^n / 2 · (1 + random); the random part spreads servers' retries).
   */
  readonly retryDelaySeconds: number;
  /** An attempt still running after this long is taken to have died with its server, and is tried again. */
  readonly expireInSeconds: number;
  /** Jobs of this kind one server runs at once. */
  readonly concurrency: number;
}

export interface JobAttempt {
  jobId: string;
  /** 1 for the first attempt. */
  attempt: number;
  attempts: number;
}

export interface JobHandler<Payload extends object> {
  /** Does the job; throwing fails this attempt (the job is tried again while attempts remain). */
  run(payload: Payload, attempt: JobAttempt): Promise<void>;
  /** The job is given up: its last attempt failed, or its server died during it. */
  givenUp(payload: Payload, lastError: string): Promise<void>;
}

export interface JobQueueLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobQueueOptions {
  /** Repositories over the root database handle (not a transaction). */
  repos: Repositories;
  log: JobQueueLog;
  /** How often this server looks for due jobs; 0: never by itself (tests call runDue). */
  pollIntervalMs: number;
  /**
   * Whether this server takes part in pg-boss's maintenance: handing back jobs whose attempt outlived its
   * expiry (a server that died), archiving finished jobs. One server does it at a time, every this many
   * seconds; 0: not this server.
   */
  maintenanceIntervalSeconds: number;
}

/** The queue that collects the jobs of `kind` that were given up, for its handler's `givenUp`. */
export const givenUpQueue = (kind: JobKind<object>) => `${kind.queue}-given-up`;

/**
 * Adds a job of `kind`, due at once or after `startAfterSeconds`. Given a transaction's repositories, the job
 * is committed or rolled back with the change that causes it: there is no moment when one exists without the
 * other.
 */
export function enqueueJob<Payload extends object>(
  r: Repositories,
  kind: JobKind<Payload>,
  payload: Payload,
  options: { startAfterSeconds?: number } = {},
): Promise<string> {
  return r.jobs.enqueue(kind.queue, payload, options);
}

const TIMED_OUT = 'job failed by timeout in active state';

/** What pg-boss kept as a failed job's output, in words. */
function lastErrorOf(output: unknown, policy: JobPolicy): string {
  const value = (output ?? {}) as { message?: unknown; value?: { message?: unknown } };
  const message = value.message ?? value.value?.message;
  if (message === TIMED_OUT)
    return `The attempt did not finish within ${policy.expireInSeconds} s (its server may have stopped).`;
  return typeof message === 'string' ? message : 'The attempt failed.';
}

interface Registered {
  kind: JobKind<object>;
  policy: JobPolicy;
  handler: JobHandler<object>;
}

/**
 * The job queue on PostgreSQL (pg-boss 10: docs/decisions/0005-job-queue.md). Every server runs one: it
 * polls for due jobs of the kinds it has handlers for, each job taken by exactly one server
 * (`FOR UPDATE SKIP LOCKED`); a failed attempt waits with backoff and jitter; a given-up job reaches its
 * handler's `givenUp`. One connection is enough: on the embedded database it shares the server's one.
 */
export function createJobQueue(options: JobQueueOptions) {
  const { log } = options;
  const boss = new PgBoss({
    db: options.repos.jobs,
    schema: JOB_QUEUE_SCHEMA,
    supervise: options.maintenanceIntervalSeconds > 0,
    ...(options.maintenanceIntervalSeconds > 0 && {
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds,
    }),
    schedule: false,
    migrate: true,
  });
  boss.on('error', (error) => log.error({ err: error }, 'job queue maintenance failed'));
  const registered = new Map<string, Registered>();
  let started = false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<number> | undefined;

  async function runOne({ kind, policy, handler }: Registered, givenUp: boolean): Promise<boolean> {
    const queue = givenUp ? givenUpQueue(kind) : kind.queue;
    const [job] = await boss.fetch<object>(queue, { batchSize: 1, includeMetadata: true });
    if (!job) return false;
    try {
      if (givenUp) await handler.givenUp(job.data, lastErrorOf(job.output, policy));
      else
        await handler.run(job.data, {
          jobId: job.id,
          attempt: job.retryCount + 1,
          attempts: job.retryLimit + 1,
        });
      await boss.complete(queue, job.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.warn(
        { err: error, queue, jobId: job.id, attempt: job.retryCount + 1 },
        job.retryCount < job.retryLimit ? 'job attempt failed; will retry' : 'job attempt failed; giving up',
      );
      await boss.fail(queue, job.id, { message });
    }
    return true;
  }

  /** Runs jobs of one queue until none is due, `concurrency` at a time. */
  async function drain(entry: Registered, givenUp: boolean): Promise<number> {
    let ran = 0;
    const lane = async () => {
      while (!stopping && (await runOne(entry, givenUp))) ran++;
    };
    await Promise.all(Array.from({ length: givenUp ? 1 : entry.policy.concurrency }, lane));
    return ran;
  }

  /** Runs every due job of every kind with a handler, until none is due; resolves with how many ran. */
  async function runDue(): Promise<number> {
    let ran = 0;
    for (const entry of registered.values()) {
      ran += await drain(entry, false);
      ran += await drain(entry, true);
    }
    return ran;
  }

  function poll() {
    if (stopping) return;
    polling = runDue()
      .catch((error: unknown) => {
        log.error({ err: error }, 'running jobs failed');
        return 0;
      })
      .finally(() => {
        polling = undefined;
        if (!stopping) timer = setTimeout(poll, options.pollIntervalMs);
      });
  }

  return {
    /** Gives this server a handler for `kind`: call before start. */
    handle<Payload extends object>(
      kind: JobKind<Payload>,
      policy: JobPolicy,
      handler: JobHandler<Payload>,
    ): void {
      registered.set(kind.queue, {
        kind: kind as JobKind<object>,
        policy,
        handler: handler as unknown as JobHandler<object>,
      });
    },

    /** Makes the queues and starts polling (when pollIntervalMs is set). */
    async start(): Promise<void> {
      await boss.start();
      started = true;
      for (const { kind, policy } of registered.values()) {
        await options.repos.jobs.ensureQueues([kind.queue, givenUpQueue(kind)]);
        // The policy lives on the queue, so jobs enqueued anywhere (a transaction, the CLI) follow the one
        // the servers running them were configured with (the last to start, if they differ).
        await boss.updateQueue(kind.queue, {
          name: kind.queue,
          retryLimit: policy.attempts - 1,
          retryDelay: policy.retryDelaySeconds,
          // A delay of 0 means retry at once (pg-boss's backoff would make it at least a second).
          retryBackoff: policy.retryDelaySeconds > 0,
          expireInSeconds: policy.expireInSeconds,
          deadLetter: givenUpQueue(kind),
        });
      }
      if (options.pollIntervalMs > 0) poll();
    },

    runDue,

    /** One round of the queue's maintenance now (expired attempts handed back, finished jobs archived). */
    maintain: () => boss.maintain(),

    /** The job as pg-boss keeps it (state, retry count, when it may start), for tests and diagnostics. */
    getJob: (kind: JobKind<object>, id: string) => boss.getJobById(kind.queue, id),

    /** Stops taking jobs and waits for the ones running here to finish; jobs not taken stay for others. */
    async stop(): Promise<void> {
      stopping = true;
      if (timer) clearTimeout(timer);
      await polling;
      if (started) await boss.stop({ graceful: false, close: false, wait: true });
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
