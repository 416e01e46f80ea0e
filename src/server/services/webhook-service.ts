import type { Repositories } from '../../db/repositories/index.js';
import type {
  WebhookAttemptRow,
  WebhookDeliveryRow,
  WebhookEndpointRow,
} from '../../db/repositories/webhook-repository.js';
import type { EventType } from '../../domain/events/event-types.js';
import { TEST_EVENT_TYPE } from '../../domain/events/event-types.js';
import { issueAt } from '../../domain/messages/problem.js';
import type { EventData } from '../../domain/schemas/events.js';
import type {
  CreatedWebhookEndpoint,
  CreateWebhookEndpointRequest,
  DeliveryPage,
  DeliveryPageQuery,
  ReplayResult,
  RotateSecretRequest,
  UpdateWebhookEndpointRequest,
  WebhookDelivery,
  WebhookEndpoint,
} from '../../domain/schemas/webhooks.js';
import { checkEndpointUrl } from '../../domain/webhooks/endpoint-url.js';
import { webhookAccess } from '../access/webhook-access.js';
import type { UserActor } from '../auth/actor.js';
import { enforce } from '../auth/policy.js';
import { AppError, notFound, problem } from '../errors.js';
import { assertCurrent } from '../etag.js';
import { eventBody } from '../events/event-recorder.js';
import type { Clock, IdGenerator } from '../ids.js';
import { hostAddress, isLocalName, isPublicAddress } from '../webhooks/public-address.js';
import { newWebhookSecret, secretPrefix } from '../webhooks/signature.js';
import { queueDeliveries } from '../webhooks/webhook-delivery-job.js';
import { endpointAuditRecorder } from './audit-recorder.js';
import type { Transaction } from './transaction.js';

/** Events one replay may send again; more is refused, asking for a later start. */
export const MAX_REPLAY = 1000;
const DEFAULT_OVERLAP_HOURS = 24;
const HOUR = 3_600_000;

export interface WebhookServiceDeps {
  repos: Repositories;
  transaction: Transaction;
  clock: Clock;
  ids: IdGenerator;
  /** COSELL_WEBHOOK_ALLOW_PRIVATE: endpoints may be at private addresses, and http. */
  webhookAllowPrivate?: boolean;
}

export function presentEndpoint(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    organizationId: row.organizationId,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes as EventType[],
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    secretPrefix: secretPrefix(row.secret),
    previousSecretExpiresAt: row.previousSecret ? (row.previousSecretExpiresAt?.toISOString() ?? null) : null,
    failingSince: row.failingSince?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

function presentDelivery(row: WebhookDeliveryRow, attempts: readonly WebhookAttemptRow[]): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventId: row.eventId,
    eventType: row.eventType,
    messageId: row.messageId,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    replayOf: row.replayOf,
    body: row.body,
    attemptLog: attempts
      .filter((a) => a.deliveryId === row.id)
      .map((a) => ({
        attempt: a.attempt,
        at: a.at.toISOString(),
        durationMs: a.durationMs,
        statusCode: a.statusCode,
        error: a.error,
        responseBody: a.responseBody,
        requestHeaders: a.requestHeaders,
      })),
  };
}

/**
 * Webhook endpoints of an organisation (its owners) or of the platform (admins): create with a secret shown
 * once, change, rotate the secret with an overlap, delete; the delivery log, replays and test events.
 */
export function createWebhookService({
  repos,
  transaction,
  clock,
  ids,
  webhookAllowPrivate,
}: WebhookServiceDeps) {
  const allowPrivate = webhookAllowPrivate ?? false;
  const recordAudit = endpointAuditRecorder({ clock, ids });

  /** The URL as given, or 422 saying what is wrong with it. */
  function checkUrl(input: string): string {
    const checked = checkEndpointUrl(input, { allowHttp: allowPrivate });
    if (!checked.ok)
      throw new AppError('rule_violation', problem('webhooks.urlRefused'), [issueAt('url', checked.text)]);
    const host = new URL(checked.url).hostname;
    const address = hostAddress(host);
    const local = address === undefined ? isLocalName(host) : !isPublicAddress(address);
    if (local && !allowPrivate)
      throw new AppError('rule_violation', problem('webhooks.urlRefused'), [
        issueAt('url', problem('webhooks.url.privateAddress', { host })),
      ]);
    return checked.url;
  }

  async function load(r: Repositories, actor: UserActor, id: string): Promise<WebhookEndpointRow> {
    const row = await r.webhooks.findEndpoint(id);
    if (!row) throw notFound('webhook');
    enforce(webhookAccess(actor, row), 'webhook');
    return row;
  }

  async function loadEnabled(r: Repositories, actor: UserActor, id: string): Promise<WebhookEndpointRow> {
    const row = await load(r, actor, id);
    if (!row.enabled) throw new AppError('conflict', problem('webhooks.disabled'));
    return row;
  }

  async function deliveryWithLog(r: Repositories, id: string): Promise<WebhookDelivery> {
    const row = await r.webhooks.findDelivery(id);
    if (!row) throw notFound('delivery');
    return presentDelivery(row, await r.webhooks.attemptsOf([id]));
  }

  return {
    /** An organisation's endpoints, or the platform's (null). */
    async list(actor: UserActor, organizationId: string | null): Promise<WebhookEndpoint[]> {
      enforce(webhookAccess(actor, { organizationId }), 'organization');
      return (await repos.webhooks.listEndpoints(organizationId)).map(presentEndpoint);
    },

    async create(
      actor: UserActor,
      organizationId: string | null,
      input: CreateWebhookEndpointRequest,
    ): Promise<CreatedWebhookEndpoint> {
      enforce(webhookAccess(actor, { organizationId }), 'organization');
      const url = checkUrl(input.url);
      const secret = newWebhookSecret();
      const now = clock.now();
      return transaction(async (r) => {
        const row = await r.webhooks.insertEndpoint({
          id: ids('whe'),
          organizationId,
          url,
          description: input.description ?? '',
          eventTypes: [...new Set(input.eventTypes ?? [])],
          enabled: input.enabled ?? true,
          disabledReason: input.enabled === false ? 'manual' : null,
          secret,
          createdAt: now,
          updatedAt: now,
        });
        await recordAudit(r, actor, row, { action: 'created' });
        if (!row.enabled) await recordAudit(r, actor, row, { action: 'disabled', reason: 'manual' });
        return { endpoint: presentEndpoint(row), secret };
      });
    },

    async get(actor: UserActor, id: string): Promise<WebhookEndpoint> {
      return presentEndpoint(await load(repos, actor, id));
    },

    async update(
      actor: UserActor,
      id: string,
      expected: number | '*',
      input: UpdateWebhookEndpointRequest,
    ): Promise<WebhookEndpoint> {
      return transaction(async (r) => {
        const row = await load(r, actor, id);
        assertCurrent(expected, row.version);
        const enabling = input.enabled === true && !row.enabled;
        const updated = await r.webhooks.updateEndpoint(
          id,
          row.version,
          {
            ...(input.url !== undefined && { url: checkUrl(input.url) }),
            ...(input.description !== undefined && { description: input.description }),
            ...(input.eventTypes !== undefined && { eventTypes: [...new Set(input.eventTypes)] }),
            ...(input.enabled !== undefined &&
              input.enabled !== row.enabled && {
                enabled: input.enabled,
                disabledReason: input.enabled ? null : 'manual',
              }),
            // Enabled again: its failures so far no longer count towards disabling it.
            ...(enabling && { failingSince: null }),
          },
          clock.now(),
        );
        if (!updated) throw new AppError('precondition_failed', problem('request.savedMeanwhile'));
        const fields = (['url', 'description', 'eventTypes'] as const).filter(
          (field) => String(row[field]) !== String(updated[field]),
        );
        if (fields.length > 0) await recordAudit(r, actor, updated, { action: 'updated', fields });
        if (updated.enabled !== row.enabled)
          await recordAudit(
            r,
            actor,
            updated,
            updated.enabled ? { action: 'enabled' } : { action: 'disabled', reason: 'manual' },
          );
        return presentEndpoint(updated);
      });
    },

    async remove(actor: UserActor, id: string, expected: number | '*'): Promise<void> {
      await transaction(async (r) => {
        const row = await load(r, actor, id);
        assertCurrent(expected, row.version);
        await r.webhooks.deleteEndpoint(id);
        await recordAudit(r, actor, row, { action: 'deleted' });
      });
    },

    /**
     * A new secret, shown once; the previous one goes on signing beside it for `overlapHours` (24 when left
     * out; 0 ends it at once), so receivers can switch without missing a delivery.
     */
    async rotateSecret(
      actor: UserActor,
      id: string,
      input: RotateSecretRequest,
    ): Promise<CreatedWebhookEndpoint> {
      return transaction(async (r) => {
        const row = await load(r, actor, id);
        const secret = newWebhookSecret();
        const now = clock.now();
        const overlapMs = (input.overlapHours ?? DEFAULT_OVERLAP_HOURS) * HOUR;
        const updated = await r.webhooks.updateEndpoint(
          id,
          row.version,
          {
            secret,
            previousSecret: overlapMs > 0 ? row.secret : null,
            previousSecretExpiresAt: overlapMs > 0 ? new Date(now.getTime() + overlapMs) : null,
          },
          now,
        );
        if (!updated) throw new AppError('precondition_failed', problem('request.savedMeanwhile'));
        await recordAudit(r, actor, updated, { action: 'secretRotated' });
        return { endpoint: presentEndpoint(updated), secret };
      });
    },

    /** Queues a webhook.test event to the endpoint alone; its delivery shows in the log like any other. */
    async sendTest(actor: UserActor, id: string): Promise<WebhookDelivery> {
      return transaction(async (r) => {
        const endpoint = await loadEnabled(r, actor, id);
        const now = clock.now();
        const messageId = ids('msg');
        const deliveryId = ids('whd');
        const body = JSON.stringify({
          type: TEST_EVENT_TYPE,
          id: messageId,
          timestamp: now.toISOString(),
          organizationId: endpoint.organizationId,
          data: { endpointId: endpoint.id, link: `/api/v1/webhooks/${endpoint.id}` },
        });
        await queueDeliveries(r, [
          {
            id: deliveryId,
            endpointId: id,
            eventId: null,
            eventType: TEST_EVENT_TYPE,
            messageId,
            body,
            createdAt: now,
          },
        ]);
        return deliveryWithLog(r, deliveryId);
      });
    },

    /** The endpoint's deliveries, newest first, each with its attempts. */
    async deliveries(actor: UserActor, id: string, query: DeliveryPageQuery): Promise<DeliveryPage> {
      await load(repos, actor, id);
      const before = query.cursor === undefined ? undefined : Number(query.cursor);
      const rows = await repos.webhooks.pageDeliveries(id, query.limit + 1, before);
      const page = rows.slice(0, query.limit);
      const attempts = await repos.webhooks.attemptsOf(page.map((row) => row.id));
      const last = page.at(-1);
      return {
        items: page.map((row) => presentDelivery(row, attempts)),
        nextCursor: rows.length > query.limit && last ? String(last.seq) : null,
      };
    },

    /** Sends one delivery again, as a new delivery of the same body and webhook-id. */
    async replayDelivery(actor: UserActor, id: string, deliveryId: string): Promise<WebhookDelivery> {
      return transaction(async (r) => {
        await loadEnabled(r, actor, id);
        const original = await r.webhooks.findDelivery(deliveryId);
        if (!original || original.endpointId !== id) throw notFound('delivery');
        const replayId = ids('whd');
        await queueDeliveries(r, [
          {
            id: replayId,
            endpointId: id,
            eventId: original.eventId,
            eventType: original.eventType,
            messageId: original.messageId,
            body: original.body,
            replayOf: original.id,
            createdAt: clock.now(),
          },
        ]);
        return deliveryWithLog(r, replayId);
      });
    },

    /**
     * Sends again every event the endpoint receives (its organisation's, of its types) recorded at or after
     * `since`, oldest first, each under its own webhook-id: at most MAX_REPLAY at a time.
     */
    async replaySince(actor: UserActor, id: string, since: Date): Promise<ReplayResult> {
      if (since.getTime() > clock.now().getTime())
        throw new AppError('rule_violation', problem('webhooks.replayRefused'), [
          issueAt('since', problem('webhooks.sinceInFuture')),
        ]);
      return transaction(async (r) => {
        const endpoint = await loadEnabled(r, actor, id);
        const events = await r.events.since(
          endpoint.organizationId,
          since,
          endpoint.eventTypes,
          MAX_REPLAY + 1,
        );
        if (events.length > MAX_REPLAY)
          throw new AppError('rule_violation', problem('webhooks.tooManyToReplay', { max: MAX_REPLAY }));
        const now = clock.now();
        await queueDeliveries(
          r,
          events.map((event) => ({
            id: ids('whd'),
            endpointId: id,
            eventId: event.id,
            eventType: event.type,
            messageId: event.id,
            body: eventBody({
              type: event.type as EventType,
              id: event.id,
              timestamp: event.createdAt.toISOString(),
              organizationId: event.organizationId,
              data: event.data as EventData,
            }),
            createdAt: now,
          })),
        );
        return { queued: events.length };
      });
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
