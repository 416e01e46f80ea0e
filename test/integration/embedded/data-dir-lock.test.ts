import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../../src/db/embedded/data-dir-lock.js';

const lockerScript = fileURLToPath(new URL('../../support/lock-data-dir.ts', import.meta.url));

/** A process that locks `dataDir` when told to (see test/support/lock-data-dir.ts). */
interface Locker {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with each line the process prints, in order. */
  nextLine(): Promise<string>;
}

function startLocker(dataDir: string): Locker {
  const child = spawn(process.execPath, ['--import', 'tsx', lockerScript, dataDir]);
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffered = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  return {
    child,
    nextLine: () => {
      const line = lines.shift();
      return line !== undefined ? Promise.resolve(line) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

function exited(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

describe('the data directory lock', () => {
  let root: string;
  let dataDir: string;
  const lockers: Locker[] = [];

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'cosell-lock-'));
  });
  afterEach(async () => {
    for (const { child } of lockers.splice(0)) {
      child.kill('SIGKILL');
      await exited(child);
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  let round = 0;
  const freshDir = () => join(root, `data-${++round}`);
  const lockFileOf = (dir: string) => join(dir, 'cosell.lock');

  it('takes over a lock file naming this very process: a container PID 1 restarted after an unclean stop', () => {
    dataDir = freshDir();
    lockDataDir(dataDir).release();
    writeFileSync(
      lockFileOf(dataDir),
      JSON.stringify({ pid: process.pid, host: 'container', since: '2020-01-01' }),
    );
    const lock = lockDataDir(dataDir);
    expect(JSON.parse(readFileSync(lockFileOf(dataDir), 'utf8')).since).not.toBe('2020-01-01');
    // Held, by the operating system: a second open in this process is still refused.
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    lock.release();
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
  });

  it('takes over from a process killed with kill -9 while it held the lock', async () => {
    dataDir = freshDir();
    const holder = startLocker(dataDir);
    lockers.push(holder);
    expect(await holder.nextLine()).toBe('ready');
    holder.child.stdin.write('go\n');
    expect(await holder.nextLine()).toBe('locked');
    expect(() => lockDataDir(dataDir)).toThrow(new RegExp(`in use by process ${holder.child.pid}`));

    holder.child.kill('SIGKILL');
    await exited(holder.child);
    // The dead holder's file is still there, naming it; the lock is not.
    expect(JSON.parse(readFileSync(lockFileOf(dataDir), 'utf8')).pid).toBe(holder.child.pid);
    const lock = lockDataDir(dataDir);
    expect(JSON.parse(readFileSync(lockFileOf(dataDir), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('lets exactly one of several processes take over one stale lock at the same moment', async () => {
    dataDir = freshDir();
    lockDataDir(dataDir).release();
    const dead = spawnSync(process.execPath, ['-e', '0']);
    for (let attempt = 0; attempt < 2; attempt++) {
      // A lock file left behind by a process that is gone, which every contender sees at once.
      writeFileSync(lockFileOf(dataDir), JSON.stringify({ pid: dead.pid, host: 'gone', since: '2020' }));
      const contenders = Array.from({ length: 4 }, () => startLocker(dataDir));
      lockers.push(...contenders);
      for (const contender of contenders) expect(await contender.nextLine()).toBe('ready');
      for (const contender of contenders) contender.child.stdin.write('go\n');
      const outcomes = await Promise.all(contenders.map((c) => c.nextLine()));
      expect(outcomes.filter((o) => o === 'locked')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'refused')).toHaveLength(3);
      // This process is refused too while the winner lives, and gets in once it has stopped.
      const winner = contenders[outcomes.indexOf('locked')] as Locker;
      expect(() => lockDataDir(dataDir)).toThrow(new RegExp(`in use by process ${winner.child.pid}`));
      for (const { child } of lockers.splice(0)) {
        child.stdin.end();
        await exited(child);
      }
      lockDataDir(dataDir).release();
    }
  });
});
