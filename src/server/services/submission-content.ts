import type { Repositories } from '../../db/repositories/index.js';
import type { OfferRow } from '../../db/repositories/offer-repository.js';
import type { FrozenContent } from '../../domain/schemas/review-content.js';

/**
 * What a submission freezes besides the readiness input: the names, the current document rows (immutable
 * versions, so their ids open the exact files later), the external URL and the contacts as they are (contacts
 * are not versioned). The review shows this even after the publisher changes the offer.
 */
export async function freezeContent(r: Repositories, offer: OfferRow): Promise<FrozenContent> {
  // One query after another: inside a transaction they share one connection.
  const documents = await r.documents.listForOffer(offer.id);
  const contacts = await r.contacts.listForOffer(offer.id);
  return {
    offerName: offer.name,
    organizationName: offer.organizationName,
    externalReferenceUrl: offer.externalReferenceUrl,
    documents: documents
      .filter((d) => d.state === 'current')
      .map((d) => ({
        id: d.id,
        slot: d.slot,
        fileName: d.fileName,
        contentType: d.contentType,
        size: d.size,
        version: d.version,
        sha256: d.sha256,
        uploadedAt: d.uploadedAt.toISOString(),
        uploadedBy: { id: d.uploadedById, name: d.uploadedByName },
      })),
    contacts: contacts.map(({ id: _id, offerId: _offerId, position: _position, ...contact }) => contact),
  };
}
