import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { SNIFF_BYTES } from '../../domain/documents/sniff.js';
import { BlobTooLargeError } from './blob-store.js';

const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const isCompoundFile = (head: Uint8Array) => Buffer.from(head.subarray(0, 8)).equals(COMPOUND_FILE);

/**
 * Passes bytes through while hashing them (SHA-256), counting them, keeping the first SNIFF_BYTES for
 * content sniffing, and failing with BlobTooLargeError as soon as more than `maxBytes` went by: an
 * oversized upload is cut off while it streams, never buffered. Any blob store can put it in its pipeline.
 */
export class MeasuringTransform extends Transform {
  private readonly hash = createHash('sha256');
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  // The last SNIFF_BYTES, kept only for compound files (.doc, .xls, .ppt), whose directory Office often
  // writes at the end: the sniffer reads the stream names there (compound-file.ts).
  private tailChunks: Buffer[] | undefined;
  private tailLength = 0;
  size = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      callback(new BlobTooLargeError(this.maxBytes));
      return;
    }
    if (this.headLength < SNIFF_BYTES) {
      const part = chunk.subarray(0, SNIFF_BYTES - this.headLength);
      // A copy: the chunk's memory may be a slice of a larger pooled buffer that is reused.
      this.headChunks.push(Buffer.from(part));
      this.headLength += part.length;
      if (this.headLength >= 8 && !this.tailChunks && isCompoundFile(this.head())) this.tailChunks = [];
    }
    if (this.tailChunks) this.keepTail(chunk);
    this.hash.update(chunk);
    callback(null, chunk);
  }

  /** The hex digest; call once, after the stream ended. */
  digest(): string {
    return this.hash.digest('hex');
  }

  head(): Uint8Array {
    return Buffer.concat(this.headChunks, this.headLength);
  }

  /** The last bytes (up to SNIFF_BYTES) of a compound file; undefined for any other kind of file. */
  tail(): Uint8Array | undefined {
    return this.tailChunks && Buffer.concat(this.tailChunks, this.tailLength);
  }

  private keepTail(chunk: Buffer): void {
    const chunks = this.tailChunks as Buffer[];
    chunks.push(Buffer.from(chunk.subarray(Math.max(0, chunk.length - SNIFF_BYTES))));
    this.tailLength += Math.min(chunk.length, SNIFF_BYTES);
    while (chunks.length > 1 && this.tailLength - (chunks[0] as Buffer).length >= SNIFF_BYTES) {
      this.tailLength -= (chunks.shift() as Buffer).length;
    }
  }
}
