import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { idempotencyKeys } from '../schema.js';

/** A caller's key: whose, and the SHA-256 of the Idempotency-Key. */
export interface IdempotencyKeyId {
  userId: string;
  keyHash: string;
}

/** What is stored under a key that another request holds or has answered. */
export interface StoredIdempotencyKey {
  requestHash: string;
  /** Null while the first request is still running. */
  status: number | null;
  answer: string | null;
}

/** SQL for the Idempotency-Key answers every server on this database shares. */
export function createIdempotencyRepository(db: Db) {
  const k = idempotencyKeys;
  const is = (id: IdempotencyKeyId) => and(eq(k.userId, id.userId), eq(k.keyHash, id.keyHash));

  return {
    /**
     * Takes the key for a request until `claimUntil`, unless a row that has not expired by `now` holds it.
     * One statement: of concurrent claims on any server exactly one wins (the others wait on the row, then
     * see it held). Resolves whether this request took it.
     */
    async claim(id: IdempotencyKeyId, requestHash: string, now: Date, claimUntil: Date): Promise<boolean> {
      const taken = await db
        .insert(k)
        .values({ ...id, requestHash, status: null, answer: null, createdAt: now, expiresAt: claimUntil })
        .onConflictDoUpdate({
          target: [k.userId, k.keyHash],
          set: { requestHash, status: null, answer: null, createdAt: now, expiresAt: claimUntil },
          setWhere: lte(k.expiresAt, sql`${now.toISOString()}::timestamptz`),
        })
        .returning({ userId: k.userId });
      return taken.length > 0;
    },

    /** The row under the key, unless it has expired by `now`. */
    async find(id: IdempotencyKeyId, now: Date): Promise<StoredIdempotencyKey | undefined> {
      const [row] = await db
        .select({ requestHash: k.requestHash, status: k.status, answer: k.answer, expiresAt: k.expiresAt })
        .from(k)
        .where(is(id));
      if (!row || row.expiresAt <= now) return undefined;
      return { requestHash: row.requestHash, status: row.status, answer: row.answer };
    },

    /** Stores the answer of the request that holds the key, kept until `keepUntil`. */
    async complete(
      id: IdempotencyKeyId,
      requestHash: string,
      answer: { status: number; sealed: string },
      keepUntil: Date,
    ): Promise<void> {
      await db
        .update(k)
        .set({ status: answer.status, answer: answer.sealed, expiresAt: keepUntil })
        .where(and(is(id), eq(k.requestHash, requestHash), isNull(k.status)));
    },

    /** Gives up the claim of a request that did not succeed, so the key may be used again. */
    async release(id: IdempotencyKeyId, requestHash: string): Promise<void> {
      await db.delete(k).where(and(is(id), eq(k.requestHash, requestHash), isNull(k.status)));
    },

    /** Forgets the keys (answers and lapsed claims) that have expired by `now`. */
    async deleteExpired(now: Date): Promise<number> {
      const deleted = await db.delete(k).where(lte(k.expiresAt, now)).returning({ userId: k.userId });
      return deleted.length;
    },
  };
}

export type IdempotencyRepository = ReturnType<typeof createIdempotencyRepository>;
