import { and, asc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { events } from '../schema.js';

export type EventRow = typeof events.$inferSelect;
/** A committed event: its position is given at commit (schema.ts). */
export type PositionedEventRow = EventRow & { position: number };
export type NewEventRow = Omit<typeof events.$inferInsert, 'position'>;

/** Which events a reader sees: all, or those of these organisations, or those shown to sellers or resellers. */
export interface EventScope {
  all: boolean;
  organizationIds: string[];
  sellers: boolean;
  resellers: boolean;
}

function scopeCondition(scope: EventScope) {
  if (scope.all) return undefined;
  return sql`(${events.organizationId} = any(${sql.param(scope.organizationIds)}::text[])
    or (${scope.sellers} and ${events.seenBySellers}) or (${scope.resellers} and ${events.seenByResellers}))`;
}

/** SQL for the events table: written in the change's transaction, read in position order. */
export function createEventRepository(db: Db) {
  return {
    async insert(row: NewEventRow): Promise<void> {
      await db.insert(events).values(row);
    },

    /**
     * The reader's events after position `after`, in position order, up to `limit`; and the last position
     * committed before they were read: every event up to it was committed, so was read (or did not match).
     */
    async page(
      scope: EventScope,
      after: number,
      types: readonly string[] | undefined,
      limit: number,
    ): Promise<{ rows: PositionedEventRow[]; committedUpTo: number }> {
      // First: positions are given in commit order, so all those up to it are there for the read below.
      const [last] = await db.select({ position: sql<string | null>`max(${events.position})` }).from(events);
      const rows = await db
        .select()
        .from(events)
        .where(
          and(
            isNotNull(events.position),
            sql`${events.position} > ${after}`,
            types ? inArray(events.type, [...types]) : undefined,
            scopeCondition(scope),
          ),
        )
        .orderBy(asc(events.position))
        .limit(limit);
      return { rows: rows as PositionedEventRow[], committedUpTo: Number(last?.position ?? 0) };
    },

    /**
     * The events of an organisation (every organisation's when null) recorded at or after `since`, of these
     * types (all when empty), in position order, at most `limit`: what a replay sends again.
     */
    async since(
      organizationId: string | null,
      since: Date,
      types: readonly string[],
      limit: number,
    ): Promise<EventRow[]> {
      return db
        .select()
        .from(events)
        .where(
          and(
            isNotNull(events.position),
            organizationId === null ? undefined : eq(events.organizationId, organizationId),
            gte(events.createdAt, since),
            types.length > 0 ? inArray(events.type, [...types]) : undefined,
          ),
        )
        .orderBy(asc(events.position))
        .limit(limit);
    },
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;
