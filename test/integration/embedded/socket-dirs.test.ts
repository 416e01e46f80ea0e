import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeAbandonedSocketDirs } from '../../../src/db/embedded/socket-dirs.js';

const holderScript = fileURLToPath(new URL('../../support/hold-socket-dir.ts', import.meta.url));

/** A process that made a socket directory under `root` and keeps running until killed. */
async function startHolder(root: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript], {
    env: { ...process.env, TMPDIR: root },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const dir = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.trim());
    });
  });
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };
  return { dir, kill };
}

describe("the embedded database's socket directories", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'cosell-sockets-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('removes those of servers killed with kill -9, and keeps those of live ones', async () => {
    const killed = await startHolder(root);
    const alive = await startHolder(root);
    try {
      await killed.kill();
      // An older version's directory (no owner lock, no one listening) from long ago, and one made just now.
      const old = join(root, 'cosell-pg-olderversion');
      mkdirSync(old);
      const longAgo = new Date(Date.now() - 3_600_000);
      utimesSync(old, longAgo, longAgo);
      const fresh = join(root, 'cosell-pg-justmade');
      mkdirSync(fresh);
      const unrelated = join(root, 'something-else');
      mkdirSync(unrelated);

      expect(existsSync(killed.dir)).toBe(true);
      expect(await removeAbandonedSocketDirs(root)).toBe(2);
      // (tsx, which runs the holders, keeps its cache in $TMPDIR too.)
      expect(
        readdirSync(root)
          .filter((name) => name !== 'tsx-0')
          .sort(),
      ).toEqual([alive.dir.slice(root.length + 1), 'cosell-pg-justmade', 'something-else'].sort());
      // A second start finds nothing more to remove.
      expect(await removeAbandonedSocketDirs(root)).toBe(0);
    } finally {
      await killed.kill();
      await alive.kill();
    }
    // Once its server has gone too, its directory goes at the next start.
    expect(await removeAbandonedSocketDirs(root)).toBe(1);
    expect(existsSync(alive.dir)).toBe(false);
  });
});
