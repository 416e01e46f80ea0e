import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { RootDb } from '../../db/database.js';
import { type BlobChunkRow, createBlobRepository } from '../../db/repositories/blob-repository.js';
import {
  assertSha256,
  BlobNotFoundError,
  type BlobStore,
  type StagedBlob,
  type StoredBlob,
} from './blob-store.js';
import { MeasuringTransform } from './measuring-transform.js';

/**
 * The size of one row of `blob_chunks`, and what a download holds in memory at a time. Against 256 KiB
 * pieces (docs/decisions/0006), a 25 MiB upload took a third less time (a quarter of the inserts); downloads
 * were no faster, and a small range reads up to 1 MiB.
 */
export const CHUNK_BYTES = 1024 * 1024;
/** Pieces fetched per query while streaming a blob out. */
const CHUNKS_PER_READ = 1;
const LIST_PAGE = 1000;

/**
 * Blobs as rows in the database itself (docs/decisions/0006-blob-stores.md), for installations with no object
 * store: an upload streams into `blob_chunks` under a staging id while it is hashed and measured; commit
 * renames its pieces to the hash in one transaction, so a blob is whole or absent, and every server on the
 * database sees it at once.
 *
 * Nothing here holds a connection between queries: a slow download does not keep one of the pool's (the
 * embedded database has a single connection), and no call may run inside another transaction on it.
 */
export class PostgresBlobStore implements BlobStore {
  private readonly repo;

  constructor(private readonly db: RootDb) {
    this.repo = createBlobRepository(db);
  }

  async stage(source: Readable, { maxBytes }: { maxBytes: number }): Promise<StagedBlob> {
    // Never 64 hex digits, so a staging key can never be taken for a hash.
    const stagingId = `staging:${randomBytes(16).toString('hex')}`;
    await this.repo.startStaging(stagingId);
    const measure = new MeasuringTransform(maxBytes);
    const writer = new ChunkWriter(async (chunk) => {
      if (!(await this.repo.appendStagedChunk(stagingId, chunk)))
        throw new Error(`Upload ${stagingId} was removed as stale while it streamed.`);
    });
    try {
      await pipeline(source, measure, writer);
    } catch (error) {
      // A failed pipeline does not wait for an insert in flight: one landing after the cleanup would stay.
      await writer.idle();
      await this.drop(stagingId);
      throw error;
    }

    const sha256 = measure.digest();
    const size = measure.size;
    const tail = measure.tail();
    let settled = false;
    return {
      sha256,
      size,
      head: measure.head(),
      ...(tail && { tail }),
      commit: async () => {
        if (settled) return;
        await this.db.transaction(async (tx) => {
          const repo = createBlobRepository(tx);
          if (!(await repo.takeStaging(stagingId)))
            throw new Error(`Upload ${stagingId} was removed as stale before it was committed.`);
          if (await repo.insertBlob(sha256, size)) {
            await repo.renameChunks(stagingId, sha256);
          } else {
            // Same bytes already stored: keep those, and mark them fresh so garbage collection's grace
            // period covers the row about to be written.
            await repo.touchBlob(sha256);
            await repo.deleteChunks([stagingId]);
          }
        });
        settled = true;
      },
      discard: async () => {
        if (settled) return;
        settled = true;
        await this.drop(stagingId);
      },
    };
  }

  async open(sha256: string, range?: { start: number; end: number }): Promise<Readable> {
    assertSha256(sha256);
    const blob = await this.repo.findBlob(sha256);
    if (!blob) throw new BlobNotFoundError(sha256);
    const start = range?.start ?? 0;
    const end = Math.min(range?.end ?? blob.size - 1, blob.size - 1);
    return Readable.from(this.chunks(sha256, start, end), { objectMode: false });
  }

  /** The bytes `start`..`end` (inclusive), a few pieces per query; fails if a piece is missing. */
  private async *chunks(sha256: string, start: number, end: number): AsyncGenerator<Buffer> {
    let next = start;
    let afterSeq = -1;
    while (next <= end) {
      const rows = await this.repo.chunksInRange(sha256, { afterSeq, start: next, end }, CHUNKS_PER_READ);
      if (rows.length === 0 || (rows[0] as BlobChunkRow).offset > next)
        throw new Error(`Blob ${sha256} lost its bytes from ${next} while being read.`);
      for (const row of rows) {
        if (row.offset > next)
          throw new Error(`Blob ${sha256} lost its bytes from ${next} while being read.`);
        const from = next - row.offset;
        const to = Math.min(row.bytes.length, end - row.offset + 1);
        yield row.bytes.subarray(from, to);
        next = row.offset + to;
        afterSeq = row.seq;
      }
    }
  }

  async size(sha256: string): Promise<number | undefined> {
    return (await this.stat(sha256))?.size;
  }

  async stat(sha256: string): Promise<StoredBlob | undefined> {
    assertSha256(sha256);
    const blob = await this.repo.findBlob(sha256);
    return blob && { sha256, size: blob.size, modifiedAt: blob.committedAt };
  }

  async exists(sha256: string): Promise<boolean> {
    return (await this.stat(sha256)) !== undefined;
  }

  async delete(sha256: string): Promise<void> {
    assertSha256(sha256);
    await this.db.transaction((tx) => createBlobRepository(tx).deleteBlob(sha256));
  }

  async *list(): AsyncIterable<StoredBlob> {
    let after = '';
    for (;;) {
      const page = await this.repo.listBlobs(after, LIST_PAGE);
      for (const blob of page) yield { sha256: blob.sha256, size: blob.size, modifiedAt: blob.committedAt };
      if (page.length < LIST_PAGE) return;
      after = (page[page.length - 1] as { sha256: string }).sha256;
    }
  }

  async removeStaleStaging(olderThanMs: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      const repo = createBlobRepository(tx);
      const ids = await repo.takeStagingOlderThan(olderThanMs);
      await repo.deleteChunks(ids);
      return ids.length;
    });
  }

  /** Removes an upload's staging row and its pieces. */
  private async drop(stagingId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const repo = createBlobRepository(tx);
      await repo.takeStaging(stagingId);
      await repo.deleteChunks([stagingId]);
    });
  }
}

/**
 * Cuts a byte stream into CHUNK_BYTES pieces and hands each to `insert` in order, one at a time: the stream
 * waits for the database (backpressure), and at most one piece is held in memory besides the one filling.
 */
class ChunkWriter extends Writable {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private seq = 0;
  private offset = 0;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(private readonly insert: (chunk: BlobChunkRow) => Promise<void>) {
    super({ highWaterMark: CHUNK_BYTES });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    this.track(this.flush(false)).then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.track(this.flush(true)).then(() => callback(), callback);
  }

  /** Resolves once no insert is in flight, however the last one ended. */
  idle(): Promise<void> {
    return this.inFlight.catch(() => undefined);
  }

  private track(work: Promise<void>): Promise<void> {
    this.inFlight = work;
    return work;
  }

  private async flush(all: boolean): Promise<void> {
    while (this.pendingBytes >= CHUNK_BYTES || (all && this.pendingBytes > 0)) {
      const bytes = this.take(Math.min(CHUNK_BYTES, this.pendingBytes));
      await this.insert({ seq: this.seq, offset: this.offset, bytes });
      this.seq += 1;
      this.offset += bytes.length;
    }
  }

  /** The first `n` pending bytes, as a buffer of their own. */
  private take(n: number): Buffer {
    const parts: Buffer[] = [];
    for (let taken = 0; taken < n; ) {
      const first = this.pending[0] as Buffer;
      const part = first.subarray(0, n - taken);
      parts.push(part);
      taken += part.length;
      if (part.length === first.length) this.pending.shift();
      else this.pending[0] = first.subarray(part.length);
    }
    this.pendingBytes -= n;
    return Buffer.concat(parts, n);
  }
}
