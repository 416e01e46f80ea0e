import { mkdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { tryLockFile } from './os-file-lock.js';

/** Thrown when another live process holds the data directory. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number | undefined,
  ) {
    super(
      `The data directory ${dataDir} is already in use by ${holderPid === undefined ? 'another process' : `process ${holderPid}`}. ` +
        'Stop that process, or give this one another directory with COSELL_DATA_DIR or --data-dir.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): void;
}

/**
 * Takes an exclusive lock on a data directory. PGlite itself lets two processes open one directory and
 * silently loses one side's writes, so a second process (or a second open in this one) must be refused.
 *
 * The lock is the operating system's (os-file-lock.ts), not a PID in a file: a process that died, even by
 * kill -9, holds nothing, so its leftover file is simply locked again; a new process that happens to get the
 * dead one's PID (a container's PID 1 after an unclean stop) is not mistaken for it; and of two processes
 * taking over one leftover file at once, the kernel lets exactly one in. The file's content (pid, host,
 * since) only serves the refusal message.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'cosell.lock');
  const lock = tryLockFile(lockFile, {
    content: JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }),
    removeOnRelease: true,
  });
  if (!lock) throw new DataDirLockedError(dataDir, readLockHolder(lockFile));
  return lock;
}

function readLockHolder(lockFile: string): number | undefined {
  try {
    const content = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid?: unknown };
    return typeof content.pid === 'number' ? content.pid : undefined;
  } catch {
    return undefined;
  }
}
