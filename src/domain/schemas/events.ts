import { z } from 'zod';
import { EVENT_TYPES, isEventType } from '../events/event-types.js';

export const EventTypeSchema = z.enum(EVENT_TYPES).describe('What happened, such as offer.published');

/**
 * What an event says about its resource: which one (its id), its version (the ETag a client would send in
 * If-Match) where it has one, and where to read it. Small on purpose: a receiver reads the resource for the
 * rest, with its own rights.
 */
export const EventDataSchema = z
  .object({
    offerId: z.string().optional(),
    referralId: z.string().optional(),
    documentId: z.string().optional(),
    submissionId: z.string().optional(),
    slot: z.string().optional().describe('The document slot, for document events'),
    version: z
      .number()
      .int()
      .optional()
      .describe("The resource's version after the change: its ETag is this number in quotes"),
    link: z.string().describe('The API path of the resource (for its publisher, or the referral)'),
    catalogLink: z
      .string()
      .optional()
      .describe("The offer's path in the seller catalogue, on events sellers see"),
    counts: z
      .object({ added: z.number().int(), changed: z.number().int(), removed: z.number().int() })
      .optional()
      .describe('How many contacts a contacts event added, changed and removed'),
    from: z.string().optional().describe('The status before, for status changes'),
    to: z.string().optional().describe('The status after, for status changes'),
    reason: z
      .string()
      .optional()
      .describe("Why a co-sell status changed, as a cause's key (submitted, unmet, ...)"),
    decision: z.enum(['approved', 'rejected']).optional(),
  })
  .describe("The changed resource's id, version and link");
export type EventData = z.infer<typeof EventDataSchema>;

/** An event as webhooks deliver it (the request body) and the feed lists it. */
export const EventSchema = z.object({
  type: EventTypeSchema,
  id: z.string().describe('Unique per event; webhooks send it as webhook-id'),
  timestamp: z.string().describe('When the change was made (ISO 8601)'),
  organizationId: z.string().describe('The organisation whose resource changed'),
  data: EventDataSchema,
});
export type Event = z.infer<typeof EventSchema>;

/** A position in the feed: a number that only grows, in the order changes were committed. */
export const EVENT_CURSOR = /^\d{1,15}$/;

export const EventFeedQuerySchema = z.strictObject({
  after: z
    .string()
    .regex(EVENT_CURSOR, 'Use the cursor of an event or a nextCursor from this feed')
    .optional()
    .describe(
      'Events after this cursor (nextCursor of the previous page); from the first event when left out',
    ),
  types: z
    .string()
    .max(2000)
    .optional()
    .refine(
      (value) => value === undefined || value.split(',').every((type) => isEventType(type.trim())),
      `Use event types separated by commas, from: ${EVENT_TYPES.join(', ')}`,
    )
    .describe('Only events of these types, separated by commas (offer.published,offer.unpublished)'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type EventFeedQuery = z.infer<typeof EventFeedQuerySchema>;

export const FeedEventSchema = EventSchema.extend({
  cursor: z.string().describe("This event's position: pass it as `after` to read what came after it"),
});
export type FeedEvent = z.infer<typeof FeedEventSchema>;

export const EventPageSchema = z.object({
  items: z.array(FeedEventSchema).describe('Oldest first'),
  nextCursor: z
    .string()
    .describe(
      'Where to go on from: always given, also when the page is empty; past events you may not see, too',
    ),
});
export type EventPage = z.infer<typeof EventPageSchema>;
