import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { SNIFF_BYTES } from '../../domain/documents/sniff.js';
import { BlobTooLargeError } from './blob-store.js';

/**
 * Passes bytes through while hashing them (SHA-256), counting them, keeping the first SNIFF_BYTES for
 * content sniffing, and failing with BlobTooLargeError as soon as more than `maxBytes` went by: an
 * oversized upload is cut off while it streams, never buffered. Any blob store can put it in its pipeline.
 */
export class MeasuringTransform extends Transform {
  private readonly hash = createHash('sha256');
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
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
    }
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
}
