import type { Readable } from 'node:stream';
import {
  type DocumentFormat,
  documentExtensions,
  findDocumentFormat,
  maxBytesFor,
} from '../../domain/documents/document-formats.js';
import { extensionOf, sanitizeFileName } from '../../domain/documents/file-name.js';
import { checkDocumentContent } from '../../domain/documents/sniff.js';
import { issue } from '../../domain/messages/problem.js';
import { type DocumentSlot, getTaxonomy } from '../../domain/reference/taxonomy.js';
import { isStorableText } from '../../domain/text/storable-text.js';
import { type BlobStore, BlobTooLargeError, type StagedBlob } from '../blobs/blob-store.js';
import { AppError, problem } from '../errors.js';
import { refuseUnstorableField } from '../storable-input.js';

/** One part of a multipart upload, independent of the parser that produced it. */
export type UploadPart =
  | { type: 'field'; name: string; value: string }
  | { type: 'file'; name: string; fileName: string; stream: Readable };

export interface UploadLimits {
  documentMaxBytes: number;
  videoMaxBytes: number;
}

/** A file received whole, its bytes committed to the blob store, ready to become a row. */
export interface ReceivedFile {
  slot: DocumentSlot;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

const MiB = 1024 * 1024;

/** The configuration's defaults (COSELL_DOCUMENT_MAX_BYTES, COSELL_VIDEO_MAX_BYTES). */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { documentMaxBytes: 25 * MiB, videoMaxBytes: 200 * MiB };

/** The taxonomy's slot with this id; 422 naming the slots otherwise. */
export function findSlot(slotId: string): DocumentSlot {
  const slots = getTaxonomy().documentSlots;
  const slot = slots.find((s) => s.id === slotId);
  if (!slot) {
    const ids = slots.map((s) => s.id).join(', ');
    throw new AppError('rule_violation', problem('documents.noSlot', { value: slotId, slots: ids }), [
      issue('slot', 'documents.useSlot', { slots: ids }),
    ]);
  }
  return slot;
}

/** 422 when a multi-file slot already holds as many files as it may. */
export function assertRoomIn(slot: DocumentSlot, currentCount: number): void {
  if (slot.maxFiles > 1 && currentCount >= slot.maxFiles) {
    throw new AppError(
      'rule_violation',
      problem('documents.slotFull', { slot: slot.id, max: slot.maxFiles, count: currentCount }),
      [issue('slot', 'documents.atMostFiles', { max: slot.maxFiles })],
    );
  }
}

function checkExtension(fileName: string): DocumentFormat {
  const extension = extensionOf(fileName);
  const format = findDocumentFormat(extension);
  if (!format) {
    throw new AppError(
      'unsupported_media_type',
      extension
        ? problem('documents.extensionRefused', { extension, accepted: documentExtensions.join(', ') })
        : problem('documents.noExtension', { accepted: documentExtensions.join(', ') }),
    );
  }
  return format;
}

/**
 * Reads a multipart upload: the `slot` field (or the slot from the query string) and exactly one `file`
 * part, streamed into the blob store's staging area with the size limit of its type. Only when the whole
 * request has been read, and the file is non-empty and is by content what its name says, are the bytes
 * committed. Any failure discards them: nothing is kept of a refused or broken upload.
 *
 * `onSlot` is called as soon as the slot is known, so a full slot is refused before the file is read.
 */
export async function receiveUpload(
  blobs: BlobStore,
  limits: UploadLimits,
  parts: AsyncIterable<UploadPart>,
  querySlot: string | undefined,
  onSlot: (slot: DocumentSlot) => Promise<void>,
): Promise<ReceivedFile> {
  let slot: DocumentSlot | undefined;
  const chooseSlot = async (id: string) => {
    if (slot && slot.id !== id)
      throw new AppError('bad_request', problem('documents.slotTwice', { first: slot.id, second: id }));
    if (slot) return;
    slot = findSlot(id);
    await onSlot(slot);
  };
  let staged: StagedBlob | undefined;
  let fileName = '';
  let extension = '';
  try {
    if (querySlot !== undefined) await chooseSlot(querySlot);
    for await (const part of parts) {
      if (part.type === 'field') {
        // The same rule as every JSON string (src/server/storable-input.ts), which multipart bypasses.
        refuseUnstorableField(part.name, part.value);
        if (part.name === 'slot') await chooseSlot(part.value.trim());
        continue;
      }
      if (staged || part.name !== 'file') {
        part.stream.destroy();
        throw new AppError(
          'bad_request',
          staged ? problem('documents.oneFile') : problem('documents.partName', { part: part.name }),
        );
      }
      fileName = sanitizeFileName(part.fileName);
      // Control characters (U+0000 among them) are cleaned out of names; half a surrogate pair is not.
      if (!isStorableText(fileName)) {
        part.stream.destroy();
        throw new AppError('validation_failed', problem('documents.fileNameInvalid'), [
          issue('file', 'documents.fileNameUnstorable'),
        ]);
      }
      let format: DocumentFormat;
      try {
        format = checkExtension(fileName);
      } catch (error) {
        part.stream.destroy();
        throw error;
      }
      extension = format.extension;
      const maxBytes = maxBytesFor(fileName, limits);
      try {
        staged = await blobs.stage(part.stream, { maxBytes });
      } catch (error) {
        if (!(error instanceof BlobTooLargeError)) throw error;
        throw new AppError(
          'payload_too_large',
          format.isVideo
            ? problem('documents.videoTooLarge', { limitBytes: maxBytes, extension: format.extension })
            : problem('documents.documentTooLarge', { limitBytes: maxBytes }),
        );
      }
    }
    if (!staged) throw new AppError('bad_request', problem('documents.fileMissing'));
    if (!slot)
      throw new AppError('validation_failed', problem('documents.slotRequired'), [
        issue('slot', 'documents.sendSlot'),
      ]);
    if (staged.size === 0)
      throw new AppError('rule_violation', problem('documents.empty', { fileName }), [
        issue('file', 'documents.fileEmpty'),
      ]);
    const content = checkDocumentContent(
      extension,
      staged.head,
      staged.tail && { bytes: staged.tail, size: staged.size },
    );
    if (!content.ok) {
      const why = content.text.key.replace(/^problems\./, '');
      throw new AppError(
        'unsupported_media_type',
        problem('documents.refused', { ...content.text.params, fileName, why }),
      );
    }
    await staged.commit();
    return { slot, fileName, contentType: content.contentType, size: staged.size, sha256: staged.sha256 };
  } catch (error) {
    await staged?.discard();
    throw error;
  }
}
