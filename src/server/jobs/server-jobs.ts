import type { Repositories } from '../../db/repositories/index.js';
import type { AppConfig } from '../config.js';
import type { Clock, IdGenerator } from '../ids.js';
import { emailDelivery, emailDeliveryHandler } from '../mail/email-delivery.js';
import type { Transaction } from '../services/transaction.js';
import { webhookDeliveryHandler } from '../webhooks/webhook-delivery.js';
import { webhookDelivery } from '../webhooks/webhook-delivery-job.js';
import { createJobQueue, type JobQueue, type JobQueueLog } from './job-queue.js';

/** The bound on one webhook request, connecting included. */
const WEBHOOK_TIMEOUT_MS = 15_000;

/**
 * This server's job queue with a handler for every kind it can run: email delivery when SMTP is configured
 * (without it, emails wait in the outbox for a server that has it), and webhook deliveries. Started: it
 * resolves once the queue has started, so that its queues exist before a request enqueues into them, or
 * after `startTimeoutMs` while it keeps starting, so that a server whose database does not answer still
 * comes up and says so on /readyz; what needs the started queue (runDue, maintain, getJob) waits for it.
 * `stop` lets running jobs finish.
 */
export async function startServerJobs(options: {
  config: AppConfig;
  repos: Repositories;
  /** Transactions on the same database, for the bookkeeping of a webhook attempt. */
  transaction: Transaction;
  clock: Clock;
  ids?: IdGenerator;
  log: JobQueueLog;
  /** How long the start is waited for: as long as /readyz waits for the database. */
  startTimeoutMs: number;
}): Promise<JobQueue> {
  const { config, repos, clock, log } = options;
  const d = config.deployment;
  const queue = createJobQueue({
    repos,
    log,
    pollIntervalMs: d.jobPollIntervalMs,
    maintenanceIntervalSeconds: d.jobMaintenanceIntervalSeconds,
  });
  const mail = config.smtpUrl
    ? emailDeliveryHandler({
        repos,
        clock,
        smtpUrl: config.smtpUrl,
        from: config.smtpFrom,
        log,
        // One SMTP conversation ends well before the attempt's expiry hands the job to another server.
        timeoutMs: Math.min(60_000, (d.emailAttemptTimeoutSeconds * 1000) / 3),
      })
    : undefined;
  if (mail)
    queue.handle(
      emailDelivery,
      {
        attempts: d.emailAttempts,
        retryDelaySeconds: d.emailRetryDelaySeconds,
        expireInSeconds: d.emailAttemptTimeoutSeconds,
        concurrency: 2,
      },
      mail,
    );
  // Webhook deliveries: every server runs them. One attempt's request is bounded well inside its expiry;
  // the retry schedule is the handler's (each retry is a new job), so the queue's own retries only cover an
  // attempt whose server died or whose bookkeeping failed.
  queue.handle(
    webhookDelivery,
    { attempts: 3, retryDelaySeconds: 30, expireInSeconds: 120, concurrency: 4 },
    webhookDeliveryHandler({
      repos,
      transaction: options.transaction,
      clock,
      ...(options.ids && { ids: options.ids }),
      log,
      allowPrivate: config.webhookAllowPrivate ?? false,
      timeoutMs: WEBHOOK_TIMEOUT_MS,
    }),
  );
  let stopped = false;
  const started = queue.start().then(
    // Stopped while it started: stop what has just started.
    () => (stopped ? queue.stop() : undefined),
    (error: unknown) => log.error({ err: error }, 'the job queue did not start'),
  );
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    started,
    new Promise((resolve) => (timer = setTimeout(resolve, options.startTimeoutMs))),
  ]);
  clearTimeout(timer);
  return {
    ...queue,
    runDue: () => started.then(queue.runDue),
    maintain: () => started.then(queue.maintain),
    getJob: (kind, id) => started.then(() => queue.getJob(kind, id)),
    // Does not wait for a start that may never end (a database that does not answer).
    async stop() {
      stopped = true;
      await queue.stop();
      mail?.close();
    },
  };
}
