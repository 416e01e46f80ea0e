import { closeSync, fstatSync, ftruncateSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * fs-native-extensions: fcntl open-file-description locks on Linux (flock on macOS, LockFileEx on Windows),
 * prebuilt for each. The kernel holds the lock for the open file, so it goes when the process dies however it
 * dies (kill -9 included), whatever its PID, and two processes asking at once cannot both get it.
 */
const native = createRequire(import.meta.url)('fs-native-extensions') as {
  tryLock(fd: number, offset?: number, length?: number, options?: { shared?: boolean }): boolean;
  tryDowngradeLock(fd: number): boolean;
  unlock(fd: number): void;
};

/** An exclusive (or shared) lock on a file, held until `release`. */
export interface OsFileLock {
  /** Turns a held exclusive lock into a shared one without ever letting go of it. */
  downgrade(): boolean;
  release(): void;
}

/**
 * Tries once to lock `path` (created if missing), returning undefined when another open file holds it.
 *
 * `content` is written into the file once it is held (who holds it, for the refusal message). With
 * `removeOnRelease`, release deletes the file while still holding it; since a waiter may have opened the
 * file just before, a lock is only taken as held when the locked file is still the one at `path`.
 */
export function tryLockFile(
  path: string,
  options: { shared?: boolean; content?: string; removeOnRelease?: boolean; mustExist?: boolean } = {},
): OsFileLock | undefined {
  for (let attempt = 0; attempt < 5; attempt++) {
    // mustExist: look at a lock someone else made, never make one (an ENOENT error says it was not there).
    const fd = openSync(path, options.mustExist ? 'r+' : 'a+', 0o600);
    let held = false;
    try {
      held = native.tryLock(fd, 0, 0, { shared: options.shared === true });
      if (!held) return undefined;
      // Deleted (and perhaps made anew) between our open and our lock: that lock guards nothing.
      if (!sameFile(fd, path)) {
        held = false;
        continue;
      }
      if (options.content !== undefined) {
        ftruncateSync(fd);
        writeSync(fd, options.content, 0);
      }
      return lockOn(fd, path, options.removeOnRelease === true);
    } finally {
      if (!held) closeSync(fd);
    }
  }
  throw new Error(`Could not lock ${path}: it kept being replaced.`);
}

function sameFile(fd: number, path: string): boolean {
  try {
    const open = fstatSync(fd);
    const named = statSync(path);
    return open.ino === named.ino && open.dev === named.dev;
  } catch {
    return false;
  }
}

function lockOn(fd: number, path: string, removeOnRelease: boolean): OsFileLock {
  let released = false;
  return {
    downgrade: () => native.tryDowngradeLock(fd),
    release() {
      if (released) return;
      released = true;
      // Removed while still held, so no one can lock the old file and believe it guards the path.
      if (removeOnRelease) {
        try {
          unlinkSync(path);
        } catch {
          // Already gone: nothing to guard.
        }
      }
      closeSync(fd);
    },
  };
}
