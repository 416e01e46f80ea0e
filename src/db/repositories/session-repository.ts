import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { sessions } from '../schema.js';

export type SessionRow = typeof sessions.$inferSelect;

/** SQL for browser sessions, looked up by the hash of the cookie's secret. */
export function createSessionRepository(db: Db) {
  const active = db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.secretHash, sql.placeholder('secretHash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
      ),
    )
    .limit(1)
    .prepare('session_by_secret');

  return {
    async insert(row: typeof sessions.$inferInsert): Promise<void> {
      await db.insert(sessions).values(row);
    },

    async findActive(secretHash: string, now: Date): Promise<SessionRow | undefined> {
      const rows = await active.execute({ secretHash, now: now.toISOString() });
      return rows[0];
    },

    async deleteBySecretHash(secretHash: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.secretHash, secretHash));
    },

    async deleteExpired(now: Date): Promise<void> {
      await db.delete(sessions).where(lt(sessions.expiresAt, now));
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
