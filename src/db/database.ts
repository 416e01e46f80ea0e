import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle, type NodePgDatabase, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { type DataDirLock, lockDataDir } from './embedded/data-dir-lock.js';
import { type PgliteThread, startPgliteThread } from './embedded/pglite-thread.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** A database handle or a transaction: repositories accept either, so a service can run them in one. */
export type Db = PgDatabase<NodePgQueryResultHKT, Schema>;
export type RootDb = NodePgDatabase<Schema>;

/** An open database: Drizzle on node-postgres, whether the server is PGlite on a thread or PostgreSQL. */
export interface Database {
  readonly kind: 'embedded' | 'postgres';
  readonly db: RootDb;
  readonly pool: pg.Pool;
  /** True when this process created the database (an embedded data directory that did not exist). */
  readonly isNew: boolean;
  /** Resolves when the database answers a query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'embedded-memory' }
  | { kind: 'postgres'; url: string; poolSize?: number };

// Timestamps leave the database as ISO strings in UTC; Drizzle's mode: 'date' turns them into Dates.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

function createDb(pool: pg.Pool): RootDb {
  return drizzle(pool, { schema });
}

function pingWith(pool: pg.Pool) {
  return async (timeoutMs = 2000) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`The database did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([pool.query('select 1'), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Opens the database the options name. The embedded one is locked against a second process. */
export async function openDatabase(options: DatabaseOptions): Promise<Database & { thread?: PgliteThread }> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    pool.on('error', () => undefined); // an idle client's error surfaces on its next query
    return {
      kind: 'postgres',
      db: createDb(pool),
      pool,
      isNew: false,
      ping: pingWith(pool),
      close: () => pool.end(),
    };
  }

  let lock: DataDirLock | undefined;
  let pgliteDir = 'memory://';
  let isNew = true;
  if (options.kind === 'embedded') {
    lock = lockDataDir(options.dataDir);
    pgliteDir = join(options.dataDir, 'pg');
    isNew = !existsSync(pgliteDir) || readdirSync(pgliteDir).length === 0;
  }
  let thread: PgliteThread;
  try {
    thread = await startPgliteThread(pgliteDir);
  } catch (error) {
    lock?.release();
    throw error;
  }
  // PGlite is one backend: pglite-socket multiplexes connections onto it, so session state such as named
  // prepared statements would collide between them ("prepared statement already exists"). One connection
  // is the honest model; requests queue for it in Node, as they would queue inside PGlite anyway. It is never
  // closed for idleness: its successor would meet its prepared statements and fail.
  const poolConfig: pg.PoolConfig = {
    host: thread.socketDir,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    idleTimeoutMillis: 0,
    // Should the connection ever be replaced, the backend still holds the old one's named statements.
    onConnect: async (client: pg.ClientBase) => {
      await client.query('deallocate all');
    },
  };
  const pool = new pg.Pool(poolConfig);
  pool.on('error', () => undefined);
  return {
    kind: 'embedded',
    db: createDb(pool),
    pool,
    isNew,
    thread,
    ping: pingWith(pool),
    async close() {
      await pool.end();
      await thread.close();
      lock?.release();
    },
  };
}
