import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../src/db/database.js';
import type { PgliteThread } from '../../../src/db/embedded/pglite-thread.js';

type EmbeddedDatabase = Database & { thread?: PgliteThread };

const openerScript = fileURLToPath(new URL('../../support/open-data-dir.ts', import.meta.url));

/** Opens `dataDir` from another Node process. */
function openFromAnotherProcess(dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', openerScript, dataDir],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function threadOf(database: EmbeddedDatabase): PgliteThread {
  if (!database.thread) throw new Error('an embedded database has a thread');
  return database.thread;
}

describe('the embedded data directory', () => {
  let root: string;
  let dataDir: string;
  let database: EmbeddedDatabase | undefined;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'cosell-data-dir-'));
    dataDir = join(root, 'data');
  });
  afterAll(async () => {
    await database?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('creates a new database and keeps what was written across close and reopen', async () => {
    database = await openDatabase({ kind: 'embedded', dataDir });
    expect(database.isNew).toBe(true);
    await database.pool.query('create table notes (id int primary key, body text not null)');
    await database.pool.query("insert into notes values (1, 'kept'), (2, 'also kept')");
    await database.close();
    expect(existsSync(join(dataDir, 'cosell.lock'))).toBe(false);

    database = await openDatabase({ kind: 'embedded', dataDir });
    expect(database.isNew).toBe(false);
    const { rows } = await database.pool.query('select body from notes order by id');
    expect(rows.map((r) => r.body)).toEqual(['kept', 'also kept']);
  });

  it('refuses a second process with a clear message while the directory is open', async () => {
    const child = await openFromAnotherProcess(dataDir);
    expect(child.code).not.toBe(0);
    expect(child.stdout).not.toContain('opened');
    expect(child.stderr).toContain('already in use');
    expect(child.stderr).toContain(String(process.pid));
    expect(child.stderr).toContain('COSELL_DATA_DIR');
    // The refusal left the holder's lock and data alone.
    expect(JSON.parse(readFileSync(join(dataDir, 'cosell.lock'), 'utf8')).pid).toBe(process.pid);
    const { rows } = await (database as EmbeddedDatabase).pool.query('select count(*)::int as n from notes');
    expect(rows[0].n).toBe(2);
  });

  it('refuses a second open from the same process too', async () => {
    await expect(openDatabase({ kind: 'embedded', dataDir })).rejects.toThrow(/already in use/);
  });

  it('takes over a lock left by a process that has died', async () => {
    await database?.close();
    database = undefined;
    const dead = spawnSync(process.execPath, ['-e', '0']);
    expect(dead.status).toBe(0);
    writeFileSync(
      join(dataDir, 'cosell.lock'),
      JSON.stringify({ pid: dead.pid, host: 'gone', since: '2020-01-01' }),
    );

    database = await openDatabase({ kind: 'embedded', dataDir });
    expect(database.isNew).toBe(false);
    expect(JSON.parse(readFileSync(join(dataDir, 'cosell.lock'), 'utf8')).pid).toBe(process.pid);
    const { rows } = await database.pool.query('select count(*)::int as n from notes');
    expect(rows[0].n).toBe(2);
  });

  it('runs a CPU-heavy query without blocking the event loop', async () => {
    const db = database as EmbeddedDatabase;
    let settled = false;
    const query = db.pool.query('select count(*)::int as n from generate_series(1, 3000000)').finally(() => {
      settled = true;
    });
    // PGlite on this thread would run the whole query inside one turn of the event loop, so the loop could not
    // turn again until it had finished. On its own thread the loop keeps turning while the query runs: count
    // turns, not milliseconds, so a busy machine cannot make this pass or fail.
    let turns = 0;
    while (!settled && turns < 50) {
      await new Promise((resolve) => setImmediate(resolve));
      turns++;
    }
    expect(settled, 'the query finished within 50 turns of the event loop').toBe(false);
    const { rows } = await query;
    expect(rows[0].n).toBe(3_000_000);
  });

  it('bulk-loads rows through copyFrom', async () => {
    const db = database as EmbeddedDatabase;
    await db.pool.query('create table t (id int, name text)');
    const lines = Array.from({ length: 5000 }, (_, i) => `${i + 1},"name, ${i + 1}"`).join('\n');
    const loaded = await threadOf(db).copyFrom(
      "copy t from '/dev/blob' with (format csv)",
      new TextEncoder().encode(`${lines}\n`),
    );
    expect(loaded).toBe(5000);
    const { rows } = await db.pool.query('select count(*)::int as n, max(id) as top from t');
    expect(rows[0]).toEqual({ n: 5000, top: 5000 });
    const { rows: sample } = await db.pool.query('select name from t where id = 42');
    expect(sample[0].name).toBe('name, 42');
  });

  it('reports a failed copy as a rejection', async () => {
    const db = database as EmbeddedDatabase;
    await expect(
      threadOf(db).copyFrom(
        "copy t from '/dev/blob' with (format csv)",
        new TextEncoder().encode('not-a-number,x\n'),
      ),
    ).rejects.toThrow(/integer/);
  });

  it('answers ping while running and rejects it once the thread is closed', async () => {
    const db = database as EmbeddedDatabase;
    await expect(db.ping(2000)).resolves.toBeUndefined();
    await threadOf(db).close();
    await expect(db.ping(1000)).rejects.toThrow();
  });
});
