import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import { installJobQueueSchema } from './job-queue-schema.js';

/** src/db/migrations, found the same way from the sources and from dist/. */
export const migrationsFolder = fileURLToPath(new URL('../../src/db/migrations', import.meta.url));

// Any constant works; it only has to be the same for every instance of this product.
const MIGRATION_LOCK_KEY = 7_206_114_001;

/**
 * Applies every migration not yet applied, and installs the job queue's own schema (pg-boss). An advisory
 * lock lets several server instances start at once against one PostgreSQL database without running a
 * migration twice.
 */
export async function runMigrations(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle(client), { migrationsFolder });
      await installJobQueueSchema(client);
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
