import type { Offer } from '../../domain/schemas/offers.js';

const s = JSON.stringify;

/** One offer as JSON: its fields in OfferSchema's order, as the schema-checked serialisation writes them. */
function offerJson(offer: Offer): string {
  const {
    id,
    organizationId,
    organizationName,
    name,
    offerType,
    coSellAvailable,
    summary,
    description,
    markets,
    soldThroughCsp,
    state,
    coSellStatus,
    version,
    createdAt,
    updatedAt,
    publishedAt,
    ...rest
  } = offer;
  // A field added to OfferSchema must be written here too: the offer's type has no other keys.
  const none: Record<string, never> = rest;
  void none;
  return `{"id":${s(id)},"organizationId":${s(organizationId)},"organizationName":${s(organizationName)},"name":${s(name)},"offerType":${s(offerType)},"coSellAvailable":${coSellAvailable},"summary":${s(summary)},"description":${s(description)},"markets":${s(markets)},"soldThroughCsp":${soldThroughCsp},"state":${s(state)},"coSellStatus":${s(coSellStatus)},"version":${s(version)},"createdAt":${s(createdAt)},"updatedAt":${s(updatedAt)},"publishedAt":${s(publishedAt)}}`;
}

/**
 * The offers list (GET /api/v1/offers) as JSON: exactly what the route's schema-checked serialisation writes
 * (a test holds it to that), without checking every offer of a large answer against the schema per request.
 */
export function offerListJson(items: readonly Offer[]): string {
  return `{"items":[${items.map(offerJson).join(',')}]}`;
}
