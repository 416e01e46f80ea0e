import type { EventScope } from '../../db/repositories/event-repository.js';
import type { EventType } from '../../domain/events/event-types.js';
import type { DocumentSlot } from '../../domain/reference/taxonomy.js';
import { type Actor, hasPlatformRole } from '../auth/actor.js';
import { AUDIENCE_VIEWS, type Refusal } from './audience.js';
import { isOpenToSellers, type OfferFacts } from './offer-facts.js';

/** What seeing an event depends on; an event row gives it. */
export interface EventFacts {
  organizationId: string;
  seenBySellers: boolean;
  seenByResellers: boolean;
}

/**
 * Which events an actor reads in the feed: an organisation's members (viewers too) its own; sellers the
 * catalogue events of live co-sell offers, channel resellers those of CSP offers among them; admins every
 * one. Others are refused (403; anonymous 401).
 */
export function eventScope(actor: Actor): EventScope | Refusal {
  if (actor.kind === 'anonymous') return 'unauthenticated';
  if (hasPlatformRole(actor, 'admin'))
    return { all: true, organizationIds: [], sellers: false, resellers: false };
  const scope: EventScope = {
    all: false,
    organizationIds: actor.memberships.map((m) => m.organizationId),
    sellers: hasPlatformRole(actor, 'seller'),
    resellers: hasPlatformRole(actor, 'channelReseller'),
  };
  if (scope.organizationIds.length === 0 && !scope.sellers && !scope.resellers) return 'forbidden';
  return scope;
}

/** Whether an actor sees an event: the scope above, applied to one event. */
export function seesEvent(actor: Actor, event: EventFacts): boolean {
  const scope = eventScope(actor);
  if (typeof scope === 'string') return false;
  return (
    scope.all ||
    scope.organizationIds.includes(event.organizationId) ||
    (scope.sellers && event.seenBySellers) ||
    (scope.resellers && event.seenByResellers)
  );
}

/** The events that change what the seller catalogue shows of an offer. */
const CATALOGUE_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
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
  'coSellStatus.changed',
]);

/**
 * Whom an offer's event reaches beyond its publisher: sellers when it is a catalogue event and the offer was
 * open to sellers before or after the change (so they also learn that it left), channel resellers when it
 * was also sold through CSP and the event is about something they see (not the external URL; documents only
 * in their slots).
 */
export function catalogueReach(
  type: EventType,
  states: readonly OfferFacts[],
  slot?: Pick<DocumentSlot, 'visibleToChannelResellers'>,
): { seenBySellers: boolean; seenByResellers: boolean } {
  if (!CATALOGUE_EVENTS.has(type)) return { seenBySellers: false, seenByResellers: false };
  const open = states.filter(isOpenToSellers);
  const resellerView = AUDIENCE_VIEWS.reseller;
  const resellersSeeIt =
    (type !== 'externalUrl.changed' || resellerView.seesExternalUrl) &&
    (!slot || resellerView.everySlot || slot.visibleToChannelResellers === true);
  return {
    seenBySellers: open.length > 0,
    seenByResellers: resellersSeeIt && open.some((state) => state.soldThroughCsp),
  };
}
