import type { Repositories } from '../../db/repositories/index.js';
import type { NewDeliveryRow } from '../../db/repositories/webhook-repository.js';
import { defineJobKind, enqueueJob } from '../jobs/job-queue.js';

/** One attempt at one webhook delivery; the next attempt, when one is due, is a new job (the retry schedule). */
export interface WebhookDeliveryJob {
  deliveryId: string;
}

export const webhookDelivery = defineJobKind<WebhookDeliveryJob>('webhook-delivery');

/**
 * Writes deliveries with a job each, in the caller's transaction: an event, a replay or a test event is
 * never committed without its jobs, nor they without it.
 */
export async function queueDeliveries(r: Repositories, rows: NewDeliveryRow[]): Promise<void> {
  await r.webhooks.insertDeliveries(rows);
  for (const row of rows) await enqueueJob(r, webhookDelivery, { deliveryId: row.id });
}
