import type { PositionedEventRow } from '../../db/repositories/event-repository.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { EventType } from '../../domain/events/event-types.js';
import type { EventData, EventFeedQuery, EventPage, FeedEvent } from '../../domain/schemas/events.js';
import type { Refusal } from '../access/audience.js';
import { eventScope } from '../access/event-access.js';
import type { Actor } from '../auth/actor.js';
import { enforce } from '../auth/policy.js';

/** Throws the error a refusal stands for. */
function refuse(refusal: Refusal): never {
  enforce(refusal);
  throw new Error(`refused: ${refusal}`);
}

export function presentEvent(row: PositionedEventRow): FeedEvent {
  return {
    type: row.type as EventType,
    id: row.id,
    timestamp: row.createdAt.toISOString(),
    organizationId: row.organizationId,
    data: row.data as EventData,
    cursor: String(row.position),
  };
}

/** The events feed: what changed, in the order it was committed, from a cursor, as far as the reader may see. */
export function createEventService({ repos }: { repos: Repositories }) {
  return {
    async feed(actor: Actor, query: EventFeedQuery): Promise<EventPage> {
      const scope = eventScope(actor);
      if (typeof scope === 'string') return refuse(scope);
      const after = query.after === undefined ? 0 : Number(query.after);
      const types = query.types?.split(',').map((type) => type.trim());
      const { rows, committedUpTo } = await repos.events.page(scope, after, types, query.limit);
      const last = rows.at(-1)?.position ?? 0;
      // A full page goes on from its last event; a short one read everything committed before it began, so
      // the next read starts past that, past events this reader does not see, and never before `after`.
      const next = rows.length === query.limit ? last : Math.max(after, last, committedUpTo);
      return { items: rows.map(presentEvent), nextCursor: String(next) };
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;
