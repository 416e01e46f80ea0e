import nodemailer from 'nodemailer';
import type { Repositories } from '../../db/repositories/index.js';
import type { Clock } from '../ids.js';
import { defineJobKind, type JobHandler, type JobQueueLog } from '../jobs/job-queue.js';

/** One email of the outbox to deliver. */
export interface EmailJob {
  outboxId: string;
}

/**
 * Email delivery: notification-service enqueues a job per email in the transaction that writes it to the
 * outbox; a server with SMTP configured runs them.
 */
export const emailDelivery = defineJobKind<EmailJob>('email-delivery');

export interface EmailDeliveryOptions {
  /** Repositories over the root database handle. */
  repos: Repositories;
  clock: Clock;
  /** An SMTP URL such as smtp://user:pass@mail.example:587 (smtps:// for TLS on connect). */
  smtpUrl: string;
  from: string;
  log: Pick<JobQueueLog, 'info'>;
  /** Bounds on one SMTP conversation; kept below the attempt's expiry so a slow server is not retried twice. */
  timeoutMs: number;
}

/** The domain of the sender's address, for Message-IDs. */
function senderDomain(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'cosell.invalid';
}

/**
 * Sends one outbox email per job and records each attempt on its row (count, time, error) for admins.
 * Delivery is at least once: a server that dies after the SMTP server accepted an email but before the job
 * was marked done leaves it to be sent again, so each email carries a Message-ID made from its outbox id,
 * the same on every attempt, which lets receiving systems drop the copy.
 */
export function emailDeliveryHandler(options: EmailDeliveryOptions): JobHandler<EmailJob> & {
  close(): void;
} {
  const { repos, clock } = options;
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  const domain = senderDomain(options.from);
  return {
    async run({ outboxId }, { attempt, attempts }) {
      const email = await repos.notifications.findOutbox(outboxId);
      // Gone with its user, or sent by an attempt whose job was not marked done.
      if (!email || email.sentAt) return;
      options.log.info({ outboxId, attempt, attempts }, 'sending an email');
      await repos.notifications.recordAttempt(outboxId, clock.now());
      try {
        await transport.sendMail({
          from: options.from,
          to: email.to,
          subject: email.subject,
          text: email.body,
          messageId: `<${outboxId}@${domain}>`,
        });
      } catch (error) {
        await repos.notifications.recordError(outboxId, (error as Error).message);
        throw error;
      }
      await repos.notifications.markSent(outboxId, clock.now());
    },
    async givenUp({ outboxId }, lastError) {
      await repos.notifications.markFailed(outboxId, clock.now(), lastError);
    },
    close: () => transport.close(),
  };
}
