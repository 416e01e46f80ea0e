import nodemailer from 'nodemailer';
import type { Repositories } from '../../db/repositories/index.js';
import type { Clock } from '../ids.js';

export interface OutboxDispatcher {
  /** Sends what is waiting now; resolves with how many emails went out. */
  flush(): Promise<number>;
  stop(): void;
}

export interface OutboxDispatcherOptions {
  repos: Repositories;
  clock: Clock;
  /** An SMTP URL such as smtp://user:pass@mail.example:587 (smtps:// for TLS on connect). */
  smtpUrl: string;
  from: string;
  log: { warn(details: object, message: string): void };
  /** How often to look for new emails; 0 for none (tests flush by hand). */
  intervalMs?: number;
}

const BATCH = 50;

/**
 * Delivers the outbox through SMTP. Notifications are written to the outbox in the transaction that causes
 * them; this sends them afterwards and marks each sent, so a failed delivery is retried on the next round
 * and a crash never loses an email (it may send one twice, never zero times).
 */
export function startOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const transport = nodemailer.createTransport(options.smtpUrl);
  let running: Promise<number> | undefined;

  async function deliver(): Promise<number> {
    let sent = 0;
    for (const email of await options.repos.notifications.listUnsent(BATCH)) {
      try {
        await transport.sendMail({
          from: options.from,
          to: email.to,
          subject: email.subject,
          text: email.body,
        });
      } catch (error) {
        options.log.warn({ err: error, outboxId: email.id }, 'email delivery failed; will retry');
        break;
      }
      await options.repos.notifications.markSent(email.id, options.clock.now());
      sent++;
    }
    return sent;
  }

  const flush = () => {
    running ??= deliver().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = options.intervalMs
    ? setInterval(() => void flush().catch(() => undefined), options.intervalMs)
    : undefined;
  timer?.unref();
  return {
    flush,
    stop() {
      if (timer) clearInterval(timer);
      transport.close();
    },
  };
}
