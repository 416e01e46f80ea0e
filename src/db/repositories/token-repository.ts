import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { apiTokens } from '../schema.js';

export type TokenRow = typeof apiTokens.$inferSelect;

/** SQL for personal API tokens, looked up by the hash of the secret. */
export function createTokenRepository(db: Db) {
  const active = db
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.secretHash, sql.placeholder('secretHash')),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql.placeholder('now'))),
      ),
    )
    .limit(1)
    .prepare('token_by_secret');

  return {
    async insert(row: typeof apiTokens.$inferInsert): Promise<TokenRow> {
      const [created] = await db.insert(apiTokens).values(row).returning();
      if (!created) throw new Error('insert into api_tokens returned no row');
      return created;
    },

    async findActive(secretHash: string, now: Date): Promise<TokenRow | undefined> {
      const rows = await active.execute({ secretHash, now: now.toISOString() });
      return rows[0];
    },

    /** The user's tokens that are not revoked, newest first (expired ones stay visible until revoked). */
    async listForUser(userId: string): Promise<TokenRow[]> {
      return db
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
        .orderBy(desc(apiTokens.createdAt));
    },

    /** Revokes one of the user's tokens; false when the user has no such live token. */
    async revoke(userId: string, tokenId: string, now: Date): Promise<boolean> {
      const rows = await db
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id });
      return rows.length > 0;
    },

    async touch(tokenId: string, now: Date): Promise<void> {
      await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, tokenId));
    },
  };
}

export type TokenRepository = ReturnType<typeof createTokenRepository>;
