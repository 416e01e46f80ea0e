import { type Actor, hasPlatformRole } from '../auth/actor.js';
import type { Decision } from '../auth/policy.js';
import {
  AUDIENCE_VIEWS,
  type Audience,
  catalogAudience,
  isRefusal,
  type Refusal,
  type SellingAudience,
  sellingAudience,
} from './audience.js';
import { isOpenToSellers, type OfferFacts } from './offer-facts.js';
import { organizationAccess } from './organization-access.js';

export const OFFER_ACTIONS = ['read', 'write', 'readDocuments', 'readCatalog'] as const;
/**
 * - `read`, `write`: the publisher API: the offer, its history and its co-sell profile (listing, contacts,
 *   readiness, submissions; writing documents and the external URL).
 * - `readDocuments`: the offer's co-sell documents.
 * - `readCatalog`: the offer's catalogue page and its contact finder.
 *
 * Whether the offer type has a co-sell profile at all is a rule the co-sell services apply after access (409
 * co_sell_not_available to its publisher); access decides only who may know of the offer.
 */
export type OfferAction = (typeof OFFER_ACTIONS)[number];

/** Whether a selling audience sees this offer: one open to sellers, and sold through CSP for resellers. */
function showsTo(audience: SellingAudience, offer: OfferFacts): boolean {
  return isOpenToSellers(offer) && (!AUDIENCE_VIEWS[audience].cspOnly || offer.soldThroughCsp);
}

/**
 * As whom the actor may take the action on the offer, or why not:
 * - read, write: the offer's organisation's members, as its publisher (organizationAccess);
 * - readDocuments: members as publishers; otherwise reviewers, on offers with a submission waiting or one
 *   they decided; otherwise sellers and channel resellers, on the offers they are shown; anyone else is told
 *   the offer does not exist;
 * - readCatalog: sellers and channel resellers, memberships aside, on the offers they are shown (404 for
 *   others); anyone else is refused the catalogue (403).
 * test/unit/access.test.ts holds the whole table.
 */
export function offerAudience(actor: Actor, offer: OfferFacts, action: OfferAction): Audience | Refusal {
  switch (action) {
    case 'read':
    case 'write': {
      const decision = organizationAccess(
        actor,
        offer.organizationId,
        action === 'read' ? 'readOffers' : 'writeOffers',
      );
      return decision === 'allow' ? 'publisher' : decision;
    }
    case 'readDocuments': {
      const decision = organizationAccess(actor, offer.organizationId, 'readOffers');
      if (decision === 'allow') return 'publisher';
      // Before the selling roles: a reviewer who also sells must see the versions a submission froze.
      if (reviewsOffer(actor, offer)) return 'reviewer';
      // Not a member: the offer may still be shown to the actor's selling role.
      const audience = sellingAudience(actor);
      return audience && showsTo(audience, offer) ? audience : decision;
    }
    case 'readCatalog': {
      const audience = catalogAudience(actor);
      if (isRefusal(audience)) return audience;
      return showsTo(audience, offer) ? audience : 'notFound';
    }
  }
}

/** A reviewer whose review the offer is in: a submission waits, or they decided one of its submissions. */
function reviewsOffer(actor: Actor, offer: OfferFacts): boolean {
  if (actor.kind !== 'user' || !hasPlatformRole(actor, 'reviewer') || !offer.review) return false;
  return offer.review.hasPending || offer.review.decidedBy.includes(actor.user.id);
}

/** Whether deciding the action needs the offer's review facts: only a reviewer reading documents does. */
export function needsReviewFacts(actor: Actor, action: OfferAction): boolean {
  return action === 'readDocuments' && hasPlatformRole(actor, 'reviewer');
}

export function offerAccess(actor: Actor, offer: OfferFacts, action: OfferAction): Decision {
  const result = offerAudience(actor, offer, action);
  return isRefusal(result) ? result : 'allow';
}
