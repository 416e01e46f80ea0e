import type { DocumentRow } from '../../db/repositories/document-repository.js';
import { documentExtensions } from '../../domain/documents/document-formats.js';
import type { DocumentDto, DocumentsOverview } from '../../domain/documents/document-schema.js';
import { AUDIENCE_VIEWS } from '../access/audience.js';
import { canSeeDocument, type DocumentView } from './document-view.js';

export const documentUrl = (offerId: string, documentId: string) =>
  `/api/v1/offers/${encodeURIComponent(offerId)}/co-sell/documents/${encodeURIComponent(documentId)}`;

export function presentDocument(row: DocumentRow): DocumentDto {
  return {
    id: row.id,
    slot: row.slot,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    version: row.version,
    state: row.state,
    restoredFromVersion: row.restoredFromVersion,
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedBy: { id: row.uploadedById, name: row.uploadedByName },
    contentUrl: `${documentUrl(row.offerId, row.id)}/content`,
  };
}

/** A file as a history entry records it; the reader's language words it ("deck.pdf (version 2)"). */
export function historyDocument(row: Pick<DocumentRow, 'fileName' | 'version'>) {
  return { fileName: row.fileName, version: row.version };
}

/** Every slot the view includes, in taxonomy order, with its current files and (for publishers) its history. */
export function presentOverview(
  view: DocumentView,
  rows: readonly DocumentRow[],
  limits: Omit<DocumentsOverview['limits'], 'fileExtensions'>,
): DocumentsOverview {
  const visible = rows.filter((row) => canSeeDocument(view, row));
  const { seesHistory, seesExternalUrl } = AUDIENCE_VIEWS[view.audience];
  const slots = view.slots.map((slot) => {
    const ofSlot = visible.filter((row) => row.slot === slot.id);
    const documents = ofSlot.filter((row) => row.state === 'current').map(presentDocument);
    const single = slot.maxFiles === 1;
    return {
      id: slot.id,
      label: slot.label,
      requiredForCoSellReady: slot.requiredForCoSellReady,
      maxFiles: slot.maxFiles,
      isFull: documents.length >= slot.maxFiles,
      documents,
      ...(single &&
        seesHistory && {
          versions: ofSlot
            .filter((row) => row.state !== 'current')
            .reverse()
            .map(presentDocument),
        }),
    };
  });
  return {
    slots,
    ...(seesExternalUrl && { externalReferenceUrl: view.offer.externalReferenceUrl }),
    // Only the publisher writes documents, so only the publisher is given the version to send back.
    ...(view.audience === 'publisher' && { version: view.offer.documentsVersion }),
    limits: { ...limits, fileExtensions: [...documentExtensions] },
  };
}
