import type { Repositories } from '../../db/repositories/index.js';
import type { WebhookEndpointRow } from '../../db/repositories/webhook-repository.js';
import { nextRetryDelayMs, parseRetryAfter } from '../../domain/webhooks/retry-schedule.js';
import { type Clock, type IdGenerator, randomId } from '../ids.js';
import { enqueueJob, type JobHandler, type JobQueueLog } from '../jobs/job-queue.js';
import type { Transaction } from '../services/transaction.js';
import { endpointDisabler } from './endpoint-disabled.js';
import { signatureHeader } from './signature.js';
import { type WebhookDeliveryJob, webhookDelivery } from './webhook-delivery-job.js';
import { type SendOptions, type SendResult, sendWebhook } from './webhook-sender.js';

/** An endpoint whose deliveries have failed for this long, with no success between, is disabled. */
export const FAILING_DISABLE_AFTER_MS = 5 * 24 * 3_600_000;

export interface WebhookDeliveryOptions {
  /** Repositories over the root database handle. */
  repos: Repositories;
  transaction: Transaction;
  clock: Clock;
  /** Ids for what disabling an endpoint writes (its audit record, notifications); randomId unless a test's. */
  ids?: IdGenerator;
  log: Pick<JobQueueLog, 'info'>;
  /** COSELL_WEBHOOK_ALLOW_PRIVATE: private and loopback addresses may be reached. */
  allowPrivate: boolean;
  /** One attempt's bound, connecting included. */
  timeoutMs: number;
  /** [0, 1) for the retry schedule's jitter; Math.random unless a test fixes it. */
  random?: () => number;
  /** How a request goes out; sendWebhook unless a test replaces it. */
  send?: (options: SendOptions) => Promise<SendResult>;
}

/** The secrets that sign now: the current one, and the previous one during a rotation's overlap. */
export function signingSecrets(endpoint: WebhookEndpointRow, now: Date): string[] {
  const previous =
    endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now
      ? [endpoint.previousSecret]
      : [];
  return [endpoint.secret, ...previous];
}

/** What went wrong with an answer that is not a success, in words for the log. */
function failureOf(result: SendResult): string {
  if (result.statusCode === undefined) return result.error ?? 'No answer';
  if (result.statusCode >= 300 && result.statusCode < 400)
    return `HTTP ${result.statusCode}: redirects are not followed`;
  return `HTTP ${result.statusCode}`;
}

/**
 * Runs one attempt of a delivery: signs the stored body as Standard Webhooks says (webhook-id,
 * webhook-timestamp, webhook-signature), POSTs it, and logs the attempt. A 2xx delivers it; 410 Gone disables
 * the endpoint; anything else waits for the next step of the retry schedule (or the receiver's longer
 * Retry-After) as a new job, until the tenth attempt fails and the delivery is given up. Delivery is at least
 * once: a receiver drops repeats by webhook-id.
 */
export function webhookDeliveryHandler(options: WebhookDeliveryOptions): JobHandler<WebhookDeliveryJob> {
  const { repos, transaction, clock } = options;
  const random = options.random ?? Math.random;
  const send = options.send ?? sendWebhook;
  const disable = endpointDisabler({ clock, ids: options.ids ?? randomId });
  return {
    async run({ deliveryId }) {
      const delivery = await repos.webhooks.findDelivery(deliveryId);
      if (delivery?.status !== 'pending') return;
      const endpoint = await repos.webhooks.findEndpoint(delivery.endpointId);
      if (!endpoint) return;
      if (!endpoint.enabled) {
        await repos.webhooks.updateDelivery(deliveryId, {
          status: 'failed',
          lastError: 'The endpoint is disabled.',
        });
        return;
      }
      const attempt = await repos.webhooks.startAttempt(deliveryId);
      if (attempt === undefined) return;
      const at = clock.now();
      const timestamp = Math.floor(at.getTime() / 1000);
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'cosell-webhooks/1',
        'webhook-id': delivery.messageId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signatureHeader(
          signingSecrets(endpoint, at),
          delivery.messageId,
          timestamp,
          delivery.body,
        ),
      };
      options.log.info({ deliveryId, endpointId: endpoint.id, attempt }, 'sending a webhook');
      const started = clock.monotonicMs();
      const result = await send({
        url: endpoint.url,
        headers,
        body: delivery.body,
        timeoutMs: options.timeoutMs,
        allowPrivate: options.allowPrivate,
      });
      const durationMs = Math.max(0, Math.round(clock.monotonicMs() - started));
      const ok = result.statusCode !== undefined && result.statusCode >= 200 && result.statusCode < 300;
      const error = ok ? null : failureOf(result);
      await transaction(async (r) => {
        await r.webhooks.recordAttempt({
          deliveryId,
          attempt,
          at,
          durationMs,
          statusCode: result.statusCode ?? null,
          error: result.statusCode === undefined ? (result.error ?? null) : null,
          responseBody: result.responseBody ?? null,
          requestHeaders: headers,
        });
        if (ok) {
          await r.webhooks.updateDelivery(deliveryId, { status: 'delivered', lastError: null });
          await r.webhooks.setFailingSince(endpoint.id, null);
          return;
        }
        const now = clock.now();
        const failing = await r.webhooks.setFailingSince(endpoint.id, now);
        const failingLong =
          failing?.failingSince !== null &&
          failing?.failingSince !== undefined &&
          now.getTime() - failing.failingSince.getTime() >= FAILING_DISABLE_AFTER_MS;
        if (result.statusCode === 410 || failingLong) {
          await disable(r, endpoint.id, result.statusCode === 410 ? 'gone' : 'failing');
          await r.webhooks.updateDelivery(deliveryId, { status: 'failed', lastError: error });
          return;
        }
        const delay = nextRetryDelayMs(attempt, random(), parseRetryAfter(result.retryAfter, now));
        if (delay === undefined) {
          await r.webhooks.updateDelivery(deliveryId, { status: 'failed', lastError: error });
          return;
        }
        await r.webhooks.updateDelivery(deliveryId, {
          nextAttemptAt: new Date(now.getTime() + delay),
          lastError: error,
        });
        await enqueueJob(r, webhookDelivery, { deliveryId }, { startAfterSeconds: delay / 1000 });
      });
    },

    /** The job failed for reasons of its own (not the receiver's answer), every time: the delivery too. */
    async givenUp({ deliveryId }, lastError) {
      const delivery = await repos.webhooks.findDelivery(deliveryId);
      if (delivery?.status === 'pending')
        await repos.webhooks.updateDelivery(deliveryId, { status: 'failed', lastError });
    },
  };
}
