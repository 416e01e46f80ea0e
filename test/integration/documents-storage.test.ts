import { utimes, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentApi, filesUnder } from '../support/document-api.js';
import { BOUNDARY, mp4Header, sampleFiles } from '../support/document-fixtures.js';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';

/** Waits for a state of the files on disk; a state that never comes fails the test at its own timeout. */
const until = async (condition: () => Promise<boolean>) => {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('co-sell documents: storage, limits, broken uploads, garbage collection', () => {
  let t: TestApp;
  let personas: Personas;
  let api: ReturnType<typeof documentApi>;
  let owner: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ config: { documentMaxBytes: 4096, videoMaxBytes: 16_384 } });
    personas = await createPersonas(t.app);
    api = documentApi(t.app);
    owner = personas.byName.contosoOwner.headers;
  });
  afterAll(() => t?.close());

  /** The app on a real port, for clients that misbehave at the socket level. */
  const listening = async () => {
    if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
    return (t.app.server.address() as AddressInfo).port;
  };

  const slotFiles = async (offerId: string) =>
    (await api.overview(owner, offerId)).slots.flatMap((s) => [...s.documents, ...(s.versions ?? [])]);

  it('cuts an oversized document off at its limit (413) and leaves no staging file, blob or row', async () => {
    const offerId = await api.createOffer(owner);
    const before = await filesUnder(t.blobs.root);
    const big = Buffer.concat([sampleFiles.pdf, Buffer.alloc(100_000, 0x20)]);
    const response = await api.upload(owner, offerId, 'customerOnePager', 'big.pdf', big);
    expect(response.statusCode).toBe(413);
    expect(errorBody(response).message).toMatch(/larger than 4 KiB, the limit for a document/);
    expect(await filesUnder(t.blobs.root)).toEqual(before);
    expect(await slotFiles(offerId)).toEqual([]);

    // Exactly at the limit is fine.
    const exact = Buffer.concat([sampleFiles.pdf, Buffer.alloc(4096 - sampleFiles.pdf.length, 0x20)]);
    expect((await api.upload(owner, offerId, 'customerOnePager', 'exact.pdf', exact)).statusCode).toBe(201);
  });

  it('gives videos their own, larger limit', async () => {
    const offerId = await api.createOffer(owner);
    expect((await api.upload(owner, offerId, 'otherDocuments', 'ok.mp4', mp4Header(10_000))).statusCode).toBe(
      201,
    );
    const tooBig = await api.upload(owner, offerId, 'otherDocuments', 'long.mp4', mp4Header(20_000));
    expect(tooBig.statusCode).toBe(413);
    expect(errorBody(tooBig).message).toMatch(/16 KiB, the limit for a video/);
    expect(await slotFiles(offerId)).toHaveLength(1);
  });

  it('keeps nothing of an upload whose client goes away in the middle of the file', async () => {
    const offerId = await api.createOffer(owner);
    const before = await filesUnder(t.blobs.root);
    const port = await listening();
    const head = Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="slot"\r\n\r\notherDocuments\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="demo.mp4"\r\n` +
        'Content-Type: video/mp4\r\n\r\n',
    );
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `${api.base(offerId)}/documents`,
      headers: {
        ...owner,
        'if-match': '*',
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        'content-length': String(head.length + 15_000 + 100),
      },
    });
    request.on('error', () => undefined);
    request.write(head);
    request.write(mp4Header(8_000));
    // The server is streaming the file into its staging area when the client disappears.
    await until(async () => (await filesUnder(t.blobs.root)).some((f) => f.startsWith('tmp/')));
    request.destroy();
    await until(async () => !(await filesUnder(t.blobs.root)).some((f) => f.startsWith('tmp/')));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await filesUnder(t.blobs.root)).toEqual(before);
    expect(await slotFiles(offerId)).toEqual([]);
  });

  it('answers an oversized upload with 413 while it is still arriving, and closes the connection', async () => {
    const offerId = await api.createOffer(owner);
    const port = await listening();
    const head = Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="slot"\r\n\r\notherDocuments\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n\r\n`,
    );
    // The client promises 100 MB and has sent 10 KB: the answer must not wait for the rest.
    const response = await new Promise<{ status: number; connection: string | undefined; body: string }>(
      (resolve, reject) => {
        const request = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `${api.base(offerId)}/documents`,
            headers: {
              ...owner,
              'if-match': '*',
              'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
              'content-length': String(100_000_000),
            },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => {
              resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text });
              request.destroy();
            });
          },
        );
        request.on('error', reject);
        request.write(head);
        request.write(Buffer.concat([sampleFiles.pdf, Buffer.alloc(10_000, 0x20)]));
      },
    );
    expect(response.status).toBe(413);
    expect(response.connection).toBe('close');
    expect(JSON.parse(response.body)).toMatchObject({ error: 'payload_too_large' });
    expect(await slotFiles(offerId)).toEqual([]);
    expect((await filesUnder(t.blobs.root)).filter((f) => f.startsWith('tmp/'))).toEqual([]);
  });

  it('collects unreferenced blobs and stale staging files, keeping referenced and recent ones', async () => {
    const offerId = await api.createOffer(owner);
    const kept = await api.uploaded(
      owner,
      offerId,
      'customerOnePager',
      'kept.pdf',
      Buffer.from('%PDF-1.4\nkept\n'),
    );
    const store = t.blobs;
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);

    const orphan = await store.stage(Readable.from([Buffer.from('nobody refers to me')]), { maxBytes: 100 });
    await orphan.commit();
    await utimes(store.pathOf(orphan.sha256), twoHoursAgo, twoHoursAgo);
    const fresh = await store.stage(Readable.from([Buffer.from('just committed, row on its way')]), {
      maxBytes: 100,
    });
    await fresh.commit();
    await writeFile(join(store.stagingDir, 'stale'), 'crashed upload');
    await utimes(join(store.stagingDir, 'stale'), twoHoursAgo, twoHoursAgo);
    await writeFile(join(store.stagingDir, 'in-flight'), 'uploading now');

    const result = await t.app.services.documents.collectUnreferencedBlobs();
    expect(result).toMatchObject({ deleted: 1, stagingRemoved: 1 });
    expect(await store.exists(orphan.sha256)).toBe(false);
    expect(await store.exists(fresh.sha256)).toBe(true);
    expect(await store.exists(kept.sha256)).toBe(true);
    const staging = (await filesUnder(store.root)).filter((f) => f.startsWith('tmp/'));
    expect(staging).toEqual(['tmp/in-flight']);
    expect((await api.content(owner, offerId, kept.id)).statusCode).toBe(200);

    // Deleting the offer leaves its bytes unreferenced: the next collection takes them.
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/offers/${offerId}`,
      headers: { ...owner, 'if-match': '*' },
    });
    expect(deleted.statusCode).toBe(204);
    await t.app.services.documents.collectUnreferencedBlobs({ graceMs: 0 });
    expect(await store.exists(kept.sha256)).toBe(false);
    expect(await store.exists(fresh.sha256)).toBe(false);
  });
});
