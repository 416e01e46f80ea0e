import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { sessions, users } from '../schema.js';
import { membershipsJson, type UserWithMemberships } from './user-repository.js';

export type SessionRow = typeof sessions.$inferSelect;

/** SQL for browser sessions, looked up by the hash of the cookie's secret. */
export function createSessionRepository(db: Db) {
  // Every cookie-authenticated request: the session, its user and the user's memberships in one round trip.
  const activeWithUser = db
    .select({ session: sessions, user: users, memberships: membershipsJson() })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.secretHash, sql.placeholder('secretHash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
      ),
    )
    .limit(1)
    .prepare('session_with_user');

  return {
    /** An unexpired session with its user and the user's memberships. */
    async findActiveWithUser(
      secretHash: string,
      now: Date,
    ): Promise<(UserWithMemberships & { session: SessionRow }) | undefined> {
      const rows = await activeWithUser.execute({ secretHash, now: now.toISOString() });
      return rows[0];
    },

    async insert(row: typeof sessions.$inferInsert): Promise<void> {
      await db.insert(sessions).values(row);
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
