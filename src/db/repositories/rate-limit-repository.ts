import { lte, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { rateLimitCounters } from '../schema.js';

/** A counter after a hit: hits in the current window, and when the window ends. */
export interface CounterHit {
  hits: number;
  resetAt: Date;
}

/** SQL for the rate-limit counters every server on this database shares. */
export function createRateLimitRepository(db: Db) {
  const c = rateLimitCounters;
  const now = sql.placeholder('now');
  // One statement per hit: concurrent hits on any server serialise on the row, none is lost. A window that
  // has ended starts again at one.
  const hit = db
    .insert(c)
    .values({ key: sql.placeholder('key'), hits: 1, resetAt: sql.placeholder('resetAt') })
    .onConflictDoUpdate({
      target: c.key,
      set: {
        hits: sql`case when ${c.resetAt} <= ${now}::timestamptz then 1 else ${c.hits} + 1 end`,
        resetAt: sql`case when ${c.resetAt} <= ${now}::timestamptz then excluded.reset_at else ${c.resetAt} end`,
      },
    })
    .returning({ hits: c.hits, resetAt: c.resetAt })
    .prepare('rate_limit_hit');

  return {
    /** Counts one hit on `key` at `at`; a new window ends at `resetAtIfNew`. */
    async hit(key: string, at: Date, resetAtIfNew: Date): Promise<CounterHit> {
      const [row] = await hit.execute({ key, now: at.toISOString(), resetAt: resetAtIfNew });
      if (!row) throw new Error('The rate-limit counter was not written.');
      return row;
    },

    /** Forgets counters whose window has ended by `now` (a new hit would start them again at one). */
    async deleteExpired(now: Date): Promise<number> {
      const deleted = await db.delete(c).where(lte(c.resetAt, now)).returning({ key: c.key });
      return deleted.length;
    },
  };
}

export type RateLimitRepository = ReturnType<typeof createRateLimitRepository>;
