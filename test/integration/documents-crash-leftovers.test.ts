import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimBlobDir } from '../../src/server/blobs/blob-dir-claim.js';
import { documentApi, filesUnder } from '../support/document-api.js';
import { createPersonas } from '../support/personas.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * What a kill -9 during an upload leaves in the blob directory (a partial staging file; a blob committed
 * whose row was never written) is gone after the next start, not an hour later, unless another server uses
 * the directory and may have uploads in flight.
 */
describe('co-sell documents: leftovers of a crash, at the next start', () => {
  let t: TestApp;
  let kept: { offerId: string; sha256: string };
  let owner: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const personas = await createPersonas(t.app);
    owner = personas.byName.contosoOwner.headers;
    const api = documentApi(t.app);
    const offerId = await api.createOffer(owner);
    const uploaded = await api.uploaded(
      owner,
      offerId,
      'customerOnePager',
      'kept.pdf',
      Buffer.from('%PDF-1.4\nkept\n'),
    );
    kept = { offerId, sha256: uploaded.sha256 };
  });
  afterAll(() => t?.close());

  /** A crash's leftovers, from a few seconds before the restart: well inside the usual hour's grace. */
  async function leaveCrashLeftovers() {
    const store = t.blobs;
    const orphan = await store.stage(Readable.from([Buffer.from('committed, row never written')]), {
      maxBytes: 100,
    });
    await orphan.commit();
    await writeFile(join(store.stagingDir, 'cut-short'), 'half an upload');
    const beforeTheCrash = new Date(Date.now() - 5_000);
    await utimes(store.pathOf(orphan.sha256), beforeTheCrash, beforeTheCrash);
    await utimes(join(store.stagingDir, 'cut-short'), beforeTheCrash, beforeTheCrash);
    return orphan.sha256;
  }

  it('keeps them while another server uses the blob directory (its uploads may be in flight)', async () => {
    const orphan = await leaveCrashLeftovers();
    const otherServer = await claimBlobDir(t.blobs.root);
    expect(otherServer.aloneAt).toBeDefined();
    const restarted = await claimBlobDir(t.blobs.root);
    try {
      expect(restarted.aloneAt).toBeUndefined();
      const result = await t.app.services.documents.collectUnreferencedBlobs(restarted.collectOptions());
      expect(result).toMatchObject({ deleted: 0, stagingRemoved: 0 });
      expect(await t.blobs.exists(orphan)).toBe(true);
      expect(await filesUnder(t.blobs.stagingDir)).toEqual(['cut-short']);
    } finally {
      restarted.release();
      otherServer.release();
    }
  });

  it('removes them at once when this server is alone, keeping every referenced file', async () => {
    const orphan = await leaveCrashLeftovers();
    const restarted = await claimBlobDir(t.blobs.root);
    try {
      expect(restarted.aloneAt).toBeDefined();
      const result = await t.app.services.documents.collectUnreferencedBlobs(restarted.collectOptions());
      expect(result).toMatchObject({ deleted: 1, stagingRemoved: 1 });
      expect(await t.blobs.exists(orphan)).toBe(false);
      expect(await filesUnder(t.blobs.stagingDir)).toEqual([]);
      expect(await t.blobs.exists(kept.sha256)).toBe(true);
      const api = documentApi(t.app);
      const overview = await api.overview(owner, kept.offerId);
      const document = overview.slots.flatMap((s) => s.documents)[0];
      expect(document && (await api.content(owner, kept.offerId, document.id)).statusCode).toBe(200);
      // A server starting beside it now is not alone: the directory is in use.
      const beside = await claimBlobDir(t.blobs.root);
      expect(beside.aloneAt).toBeUndefined();
      beside.release();
    } finally {
      restarted.release();
    }
  });
});
