import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';

export type Backend = 'pglite' | 'postgres';

/** The back end this Vitest project tests: set per project in vitest.config.ts. */
export function testBackend(): Backend {
  return process.env.COSELL_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * A fresh, migrated database for one test file.
 *
 * - PostgreSQL: a new database copied from the run's migrated template (`CREATE DATABASE ... TEMPLATE`, made
 *   once by test/support/postgres-template.ts), dropped on close.
 * - PGlite: starting PGlite costs seconds (its initdb) where a file's tests often take less, so each test
 *   worker keeps one migrated PGlite and empties it for the next file (every table truncated, identities
 *   restarted): the same data as a new migrated database. A second database
 *   asked for while the first is still open gets a PGlite of its own.
 */
export async function createTestDatabase(): Promise<Database> {
  return testBackend() === 'pglite' ? freshPglite() : freshPostgres();
}

interface SharedPglite {
  database: Database;
  /** Every table of the application, truncated before each file gets the database. */
  tables: string[];
  inUse: boolean;
}

// The workers run files one after another (vitest.config.ts: isolate false), so this outlives a file.
let shared: Promise<SharedPglite> | undefined;

async function startSharedPglite(): Promise<SharedPglite> {
  const database = await openDatabase({ kind: 'embedded-memory' });
  await runMigrations(database.pool);
  const { rows } = await database.pool.query<{ name: string }>(
    `select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname = 'public'`,
  );
  // The job queue's jobs too (pg-boss's schema: its queues and version stay, as a migration made them).
  rows.push({ name: 'pgboss.job' }, { name: 'pgboss.archive' });
  return { database, tables: rows.map((r) => r.name), inUse: false };
}

async function freshPglite(): Promise<Database> {
  shared ??= startSharedPglite();
  const base = await shared;
  if (base.inUse) return separatePglite();
  base.inUse = true;
  const { pool } = base.database;
  // A file that failed half-way may have left a transaction open on the one connection. (Its prepared
  // statements stay: node-postgres remembers having prepared them on this connection.)
  await pool.query('rollback').catch(() => undefined);
  await pool.query(`truncate ${base.tables.join(', ')} restart identity cascade`);
  let closed = false;
  return {
    ...base.database,
    isNew: true,
    async close() {
      if (closed) return;
      closed = true;
      base.inUse = false;
    },
  };
}

async function separatePglite(): Promise<Database> {
  const database = await openDatabase({ kind: 'embedded-memory' });
  await runMigrations(database.pool);
  return database;
}

async function freshPostgres(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl)
    throw new Error(
      'TEST_DATABASE_URL is not set: the PostgreSQL tier needs a server to create databases on',
    );
  const template = inject('postgresTemplate');
  const name = `cosell_test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `create database ${name} template ${template}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  return {
    ...database,
    async close() {
      await database.close();
      await onServer(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** Runs one statement on the PostgreSQL server, outside any database the tests use. */
export async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated database each PostgreSQL test file's database is copied from. */
    postgresTemplate: string;
  }
}
