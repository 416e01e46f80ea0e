import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OsFileLock, tryLockFile } from './os-file-lock.js';

const PREFIX = 'cosell-pg-';
const OWNER_LOCK = 'owner.lock';
export const SOCKET_NAME = '.s.PGSQL.5432';
/** A directory without an owner lock (made by an older version) is only judged once it is this old. */
const UNOWNED_MIN_AGE_MS = 10 * 60_000;

/** A private directory for the embedded database's socket, locked by this process while it lives. */
export interface SocketDir {
  readonly path: string;
  remove(): void;
}

/**
 * Makes the socket directory: short (socket paths are limited to about 100 bytes), 0700 (other users stay
 * out), and holding an OS lock for as long as this process has it open, so a process killed with kill -9
 * leaves a directory any later start can recognise as abandoned.
 */
export function createSocketDir(): SocketDir {
  const path = mkdtempSync(join(tmpdir(), PREFIX));
  const lock = tryLockFile(join(path, OWNER_LOCK));
  if (!lock) throw new Error(`Could not lock the new socket directory ${path}`);
  return {
    path,
    remove() {
      rmSync(path, { recursive: true, force: true });
      lock.release();
    },
  };
}

/** Whether something accepts connections on the socket (an older version's server without an owner lock). */
function isServing(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Removes the socket directories of embedded servers that were killed before they could remove their own:
 * those whose owner lock nobody holds. Returns how many went.
 */
export async function removeAbandonedSocketDirs(root = tmpdir(), now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = readdirSync(root).filter((name) => name.startsWith(PREFIX));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const path = join(root, name);
    let lock: OsFileLock | undefined;
    try {
      lock = tryLockFile(join(path, OWNER_LOCK), { mustExist: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Another user's directory, or one that went while we looked: not ours to judge.
      if (code !== 'ENOENT') continue;
      // No owner lock: made by an older version, or made this instant and not locked yet.
      const made = statSync(path, { throwIfNoEntry: false });
      if (!made || now - made.mtimeMs < UNOWNED_MIN_AGE_MS) continue;
      if (await isServing(join(path, SOCKET_NAME))) continue;
      rmSync(path, { recursive: true, force: true });
      removed++;
      continue;
    }
    if (!lock) continue; // its server is alive
    rmSync(path, { recursive: true, force: true });
    lock.release();
    removed++;
  }
  return removed;
}
