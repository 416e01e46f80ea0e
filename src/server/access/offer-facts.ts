import type { OfferRow } from '../../db/repositories/offer-repository.js';
import { isCoSellOfferType } from '../services/offer-presenter.js';

/**
 * What access to an offer depends on, and nothing more: the offer row gives it, and so does the catalogue row
 * (which exists only for a live co-sell offer), so both are judged by the same rules.
 */
export interface OfferFacts {
  organizationId: string;
  isLive: boolean;
  /** Of an offer type with a co-sell profile. */
  isCoSell: boolean;
  soldThroughCsp: boolean;
  /** Its submissions, for reviewers reading its documents; loaded only for them (absent: none). */
  review?: ReviewFacts;
}

/** What a reviewer's access to an offer's documents depends on: the offer's submissions. */
export interface ReviewFacts {
  /** A submission waits for a decision: any reviewer may take it. */
  hasPending: boolean;
  /** The users who decided its decided submissions: each may read again what they decided on. */
  decidedBy: readonly string[];
}

export function offerFacts(
  row: Pick<OfferRow, 'organizationId' | 'state' | 'offerType' | 'soldThroughCsp'>,
): OfferFacts {
  return {
    organizationId: row.organizationId,
    isLive: row.state === 'live',
    isCoSell: isCoSellOfferType(row.offerType),
    soldThroughCsp: row.soldThroughCsp,
  };
}

/** A catalogue row's facts: catalog-index.ts writes one only for an offer open to sellers. */
export function catalogOfferFacts(row: { organizationId: string; soldThroughCsp: boolean }): OfferFacts {
  return {
    organizationId: row.organizationId,
    isLive: true,
    isCoSell: true,
    soldThroughCsp: row.soldThroughCsp,
  };
}

/** Whether sellers may see the offer at all (live, of a co-sell type): the catalogue holds exactly these. */
export function isOpenToSellers(offer: Pick<OfferFacts, 'isLive' | 'isCoSell'>): boolean {
  return offer.isLive && offer.isCoSell;
}
