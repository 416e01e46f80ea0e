import type { Repositories } from '../../db/repositories/index.js';
import type { OfferRow } from '../../db/repositories/offer-repository.js';
import type { EventType } from '../../domain/events/event-types.js';
import type { DocumentSlot } from '../../domain/reference/taxonomy.js';
import type { Event, EventData } from '../../domain/schemas/events.js';
import { catalogueReach } from '../access/event-access.js';
import { offerFacts } from '../access/offer-facts.js';
import type { Clock, IdGenerator } from '../ids.js';
import { queueDeliveries } from '../webhooks/webhook-delivery-job.js';

/** An event to record: what happened to which organisation's resource, and who beyond it sees it. */
export interface NewEvent {
  type: EventType;
  organizationId: string;
  offerId?: string;
  seenBySellers: boolean;
  seenByResellers: boolean;
  data: EventData;
}

/** Records an event in the caller's transaction, with a delivery to every endpoint that receives it. */
export type RecordEvent = (r: Repositories, event: NewEvent) => Promise<void>;

/** The request body of an event's webhooks, the same on every attempt and replay. */
export function eventBody(event: Event): string {
  return JSON.stringify(event);
}

export function eventRecorder({ clock, ids }: { clock: Clock; ids: IdGenerator }): RecordEvent {
  return async (r, { type, organizationId, offerId, seenBySellers, seenByResellers, data }) => {
    const id = ids('evt');
    const now = clock.now();
    await r.events.insert({
      id,
      type,
      organizationId,
      offerId: offerId ?? null,
      seenBySellers,
      seenByResellers,
      data,
      createdAt: now,
    });
    const endpoints = await r.webhooks.endpointsFor(organizationId, type);
    if (endpoints.length === 0) return;
    const body = eventBody({ type, id, timestamp: now.toISOString(), organizationId, data });
    await queueDeliveries(
      r,
      endpoints.map((endpoint) => ({
        id: ids('whd'),
        endpointId: endpoint.id,
        eventId: id,
        eventType: type,
        messageId: id,
        body,
        createdAt: now,
      })),
    );
  };
}

type OfferState = Pick<OfferRow, 'id' | 'organizationId' | 'state' | 'offerType' | 'soldThroughCsp'>;

/** Where an offer's parts are read in the API, for events' links. */
export const offerLinks = {
  offer: (offerId: string) => `/api/v1/offers/${offerId}`,
  listing: (offerId: string) => `/api/v1/offers/${offerId}/co-sell/listing`,
  documents: (offerId: string) => `/api/v1/offers/${offerId}/co-sell/documents`,
  document: (offerId: string, documentId: string) =>
    `/api/v1/offers/${offerId}/co-sell/documents/${documentId}`,
  contacts: (offerId: string) => `/api/v1/offers/${offerId}/co-sell/contacts`,
  submissions: (offerId: string) => `/api/v1/offers/${offerId}/co-sell/submissions`,
  readiness: (offerId: string) => `/api/v1/offers/${offerId}/co-sell/readiness`,
  catalog: (offerId: string) => `/api/v1/catalog/offers/${offerId}`,
};

/**
 * An event about an offer or a part of its co-sell profile. `offer` is the offer after the change (before it,
 * for a deletion); `before`, when the change may have moved it into or out of the catalogue; `slot`, for a
 * document's event, decides whether channel resellers see it.
 */
export function offerEvent(
  type: EventType,
  offer: OfferState,
  data: Omit<EventData, 'offerId' | 'link' | 'catalogLink'> & { link?: string },
  options: { before?: OfferState; slot?: Pick<DocumentSlot, 'visibleToChannelResellers'> } = {},
): NewEvent {
  const states = [offer, ...(options.before ? [options.before] : [])].map(offerFacts);
  const reach = catalogueReach(type, states, options.slot);
  const { link, ...rest } = data;
  return {
    type,
    organizationId: offer.organizationId,
    offerId: offer.id,
    ...reach,
    data: {
      offerId: offer.id,
      ...rest,
      link: link ?? offerLinks.offer(offer.id),
      ...(reach.seenBySellers && { catalogLink: offerLinks.catalog(offer.id) }),
    },
  };
}
