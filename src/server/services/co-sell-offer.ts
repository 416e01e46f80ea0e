import type { Repositories } from '../../db/repositories/index.js';
import type { OfferRow } from '../../db/repositories/offer-repository.js';
import { getTaxonomy } from '../../domain/reference/taxonomy.js';
import type { UserActor } from '../auth/actor.js';
import { decideOrganizationAccess, enforce } from '../auth/policy.js';
import { AppError, notFound } from '../errors.js';
import { isCoSellOfferType } from './offer-presenter.js';

/** Refuses co-sell work on an offer whose type has no co-sell profile, naming the type. */
export function assertCoSellAvailable(offer: OfferRow): void {
  if (isCoSellOfferType(offer.offerType)) return;
  const label = getTaxonomy().offerTypes.find((t) => t.id === offer.offerType)?.label ?? offer.offerType;
  throw new AppError(
    'co_sell_not_available',
    `Co-sell is not available for the offer type ${label}: it has no co-sell profile.`,
  );
}

/** Loads an offer for work on its co-sell profile: the actor's organisation's, of a co-sell offer type. */
export async function loadCoSellOffer(
  r: Repositories,
  actor: UserActor,
  offerId: string,
  need: 'read' | 'write',
): Promise<OfferRow> {
  const offer = await r.offers.findById(offerId);
  if (!offer) throw notFound('The offer');
  enforce(decideOrganizationAccess(actor, offer.organizationId, need), 'The offer');
  assertCoSellAvailable(offer);
  return offer;
}
