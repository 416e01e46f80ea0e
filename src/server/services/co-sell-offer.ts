import type { Repositories } from '../../db/repositories/index.js';
import type { OfferRow } from '../../db/repositories/offer-repository.js';
import type { UserActor } from '../auth/actor.js';
import { AppError, problem } from '../errors.js';
import { loadOffer } from './offer-loader.js';
import { isCoSellOfferType } from './offer-presenter.js';

/** Refuses co-sell work on an offer whose type has no co-sell profile, naming the type. */
export function assertCoSellAvailable(offer: OfferRow): void {
  if (isCoSellOfferType(offer.offerType)) return;
  throw new AppError(
    'co_sell_not_available',
    problem('offers.coSellNotAvailable', { offerType: offer.offerType }),
  );
}

/** Loads an offer for work on its co-sell profile: one the actor may read or write, of a co-sell offer type. */
export async function loadCoSellOffer(
  r: Repositories,
  actor: UserActor,
  offerId: string,
  need: 'read' | 'write',
): Promise<OfferRow> {
  const { offer } = await loadOffer(r, actor, offerId, need);
  assertCoSellAvailable(offer);
  return offer;
}
