import type { Readable } from 'node:stream';

/**
 * Where document bytes live, addressed by their SHA-256. The one interface services use: the local disk
 * store is the default; an S3-compatible store implements the same five verbs.
 *
 * Writing is two-phase so that no database row ever names bytes that are not there: `stage` streams the
 * bytes somewhere private while hashing and measuring them, the caller inspects the result, then `commit`
 * makes them durable and visible under their hash (before the row is inserted) or `discard` drops them.
 */
export interface BlobStore {
  /** Streams `source` into a private place, cut off with BlobTooLargeError beyond `maxBytes`. */
  stage(source: Readable, options: { maxBytes: number }): Promise<StagedBlob>;
  /** The bytes of a blob, or the inclusive byte range of them. Throws BlobNotFoundError. */
  open(sha256: string, range?: { start: number; end: number }): Promise<Readable>;
  /** The size in bytes, or undefined when there is no such blob. */
  size(sha256: string): Promise<number | undefined>;
  /** Size and last commit time, or undefined when there is no such blob. */
  stat(sha256: string): Promise<StoredBlob | undefined>;
  exists(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
  /** Every committed blob with when it was last committed. */
  list(): AsyncIterable<StoredBlob>;
  /** Removes staging leftovers (a crash mid-upload) older than `olderThanMs`; returns how many. */
  removeStaleStaging(olderThanMs: number): Promise<number>;
}

export interface StagedBlob {
  readonly sha256: string;
  readonly size: number;
  /** The first bytes (up to 64 KiB), for content sniffing. */
  readonly head: Uint8Array;
  /** The last bytes (up to 64 KiB) of a compound file (.doc, .xls, .ppt), whose directory may be there. */
  readonly tail?: Uint8Array;
  /** Makes the bytes durable under their hash. Committing bytes that are already stored is fine. */
  commit(): Promise<void>;
  /** Drops uncommitted bytes; after commit it does nothing (the bytes may be shared). */
  discard(): Promise<void>;
}

export interface StoredBlob {
  sha256: string;
  size: number;
  modifiedAt: Date;
}

/** The source had more than `maxBytes`; nothing was kept. */
export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The content is larger than ${maxBytes} bytes.`);
    this.name = 'BlobTooLargeError';
  }
}

export class BlobNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`No blob ${sha256}.`);
    this.name = 'BlobNotFoundError';
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Throws unless `sha256` is 64 lower-case hex digits: a hash from the database never becomes a path otherwise. */
export function assertSha256(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new Error(`Not a SHA-256: ${JSON.stringify(sha256)}`);
}

/**
 * A store for callers that never touch documents (CLI commands, scripts): every use fails loudly rather
 * than writing somewhere unexpected.
 */
export const unavailableBlobStore: BlobStore = new Proxy({} as BlobStore, {
  get: (_target, verb) => () => {
    throw new Error(`No blob store was configured; cannot ${String(verb)}.`);
  },
});
