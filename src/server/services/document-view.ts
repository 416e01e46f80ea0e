import type { DocumentRow } from '../../db/repositories/document-repository.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { OfferRow } from '../../db/repositories/offer-repository.js';
import { type DocumentSlot, getTaxonomy } from '../../domain/reference/taxonomy.js';
import { type Audience, seesDocument, seesSlot } from '../access/audience.js';
import type { UserActor } from '../auth/actor.js';
import { assertCoSellAvailable } from './co-sell-offer.js';
import { loadOffer } from './offer-loader.js';

/** One offer's documents as one caller may see them (access/audience.ts says what each audience sees). */
export interface DocumentView {
  offer: OfferRow;
  audience: Audience;
  /** The slots the audience sees, in taxonomy order. */
  slots: readonly DocumentSlot[];
}

/** Loads an offer for work on its documents: reading as its audience, writing as its publisher. */
export async function loadDocumentView(
  r: Repositories,
  actor: UserActor,
  offerId: string,
  need: 'read' | 'write',
): Promise<DocumentView> {
  const { offer, audience } = await loadOffer(r, actor, offerId, need === 'read' ? 'readDocuments' : 'write');
  // Sellers and resellers are only ever shown co-sell offers; this answers the publisher of another type.
  assertCoSellAvailable(offer);
  return { offer, audience, slots: getTaxonomy().documentSlots.filter((s) => seesSlot(audience, s)) };
}

/** Whether the view includes this document row; a row outside it is "not found", not "forbidden". */
export function canSeeDocument(view: DocumentView, row: DocumentRow): boolean {
  const slot = view.slots.find((s) => s.id === row.slot);
  return slot !== undefined && seesDocument(view.audience, slot, row);
}
