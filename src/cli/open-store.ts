import { resolve } from 'node:path';
import { type Database, openDatabase } from '../db/database.js';
import { runMigrations } from '../db/migrate.js';
import { createRepositories } from '../db/repositories/index.js';

/**
 * Opens the same database the server would (DATABASE_URL, else the embedded one in COSELL_DATA_DIR) and
 * migrates it. The embedded one is locked: stop the server first, or use DATABASE_URL.
 */
export async function openStore(flags: { dataDir?: string | undefined; databaseUrl?: string | undefined }) {
  const databaseUrl = flags.databaseUrl ?? process.env.DATABASE_URL;
  const dataDir = resolve(flags.dataDir ?? process.env.COSELL_DATA_DIR ?? './.cosell/data');
  const database: Database = databaseUrl
    ? await openDatabase({ kind: 'postgres', url: databaseUrl })
    : await openDatabase({ kind: 'embedded', dataDir });
  await runMigrations(database.pool);
  return { database, repos: createRepositories(database.db) };
}
