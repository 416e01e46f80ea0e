/**
 * The kinds of event cosell records (the `events` table, the feed GET /api/v1/events, webhooks), named as
 * Standard Webhooks suggests: the resource, a full stop, what happened. Adding one here makes it valid in
 * the feed's `types` filter and in an endpoint's event types; removing one would break clients' filters.
 */
export const EVENT_TYPES = [
  'offer.created',
  'offer.updated',
  'offer.published',
  'offer.unpublished',
  'offer.deleted',
  'listing.updated',
  'document.uploaded',
  'document.restored',
  'document.removed',
  'externalUrl.changed',
  'contacts.replaced',
  'contacts.added',
  'contacts.changed',
  'contacts.removed',
  'submission.submitted',
  'submission.withdrawn',
  'submission.decided',
  'coSellStatus.changed',
  'referral.created',
  'referral.updated',
  'referral.statusChanged',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** The type of the event "send test event" delivers to one endpoint; never recorded in the feed. */
export const TEST_EVENT_TYPE = 'webhook.test';

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}
