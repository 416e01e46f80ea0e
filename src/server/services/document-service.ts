import type { Readable } from 'node:stream';
import type { DocumentRow } from '../../db/repositories/document-repository.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { OfferRow } from '../../db/repositories/offer-repository.js';
import type { DocumentDto, DocumentsOverview } from '../../domain/documents/document-schema.js';
import { checkExternalReferenceUrl } from '../../domain/documents/external-url.js';
import { historySummary } from '../../domain/messages/history-summaries.js';
import { issueAt } from '../../domain/messages/problem.js';
import { type DocumentSlot, getTaxonomy } from '../../domain/reference/taxonomy.js';
import type { Message } from '../../domain/schemas/messages.js';
import type { UserActor } from '../auth/actor.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { AppError, notFound, problem } from '../errors.js';
import { assertCurrent } from '../etag.js';
import { eventRecorder, offerEvent, offerLinks } from '../events/event-recorder.js';
import type { Clock, IdGenerator } from '../ids.js';
import { historyDocument, presentDocument, presentOverview } from './document-presenter.js';
import {
  assertRoomIn,
  findSlot,
  receiveUpload,
  type UploadLimits,
  type UploadPart,
} from './document-upload.js';
import { canSeeDocument, loadDocumentView } from './document-view.js';
import { historyRecorder } from './history-recorder.js';
import { coSellStatusRefresher } from './readiness-service.js';
import type { Transaction } from './transaction.js';

/** The documents' version (their ETag) after a write, beside what the write answers. */
export type Versioned<T> = T & { version: number };

export interface DocumentServiceDeps {
  repos: Repositories;
  transaction: Transaction;
  clock: Clock;
  ids: IdGenerator;
  blobs: BlobStore;
  documentLimits: UploadLimits;
}

const HOUR = 3_600_000;

/** The Documents part of an offer's co-sell profile: files in slots with their versions, and the external URL. */
export function createDocumentService({
  repos,
  transaction,
  clock,
  ids,
  blobs,
  documentLimits,
}: DocumentServiceDeps) {
  const recordHistory = historyRecorder({ clock, ids });
  const recordEvent = eventRecorder({ clock, ids });
  /** A file's event: resellers see it only when they see its slot. */
  const recordDocumentEvent = (
    r: Repositories,
    type: 'document.uploaded' | 'document.restored' | 'document.removed',
    offer: OfferRow,
    row: DocumentRow,
    version: number,
  ) =>
    recordEvent(
      r,
      offerEvent(
        type,
        offer,
        { documentId: row.id, slot: row.slot, version, link: offerLinks.document(offer.id, row.id) },
        // A slot the current taxonomy no longer has is not one channel resellers are shown.
        { slot: getTaxonomy().documentSlots.find((slot) => slot.id === row.slot) ?? {} },
      ),
    );
  const externalUrlEvent = (offer: OfferRow, version: number) =>
    offerEvent('externalUrl.changed', offer, { version, link: offerLinks.documents(offer.id) });
  const refreshCoSellStatus = coSellStatusRefresher({ clock, ids });
  async function record(
    r: Repositories,
    actor: UserActor,
    offerId: string,
    action: string,
    summaryMessage: Message,
    change: { field: string; before: unknown; after: unknown },
  ) {
    await recordHistory(r, actor, offerId, {
      subject: 'documents',
      action,
      summaryMessage,
      changes: [change],
    });
  }

  /**
   * Puts a file into its slot as its newest document: in a single-file slot the current file becomes an
   * earlier version; a full multi-file slot is refused. Runs under the offer's row lock.
   */
  async function place(
    r: Repositories,
    actor: UserActor,
    offerId: string,
    slot: DocumentSlot,
    file: Pick<DocumentRow, 'fileName' | 'contentType' | 'size' | 'sha256'>,
    restoredFrom: DocumentRow | undefined,
  ): Promise<DocumentRow> {
    const rows = await r.documents.listForSlot(offerId, slot.id);
    const current = rows.filter((row) => row.state === 'current');
    assertRoomIn(slot, current.length);
    const single = slot.maxFiles === 1;
    if (single)
      await r.documents.setState(
        current.map((row) => row.id),
        'superseded',
      );
    const inserted = await r.documents.insert({
      id: ids('doc'),
      offerId,
      slot: slot.id,
      version: single ? Math.max(0, ...rows.map((row) => row.version)) + 1 : 1,
      state: 'current',
      ...file,
      restoredFromVersion: restoredFrom?.version ?? null,
      uploadedAt: clock.now(),
      uploadedById: actor.user.id,
      uploadedByName: actor.user.name,
    });
    const replaced = single ? current[0] : undefined;
    const verb = restoredFrom ? 'restored' : replaced ? 'replaced' : 'uploaded';
    await record(
      r,
      actor,
      offerId,
      verb,
      restoredFrom
        ? historySummary('documentRestored', {
            slot: slot.id,
            fileName: inserted.fileName,
            restoredVersion: restoredFrom.version,
            version: inserted.version,
          })
        : replaced
          ? historySummary('documentReplaced', {
              slot: slot.id,
              fileName: inserted.fileName,
              previousFileName: replaced.fileName,
            })
          : historySummary('documentUploaded', { slot: slot.id, fileName: inserted.fileName }),
      {
        field: slot.id,
        before: replaced ? historyDocument(replaced) : null,
        after: historyDocument(inserted),
      },
    );
    await refreshCoSellStatus(r, offerId, actor);
    return inserted;
  }

  /**
   * Opens a write to the offer's documents under its row lock: the publisher's access, then the version the
   * writer read (412 when it is not the current one). Returns the view; `advance` moves the version on and
   * must be called once the write changes something.
   */
  async function openWrite(r: Repositories, actor: UserActor, offerId: string, expected: number | '*') {
    await r.offers.lockById(offerId);
    const view = await loadDocumentView(r, actor, offerId, 'write');
    assertCurrent(expected, view.offer.documentsVersion);
    const advance = async (): Promise<number> => {
      const version = await r.documents.bumpVersion(offerId, view.offer.documentsVersion);
      if (version === undefined)
        throw new AppError('precondition_failed', problem('documents.changedMeanwhile'));
      return version;
    };
    return { view, advance };
  }

  /** A document the actor may see, with the view it was seen through; 404 otherwise. */
  async function loadDocument(r: Repositories, actor: UserActor, offerId: string, documentId: string) {
    const view = await loadDocumentView(r, actor, offerId, 'read');
    const row = await r.documents.findById(offerId, documentId);
    if (!row || !canSeeDocument(view, row)) throw notFound('document');
    return row;
  }

  return {
    /** Every slot the actor may see, with its files; publishers also get earlier versions. */
    async list(actor: UserActor, offerId: string): Promise<DocumentsOverview> {
      const view = await loadDocumentView(repos, actor, offerId, 'read');
      return presentOverview(view, await repos.documents.listForOffer(offerId), documentLimits);
    },

    async get(actor: UserActor, offerId: string, documentId: string): Promise<DocumentDto> {
      return presentDocument(await loadDocument(repos, actor, offerId, documentId));
    },

    /** The document and a stream of its bytes (or of the inclusive range asked for). */
    async openContent(
      actor: UserActor,
      offerId: string,
      documentId: string,
      range?: { start: number; end: number },
    ): Promise<{ document: DocumentDto; stream: Readable }> {
      const row = await loadDocument(repos, actor, offerId, documentId);
      return { document: presentDocument(row), stream: await blobs.open(row.sha256, range) };
    },

    /**
     * Receives a multipart upload into a slot (see receiveUpload; `parts` undefined: the body was not
     * multipart), then records it. The bytes are committed
     * to the blob store before the row is written; if writing the row fails, the bytes are left for
     * garbage collection, never the other way round.
     */
    async upload(
      actor: UserActor,
      offerId: string,
      expected: number | '*',
      parts: AsyncIterable<UploadPart> | undefined,
      querySlot: string | undefined,
    ): Promise<Versioned<{ document: DocumentDto }>> {
      // Access, co-sell availability, a stale If-Match and a full slot are refused before the file is read.
      const { offer } = await loadDocumentView(repos, actor, offerId, 'write');
      assertCurrent(expected, offer.documentsVersion);
      if (!parts) throw new AppError('unsupported_media_type', problem('documents.multipartNeeded'));
      const file = await receiveUpload(blobs, documentLimits, parts, querySlot, async (slot) => {
        const rows = await repos.documents.listForSlot(offerId, slot.id);
        assertRoomIn(slot, rows.filter((row) => row.state === 'current').length);
      });
      const { slot, ...values } = file;
      return transaction(async (r) => {
        const { view, advance } = await openWrite(r, actor, offerId, expected);
        const row = await place(r, actor, offerId, slot, values, undefined);
        const version = await advance();
        await recordDocumentEvent(r, 'document.uploaded', view.offer, row, version);
        return { document: presentDocument(row), version };
      });
    },

    /** Makes an earlier file its slot's current file again, as a new version. */
    async restore(
      actor: UserActor,
      offerId: string,
      documentId: string,
      expected: number | '*',
    ): Promise<Versioned<{ document: DocumentDto }>> {
      // Asked before the transaction: the store may be this database (COSELL_BLOB_STORE=postgres), whose one
      // embedded connection the transaction holds. A row's bytes never change, so the answer stays true.
      const stored = await repos.documents.findById(offerId, documentId);
      if (stored && !(await blobs.exists(stored.sha256)))
        throw new Error(`blob ${stored.sha256} of document ${stored.id} is missing`);
      return transaction(async (r) => {
        const { view, advance } = await openWrite(r, actor, offerId, expected);
        const earlier = await r.documents.findById(offerId, documentId);
        if (!earlier) throw notFound('document');
        if (earlier.state === 'current')
          throw new AppError('conflict', problem('documents.alreadyCurrent', { fileName: earlier.fileName }));
        const { fileName, contentType, size, sha256 } = earlier;
        const row = await place(
          r,
          actor,
          offerId,
          findSlot(earlier.slot),
          { fileName, contentType, size, sha256 },
          earlier,
        );
        const version = await advance();
        await recordDocumentEvent(r, 'document.restored', view.offer, row, version);
        return { document: presentDocument(row), version };
      });
    },

    /** Takes the current file out of its slot; a single-file slot keeps it among its earlier versions. */
    async remove(
      actor: UserActor,
      offerId: string,
      documentId: string,
      expected: number | '*',
    ): Promise<Versioned<object>> {
      return transaction(async (r) => {
        const { view, advance } = await openWrite(r, actor, offerId, expected);
        const row = await r.documents.findById(offerId, documentId);
        if (!row) throw notFound('document');
        if (row.state !== 'current')
          throw new AppError(
            'conflict',
            problem('documents.notCurrent', { fileName: row.fileName, version: row.version }),
          );
        await r.documents.setState([row.id], 'removed');
        const summary = historySummary('documentRemoved', { slot: row.slot, fileName: row.fileName });
        await record(r, actor, offerId, 'removed', summary, {
          field: row.slot,
          before: historyDocument(row),
          after: null,
        });
        await refreshCoSellStatus(r, offerId, actor);
        const version = await advance();
        await recordDocumentEvent(r, 'document.removed', view.offer, row, version);
        return { version };
      });
    },

    /** Sets the external reference URL (absolute https only; 422 otherwise); the same URL changes nothing. */
    async setExternalUrl(
      actor: UserActor,
      offerId: string,
      expected: number | '*',
      input: string,
    ): Promise<Versioned<{ url: string | null }>> {
      const checked = checkExternalReferenceUrl(input);
      return transaction(async (r) => {
        const { view, advance } = await openWrite(r, actor, offerId, expected);
        if (!checked.ok)
          throw new AppError('rule_violation', problem('documents.externalUrlRefused'), [
            issueAt('url', checked.text),
          ]);
        const before = view.offer.externalReferenceUrl;
        if (before === checked.url) return { url: before, version: view.offer.documentsVersion };
        await r.documents.setExternalReferenceUrl(offerId, checked.url);
        await record(
          r,
          actor,
          offerId,
          before ? 'updated' : 'added',
          historySummary(before ? 'externalUrlChanged' : 'externalUrlSet', { url: checked.url }),
          { field: 'externalReferenceUrl', before, after: checked.url },
        );
        const version = await advance();
        await recordEvent(r, externalUrlEvent(view.offer, version));
        return { url: checked.url, version };
      });
    },

    async clearExternalUrl(
      actor: UserActor,
      offerId: string,
      expected: number | '*',
    ): Promise<Versioned<object>> {
      return transaction(async (r) => {
        const { view, advance } = await openWrite(r, actor, offerId, expected);
        const { offer } = view;
        if (offer.externalReferenceUrl === null) return { version: offer.documentsVersion };
        await r.documents.setExternalReferenceUrl(offerId, null);
        const summary = historySummary('externalUrlRemoved', { url: offer.externalReferenceUrl });
        await record(r, actor, offerId, 'removed', summary, {
          field: 'externalReferenceUrl',
          before: offer.externalReferenceUrl,
          after: null,
        });
        const version = await advance();
        await recordEvent(r, externalUrlEvent(offer, version));
        return { version };
      });
    },

    /**
     * Deletes blobs no document row refers to, and staging files left by a crash. Blobs committed within
     * `graceMs` are kept: their row may be about to be written. File times are the file system's, so this
     * compares with the real time rather than the service clock.
     */
    async collectUnreferencedBlobs(
      options: { graceMs?: number; stagingMaxAgeMs?: number } = {},
    ): Promise<{ deleted: number; kept: number; bytesFreed: number; stagingRemoved: number }> {
      // One cutoff for the whole sweep: a blob committed while it runs is newer, whatever the grace.
      const cutoff = Date.now() - (options.graceMs ?? HOUR);
      const stagingRemoved = await blobs.removeStaleStaging(options.stagingMaxAgeMs ?? HOUR);
      const result = { deleted: 0, kept: 0, bytesFreed: 0, stagingRemoved };
      let batch: { sha256: string; size: number }[] = [];
      const sweep = async () => {
        const referenced = await repos.documents.referencedHashes(batch.map((b) => b.sha256));
        for (const blob of batch) {
          if (referenced.has(blob.sha256)) {
            result.kept++;
            continue;
          }
          // Committed again since it was listed (an upload of the same bytes): its row may be on its way.
          const now = await blobs.stat(blob.sha256);
          if (!now || now.modifiedAt.getTime() > cutoff) {
            result.kept++;
            continue;
          }
          await blobs.delete(blob.sha256);
          result.deleted++;
          result.bytesFreed += blob.size;
        }
        batch = [];
      };
      for await (const blob of blobs.list()) {
        if (blob.modifiedAt.getTime() > cutoff) {
          result.kept++;
          continue;
        }
        batch.push(blob);
        if (batch.length >= 500) await sweep();
      }
      await sweep();
      return result;
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
