import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertSha256,
  BlobNotFoundError,
  type BlobStore,
  type StagedBlob,
  type StoredBlob,
} from './blob-store.js';
import { MeasuringTransform } from './measuring-transform.js';

const HEX2 = /^[0-9a-f]{2}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Resolves once the stream has released its file descriptor (at once if it already has). */
function closed(stream: WriteStream): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => stream.once('close', () => resolve()));
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Blobs as files under one directory, content-addressed: `<root>/ab/cd/<sha256>`. Uploads are written to
 * `<root>/tmp/<random>`, fsynced, then renamed into place and the directory fsynced, so the content area
 * only ever holds whole files whose name is their hash. A crash leaves at most a staging file, which
 * `removeStaleStaging` cleans up.
 */
export class LocalDiskBlobStore implements BlobStore {
  readonly stagingDir: string;

  constructor(readonly root: string) {
    this.stagingDir = join(root, 'tmp');
  }

  /** Where a blob lives. Only ever called with a validated hash: nothing from a client decides a path. */
  pathOf(sha256: string): string {
    assertSha256(sha256);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async stage(source: Readable, { maxBytes }: { maxBytes: number }): Promise<StagedBlob> {
    await mkdir(this.stagingDir, { recursive: true });
    const stagingPath = join(this.stagingDir, randomBytes(16).toString('hex'));
    const measure = new MeasuringTransform(maxBytes);
    // flush: the file is fsynced before it is closed, so the rename below never publishes lost bytes.
    const file = createWriteStream(stagingPath, {
      flags: 'wx',
      mode: 0o600,
      flush: true,
      highWaterMark: 1 << 20,
    });
    try {
      await pipeline(source, measure, file);
    } catch (error) {
      // A failed pipeline does not wait for the file to close, and the file may not even be open yet:
      // removing it before then would let the pending open create it again, behind our back.
      await closed(file);
      await rm(stagingPath, { force: true });
      throw error;
    }

    const sha256 = measure.digest();
    const tail = measure.tail();
    let settled = false;
    return {
      sha256,
      size: measure.size,
      head: measure.head(),
      ...(tail && { tail }),
      commit: async () => {
        if (settled) return;
        const target = this.pathOf(sha256);
        const directory = dirname(target);
        await mkdir(directory, { recursive: true });
        if (await this.exists(sha256)) {
          // Same bytes already stored: keep those, and mark them fresh so garbage collection's grace
          // period covers the row about to be written.
          await rm(stagingPath, { force: true });
          const now = new Date();
          await utimes(target, now, now);
        } else {
          await rename(stagingPath, target);
          await fsyncPath(directory);
          // New directories must survive a crash too.
          await fsyncPath(dirname(directory));
          await fsyncPath(this.root);
        }
        settled = true;
      },
      discard: async () => {
        if (settled) return;
        settled = true;
        await rm(stagingPath, { force: true });
      },
    };
  }

  async open(sha256: string, range?: { start: number; end: number }): Promise<Readable> {
    const path = this.pathOf(sha256);
    if (!(await this.exists(sha256))) throw new BlobNotFoundError(sha256);
    return createReadStream(path, { ...range, highWaterMark: 256 * 1024 });
  }

  async size(sha256: string): Promise<number | undefined> {
    return (await this.stat(sha256))?.size;
  }

  async stat(sha256: string): Promise<StoredBlob | undefined> {
    try {
      const info = await stat(this.pathOf(sha256));
      return { sha256, size: info.size, modifiedAt: info.mtime };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    return (await this.size(sha256)) !== undefined;
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  async *list(): AsyncIterable<StoredBlob> {
    const names = async (path: string) => {
      try {
        return await readdir(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    };
    for (const first of await names(this.root)) {
      if (!HEX2.test(first)) continue;
      for (const second of await names(join(this.root, first))) {
        if (!HEX2.test(second)) continue;
        for (const name of await names(join(this.root, first, second))) {
          if (!SHA256_HEX.test(name) || !name.startsWith(first + second)) continue;
          const info = await stat(join(this.root, first, second, name)).catch(() => undefined);
          if (info) yield { sha256: name, size: info.size, modifiedAt: info.mtime };
        }
      }
    }
  }

  async removeStaleStaging(olderThanMs: number): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.stagingDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for (const name of names) {
      const path = join(this.stagingDir, name);
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtimeMs < cutoff) {
        await rm(path, { force: true, recursive: true });
        removed++;
      }
    }
    return removed;
  }
}
