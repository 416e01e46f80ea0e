import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { blobChunks, blobStaging, blobs } from '../schema.js';

export interface BlobRow {
  sha256: string;
  size: number;
  committedAt: Date;
}

export interface BlobChunkRow {
  seq: number;
  offset: number;
  bytes: Buffer;
}

/**
 * SQL for document bytes kept in PostgreSQL (COSELL_BLOB_STORE=postgres): committed blobs, their chunks, and
 * uploads still streaming. Times are the database's (`now()`), the one clock every server shares.
 */
export function createBlobRepository(db: Db) {
  return {
    async startStaging(id: string): Promise<void> {
      await db.insert(blobStaging).values({ id, startedAt: sql`now()` });
    },

    /**
     * Adds a piece to an upload still streaming; false when the upload is no longer staged (cleaned up as
     * stale). The staging row is locked against removal meanwhile, so no piece outlives its upload's row.
     */
    async appendStagedChunk(stagingId: string, chunk: BlobChunkRow): Promise<boolean> {
      const result = await db.execute(sql`
        insert into ${blobChunks} (blob_key, seq, byte_offset, bytes)
        select ${stagingId}, ${chunk.seq}, ${chunk.offset}, ${chunk.bytes}
        where exists (select 1 from ${blobStaging} where id = ${stagingId} for key share)`);
      return result.rowCount === 1;
    },

    /** Removes an upload's staging row; false when there was none. Its pieces are the caller's to move or drop. */
    async takeStaging(id: string): Promise<boolean> {
      const rows = await db
        .delete(blobStaging)
        .where(eq(blobStaging.id, id))
        .returning({ id: blobStaging.id });
      return rows.length === 1;
    },

    /** Removes the staging rows started more than `olderThanMs` ago; returns their ids. */
    async takeStagingOlderThan(olderThanMs: number): Promise<string[]> {
      const rows = await db
        .delete(blobStaging)
        .where(sql`${blobStaging.startedAt} < now() - ${olderThanMs} * interval '1 millisecond'`)
        .returning({ id: blobStaging.id });
      return rows.map((row) => row.id);
    },

    /** Records a committed blob; false when it was already there (a concurrent insert is waited for). */
    async insertBlob(sha256: string, size: number): Promise<boolean> {
      const rows = await db
        .insert(blobs)
        .values({ sha256, size, committedAt: sql`now()` })
        .onConflictDoNothing()
        .returning({ sha256: blobs.sha256 });
      return rows.length === 1;
    },

    /** Marks a blob committed now: garbage collection's grace period starts again. */
    async touchBlob(sha256: string): Promise<void> {
      await db.update(blobs).set({ committedAt: sql`now()` }).where(eq(blobs.sha256, sha256));
    },

    async renameChunks(fromKey: string, toKey: string): Promise<void> {
      await db.update(blobChunks).set({ blobKey: toKey }).where(eq(blobChunks.blobKey, fromKey));
    },

    async deleteChunks(keys: string[]): Promise<void> {
      if (keys.length === 0) return;
      await db.delete(blobChunks).where(inArray(blobChunks.blobKey, keys));
    },

    async findBlob(sha256: string): Promise<BlobRow | undefined> {
      const rows = await db.select().from(blobs).where(eq(blobs.sha256, sha256)).limit(1);
      return rows[0];
    },

    /**
     * Up to `limit` pieces of `key` after piece `afterSeq`, in order, that hold some byte of the inclusive
     * range `start`..`end`. `octet_length` reads the stored length without fetching the bytes.
     */
    async chunksInRange(
      key: string,
      range: { afterSeq: number; start: number; end: number },
      limit: number,
    ): Promise<BlobChunkRow[]> {
      return db
        .select({ seq: blobChunks.seq, offset: blobChunks.offset, bytes: blobChunks.bytes })
        .from(blobChunks)
        .where(
          and(
            eq(blobChunks.blobKey, key),
            gt(blobChunks.seq, range.afterSeq),
            lte(blobChunks.offset, range.end),
            sql`${blobChunks.offset} + octet_length(${blobChunks.bytes}) > ${range.start}`,
          ),
        )
        .orderBy(asc(blobChunks.seq))
        .limit(limit);
    },

    /** Committed blobs in hash order, from after `afterSha256` (a page of a listing). */
    async listBlobs(afterSha256: string, limit: number): Promise<BlobRow[]> {
      return db
        .select()
        .from(blobs)
        .where(gt(blobs.sha256, afterSha256))
        .orderBy(asc(blobs.sha256))
        .limit(limit);
    },

    /** Removes a blob's row, then its pieces (in one transaction, the caller's). */
    async deleteBlob(sha256: string): Promise<void> {
      await db.delete(blobs).where(eq(blobs.sha256, sha256));
      await db.delete(blobChunks).where(eq(blobChunks.blobKey, sha256));
    },
  };
}

export type BlobRepository = ReturnType<typeof createBlobRepository>;
