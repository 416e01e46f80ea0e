import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '../schema.js';

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;
export type NewDeliveryRow = Omit<typeof webhookDeliveries.$inferInsert, 'seq'>;

type EndpointChanges = Partial<
  Pick<
    WebhookEndpointRow,
    | 'url'
    | 'description'
    | 'eventTypes'
    | 'enabled'
    | 'disabledReason'
    | 'secret'
    | 'previousSecret'
    | 'previousSecretExpiresAt'
    | 'failingSince'
  >
>;

/** SQL for webhook endpoints, their deliveries and the deliveries' attempts. */
export function createWebhookRepository(db: Db) {
  return {
    async insertEndpoint(row: typeof webhookEndpoints.$inferInsert): Promise<WebhookEndpointRow> {
      const [inserted] = await db.insert(webhookEndpoints).values(row).returning();
      if (!inserted) throw new Error('the webhook endpoint was not inserted');
      return inserted;
    },

    async findEndpoint(id: string): Promise<WebhookEndpointRow | undefined> {
      const rows = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).limit(1);
      return rows[0];
    },

    /** An organisation's endpoints, or the platform-wide ones (null), oldest first. */
    async listEndpoints(organizationId: string | null): Promise<WebhookEndpointRow[]> {
      return db
        .select()
        .from(webhookEndpoints)
        .where(
          organizationId === null
            ? isNull(webhookEndpoints.organizationId)
            : eq(webhookEndpoints.organizationId, organizationId),
        )
        .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
    },

    /**
     * Changes an endpoint when it is still at `expectedVersion` (any version when undefined), moving its
     * version on; resolves with the new row, or undefined when it changed meanwhile or is gone.
     */
    async updateEndpoint(
      id: string,
      expectedVersion: number | undefined,
      changes: EndpointChanges,
      now: Date,
    ): Promise<WebhookEndpointRow | undefined> {
      const rows = await db
        .update(webhookEndpoints)
        .set({ ...changes, version: sql`${webhookEndpoints.version} + 1`, updatedAt: now })
        .where(
          and(
            eq(webhookEndpoints.id, id),
            expectedVersion === undefined ? undefined : eq(webhookEndpoints.version, expectedVersion),
          ),
        )
        .returning();
      return rows[0];
    },

    /**
     * Disables an endpoint that is enabled, for a reason of cosell's own (410 Gone, failing for days); resolves
     * with it, or undefined when it was disabled already (another delivery's attempt got there first) or is gone.
     */
    async disableEndpoint(
      id: string,
      reason: 'gone' | 'failing',
      now: Date,
    ): Promise<WebhookEndpointRow | undefined> {
      const rows = await db
        .update(webhookEndpoints)
        .set({
          enabled: false,
          disabledReason: reason,
          version: sql`${webhookEndpoints.version} + 1`,
          updatedAt: now,
        })
        .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.enabled, true)))
        .returning();
      return rows[0];
    },

    async deleteEndpoint(id: string): Promise<void> {
      await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    },

    /** The enabled endpoints that receive an event of this type of this organisation (platform-wide ones too). */
    async endpointsFor(organizationId: string, type: string): Promise<{ id: string }[]> {
      return db
        .select({ id: webhookEndpoints.id })
        .from(webhookEndpoints)
        .where(
          and(
            eq(webhookEndpoints.enabled, true),
            or(eq(webhookEndpoints.organizationId, organizationId), isNull(webhookEndpoints.organizationId)),
            sql`(cardinality(${webhookEndpoints.eventTypes}) = 0 or ${type} = any(${webhookEndpoints.eventTypes}))`,
          ),
        );
    },

    /** The first failed attempt since the last success is remembered; a success forgets it. */
    async setFailingSince(id: string, at: Date | null): Promise<WebhookEndpointRow | undefined> {
      const rows = await db
        .update(webhookEndpoints)
        .set({
          failingSince:
            at === null
              ? null
              : sql`coalesce(${webhookEndpoints.failingSince}, ${at.toISOString()}::timestamptz)`,
        })
        .where(eq(webhookEndpoints.id, id))
        .returning();
      return rows[0];
    },

    async insertDeliveries(rows: NewDeliveryRow[]): Promise<void> {
      if (rows.length > 0) await db.insert(webhookDeliveries).values(rows);
    },

    async findDelivery(id: string): Promise<WebhookDeliveryRow | undefined> {
      const rows = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).limit(1);
      return rows[0];
    },

    /** Counts an attempt of a pending delivery; resolves with its number, or undefined if it is not pending. */
    async startAttempt(id: string): Promise<number | undefined> {
      const rows = await db
        .update(webhookDeliveries)
        .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, nextAttemptAt: null })
        .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'pending')))
        .returning({ attempts: webhookDeliveries.attempts });
      return rows[0]?.attempts;
    },

    async recordAttempt(row: WebhookAttemptRow): Promise<void> {
      await db.insert(webhookAttempts).values(row);
    },

    async updateDelivery(
      id: string,
      changes: Partial<Pick<WebhookDeliveryRow, 'status' | 'nextAttemptAt' | 'lastError'>>,
    ): Promise<void> {
      await db.update(webhookDeliveries).set(changes).where(eq(webhookDeliveries.id, id));
    },

    /** A page of an endpoint's deliveries, newest first, older than `beforeSeq` when given. */
    async pageDeliveries(
      endpointId: string,
      limit: number,
      beforeSeq?: number,
    ): Promise<WebhookDeliveryRow[]> {
      return db
        .select()
        .from(webhookDeliveries)
        .where(
          and(
            eq(webhookDeliveries.endpointId, endpointId),
            beforeSeq === undefined ? undefined : lt(webhookDeliveries.seq, beforeSeq),
          ),
        )
        .orderBy(desc(webhookDeliveries.seq))
        .limit(limit);
    },

    /** The attempts of these deliveries, each delivery's in order. */
    async attemptsOf(deliveryIds: string[]): Promise<WebhookAttemptRow[]> {
      if (deliveryIds.length === 0) return [];
      return db
        .select()
        .from(webhookAttempts)
        .where(inArray(webhookAttempts.deliveryId, deliveryIds))
        .orderBy(asc(webhookAttempts.deliveryId), asc(webhookAttempts.attempt));
    },
  };
}

export type WebhookRepository = ReturnType<typeof createWebhookRepository>;
