import type { Readable } from 'node:stream';
import {
  type DocumentFormat,
  documentExtensions,
  findDocumentFormat,
  maxBytesFor,
} from '../../domain/documents/document-formats.js';
import { extensionOf, sanitizeFileName } from '../../domain/documents/file-name.js';
import { checkDocumentContent } from '../../domain/documents/sniff.js';
import { type DocumentSlot, getTaxonomy } from '../../domain/reference/taxonomy.js';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../../domain/text/storable-text.js';
import { type BlobStore, BlobTooLargeError, type StagedBlob } from '../blobs/blob-store.js';
import { AppError } from '../errors.js';
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

/** "25 MiB", "512 KiB", "100 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= MiB && bytes % (MiB / 10) === 0) return `${bytes / MiB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** The taxonomy's slot with this id; 422 naming the slots otherwise. */
export function findSlot(slotId: string): DocumentSlot {
  const slots = getTaxonomy().documentSlots;
  const slot = slots.find((s) => s.id === slotId);
  if (!slot) {
    const ids = slots.map((s) => s.id).join(', ');
    throw new AppError('rule_violation', `There is no document slot ${slotId}. The slots are: ${ids}.`, [
      { path: 'slot', message: `Use one of: ${ids}` },
    ]);
  }
  return slot;
}

/** 422 when a multi-file slot already holds as many files as it may. */
export function assertRoomIn(slot: DocumentSlot, currentCount: number): void {
  if (slot.maxFiles > 1 && currentCount >= slot.maxFiles) {
    throw new AppError(
      'rule_violation',
      `${slot.label} holds at most ${slot.maxFiles} files, and it has ${currentCount}. Remove one before adding another.`,
      [{ path: 'slot', message: `At most ${slot.maxFiles} files` }],
    );
  }
}

function checkExtension(fileName: string): DocumentFormat {
  const extension = extensionOf(fileName);
  const format = findDocumentFormat(extension);
  if (!format) {
    throw new AppError(
      'unsupported_media_type',
      `${extension ? `Files ending in ${extension}` : 'Files without an extension'} cannot be uploaded. Accepted: ${documentExtensions.join(', ')}.`,
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
      throw new AppError('bad_request', `The slot is given twice, as ${slot.id} and as ${id}: send one.`);
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
          staged
            ? 'Send one file per request; nothing was stored.'
            : `Send the file as the part named file, not ${part.name}.`,
        );
      }
      fileName = sanitizeFileName(part.fileName);
      // Control characters (U+0000 among them) are cleaned out of names; half a surrogate pair is not.
      if (!isStorableText(fileName)) {
        part.stream.destroy();
        throw new AppError('validation_failed', 'The file name is not valid.', [
          { path: 'file', message: `The file name ${UNSTORABLE_TEXT_MESSAGE}` },
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
        const what = format.isVideo ? `a video (${format.extension})` : 'a document';
        throw new AppError(
          'payload_too_large',
          `The file is larger than ${formatBytes(maxBytes)}, the limit for ${what}. Nothing was stored.`,
        );
      }
    }
    if (!staged) throw new AppError('bad_request', 'Send the file as a multipart part named file.');
    if (!slot)
      throw new AppError('validation_failed', 'Say which slot the file is for.', [
        { path: 'slot', message: 'Send a slot field before the file, or ?slot= in the URL' },
      ]);
    if (staged.size === 0)
      throw new AppError('rule_violation', `${fileName} is empty (0 bytes): choose the file again.`, [
        { path: 'file', message: 'The file is empty' },
      ]);
    const content = checkDocumentContent(
      extension,
      staged.head,
      staged.tail && { bytes: staged.tail, size: staged.size },
    );
    if (!content.ok) throw new AppError('unsupported_media_type', `${fileName}: ${content.message}`);
    await staged.commit();
    return { slot, fileName, contentType: content.contentType, size: staged.size, sha256: staged.sha256 };
  } catch (error) {
    await staged?.discard();
    throw error;
  }
}
