import type { DocumentRow } from '../../db/repositories/document-repository.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { OfferRow } from '../../db/repositories/offer-repository.js';
import { type DocumentSlot, getTaxonomy } from '../../domain/reference/taxonomy.js';
import { hasPlatformRole, memberRoleIn, type UserActor } from '../auth/actor.js';
import { decideOrganizationAccess, enforce } from '../auth/policy.js';
import { notFound } from '../errors.js';
import { assertCoSellAvailable } from './co-sell-offer.js';
import { isCoSellOfferType } from './offer-presenter.js';

/**
 * What one caller may see of one offer's documents:
 * - publisher members of the offer's organisation: every slot and every version (viewers read only);
 * - sellers: the current documents of every slot of a live co-sell offer;
 * - channel resellers: the current channel pitch deck of a live co-sell offer sold through CSP.
 * Anyone else is told the offer does not exist.
 */
export interface DocumentView {
  offer: OfferRow;
  audience: 'publisher' | 'seller' | 'reseller';
  slots: readonly DocumentSlot[];
  /** Earlier versions and removed files: the publisher's own business. */
  seesHistory: boolean;
  seesExternalUrl: boolean;
}

/** Loads an offer for work on its documents, applying the rules above; writes are for publishers only. */
export async function loadDocumentView(
  r: Repositories,
  actor: UserActor,
  offerId: string,
  need: 'read' | 'write',
): Promise<DocumentView> {
  const offer = await r.offers.findById(offerId);
  if (!offer) throw notFound('The offer');
  const taxonomy = getTaxonomy();
  if (memberRoleIn(actor, offer.organizationId) || need === 'write') {
    enforce(decideOrganizationAccess(actor, offer.organizationId, need), 'The offer');
    assertCoSellAvailable(offer);
    return {
      offer,
      audience: 'publisher',
      slots: taxonomy.documentSlots,
      seesHistory: true,
      seesExternalUrl: true,
    };
  }
  const isLiveCoSell = offer.state === 'live' && isCoSellOfferType(offer.offerType);
  if (isLiveCoSell && hasPlatformRole(actor, 'seller')) {
    return {
      offer,
      audience: 'seller',
      slots: taxonomy.documentSlots,
      seesHistory: false,
      seesExternalUrl: true,
    };
  }
  if (isLiveCoSell && offer.soldThroughCsp && hasPlatformRole(actor, 'channelReseller')) {
    return {
      offer,
      audience: 'reseller',
      slots: taxonomy.documentSlots.filter((s) => s.visibleToChannelResellers),
      seesHistory: false,
      seesExternalUrl: false,
    };
  }
  throw notFound('The offer');
}

/** Whether the view includes this document row; a row outside it is "not found", not "forbidden". */
export function canSeeDocument(view: DocumentView, row: DocumentRow): boolean {
  if (!view.slots.some((s) => s.id === row.slot)) return false;
  return view.seesHistory || row.state === 'current';
}
