import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobTooLargeError } from '../../src/server/blobs/blob-store.js';
import { LocalDiskBlobStore } from '../../src/server/blobs/local-disk-blob-store.js';

describe('local disk blob store: staging', () => {
  let root: string;
  let store: LocalDiskBlobStore;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'cosell-blobs-'));
    store = new LocalDiskBlobStore(root);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('leaves no staging file behind when the very first chunk is over the limit', async () => {
    // The limit trips before the staging file has finished opening, and the source is destroyed at once:
    // the pipeline settles before the file is closed, and the store must wait for it.
    for (let attempt = 0; attempt < 20; attempt++) {
      const eager = new Readable({
        read() {
          this.push(Buffer.alloc(1000));
        },
      });
      await expect(store.stage(eager, { maxBytes: 10 })).rejects.toBeInstanceOf(BlobTooLargeError);
      expect(await readdir(store.stagingDir)).toEqual([]);
    }
  });

  it('leaves no staging file behind when the source fails part-way', async () => {
    async function* brokenUpload() {
      yield Buffer.from('%PDF-1.4\n');
      throw new Error('connection reset');
    }
    await expect(store.stage(Readable.from(brokenUpload()), { maxBytes: 1000 })).rejects.toThrow(
      'connection reset',
    );
    expect(await readdir(store.stagingDir)).toEqual([]);
  });
});
