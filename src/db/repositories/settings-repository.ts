import { eq } from 'drizzle-orm';
import type { Db } from '../database.js';
import { settings } from '../schema.js';

/** SQL for installation-wide facts kept as key/value pairs. */
export function createSettingsRepository(db: Db) {
  return {
    async get(key: string): Promise<string | undefined> {
      const rows = await db.select().from(settings).where(eq(settings.key, key)).limit(1);
      return rows[0]?.value;
    },
    async set(key: string, value: string): Promise<void> {
      await db
        .insert(settings)
        .values({ key, value })
        .onConflictDoUpdate({ target: settings.key, set: { value } });
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
