import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';

export type Backend = 'pglite' | 'postgres';

/** The back end this Vitest project tests: set per project in vitest.config.ts. */
export function testBackend(): Backend {
  return process.env.COSELL_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * A fresh, migrated database for one test file: a new in-memory PGlite on its own thread, or a new database
 * created on the PostgreSQL server in TEST_DATABASE_URL and dropped afterwards.
 */
export async function createTestDatabase(): Promise<Database> {
  if (testBackend() === 'pglite') {
    const database = await openDatabase({ kind: 'embedded-memory' });
    await runMigrations(database.pool);
    return database;
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl)
    throw new Error(
      'TEST_DATABASE_URL is not set: the PostgreSQL tier needs a server to create databases on',
    );
  const name = `cosell_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  await runMigrations(database.pool);
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
