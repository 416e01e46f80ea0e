import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { tryLockFile } from '../../db/embedded/os-file-lock.js';

/** This server's use of a local blob directory, which several servers on one PostgreSQL may share. */
export interface BlobDirClaim {
  /** When this server found no other using the directory (ms since the epoch), or undefined if one was. */
  readonly aloneAt: number | undefined;
  /**
   * What `collectUnreferencedBlobs` may remove at start. Alone, everything older than `aloneAt` is a crash's
   * leftover (an upload cut short, a blob whose row was never written): nothing can be in flight, so it goes
   * at once. With another server there, its uploads may be, so the hour's grace applies.
   */
  collectOptions(now?: number): { graceMs?: number; stagingMaxAgeMs?: number };
  release(): void;
}

/**
 * Every server holds a shared OS lock on `<root>/in-use.lock` while it runs; at start one that can take it
 * exclusively knows no other server is using the directory, and turns it into a shared one straight away.
 */
export async function claimBlobDir(root: string, waitMs = 10_000): Promise<BlobDirClaim> {
  mkdirSync(root, { recursive: true });
  const path = join(root, 'in-use.lock');
  const alone = tryLockFile(path);
  if (alone) {
    const aloneAt = Date.now();
    // Only fails if the lock was lost meanwhile; then it is taken again as a shared one below.
    if (alone.downgrade()) return claim(aloneAt, alone.release);
    alone.release();
  }
  // Another server holds it; one starting this very moment holds it exclusively for an instant.
  for (const deadline = Date.now() + waitMs; Date.now() < deadline; await sleep(50)) {
    const shared = tryLockFile(path, { shared: true });
    if (shared) return claim(undefined, shared.release);
  }
  throw new Error(`Could not take a shared lock on ${path} within ${waitMs} ms.`);
}

function claim(aloneAt: number | undefined, release: () => void): BlobDirClaim {
  return {
    aloneAt,
    collectOptions(now = Date.now()) {
      if (aloneAt === undefined) return {};
      const sinceAlone = Math.max(0, now - aloneAt);
      return { graceMs: sinceAlone, stagingMaxAgeMs: sinceAlone };
    },
    release,
  };
}
