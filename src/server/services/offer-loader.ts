import type { Repositories } from '../../db/repositories/index.js';
import type { OfferRow } from '../../db/repositories/offer-repository.js';
import { type Audience, admit } from '../access/audience.js';
import { needsReviewFacts, type OfferAction, offerAudience } from '../access/offer-access.js';
import { offerFacts } from '../access/offer-facts.js';
import type { UserActor } from '../auth/actor.js';
import { notFound } from '../errors.js';

/**
 * Loads an offer for an action, with the audience the actor takes it as; a missing offer and every refusal
 * of access/offer-access.ts become their errors ("The offer was not found" hides another's offer).
 */
export async function loadOffer(
  r: Repositories,
  actor: UserActor,
  offerId: string,
  action: OfferAction,
): Promise<{ offer: OfferRow; audience: Audience }> {
  const offer = await r.offers.findById(offerId);
  if (!offer) throw notFound('offer');
  const facts = offerFacts(offer);
  if (needsReviewFacts(actor, action)) facts.review = await r.submissions.reviewFacts(offer.id);
  return { offer, audience: admit(offerAudience(actor, facts, action), 'offer') };
}
