import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { signInDevices, users } from '../schema.js';

/** A device cookie that still counts: its id, whose it is, and that user's email (to match the sign-in's). */
export interface ActiveSignInDevice {
  id: string;
  userId: string;
  email: string;
}

/** SQL for device cookies, looked up by the hash of the cookie's secret (docs/decisions/0008). */
export function createSignInDeviceRepository(db: Db) {
  const active = db
    .select({ id: signInDevices.id, userId: signInDevices.userId, email: users.email })
    .from(signInDevices)
    .innerJoin(users, eq(users.id, signInDevices.userId))
    .where(
      and(
        eq(signInDevices.secretHash, sql.placeholder('secretHash')),
        gt(signInDevices.expiresAt, sql.placeholder('now')),
        isNull(signInDevices.revokedAt),
      ),
    )
    .limit(1)
    .prepare('sign_in_device_active');

  return {
    /** An unexpired, unrevoked device cookie with its user's email. */
    async findActive(secretHash: string, now: Date): Promise<ActiveSignInDevice | undefined> {
      const rows = await active.execute({ secretHash, now: now.toISOString() });
      return rows[0];
    },

    async insert(row: typeof signInDevices.$inferInsert): Promise<void> {
      await db.insert(signInDevices).values(row);
    },

    /** The cookie no longer gives its lane, whatever its expiry says. */
    async revoke(id: string, now: Date): Promise<void> {
      await db.update(signInDevices).set({ revokedAt: now }).where(eq(signInDevices.id, id));
    },

    /** Forgets expired cookies, and revoked ones once they would have expired. */
    async deleteExpired(now: Date): Promise<void> {
      await db.delete(signInDevices).where(lt(signInDevices.expiresAt, now));
    },
  };
}

export type SignInDeviceRepository = ReturnType<typeof createSignInDeviceRepository>;
