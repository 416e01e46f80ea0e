import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { type App, createApp } from '../../src/server/app.js';
import { BlobNotFoundError, type BlobStore, BlobTooLargeError } from '../../src/server/blobs/blob-store.js';
import { createBlobStore, s3ClientFor } from '../../src/server/blobs/create-blob-store.js';
import { LocalDiskBlobStore } from '../../src/server/blobs/local-disk-blob-store.js';
import { CHUNK_BYTES, PostgresBlobStore } from '../../src/server/blobs/postgres-blob-store.js';
import { S3BlobStore } from '../../src/server/blobs/s3-blob-store.js';
import { loadDeploymentConfig } from '../../src/server/deployment-config.js';
import { documentApi, filesUnder } from '../support/document-api.js';
import { mp4Header } from '../support/document-fixtures.js';
import { createPersonas } from '../support/personas.js';
import { S3RVER_CREDENTIALS, startS3TestServer } from '../support/s3-test-server.js';
import { testConfig } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-database.js';

/** A store with a way to see what it keeps besides committed blobs, which must be nothing once a test is done. */
interface StoreUnderTest {
  store: BlobStore;
  /** Staging files, staging rows and pieces, staging objects, open multipart uploads; blobs not whole. */
  leftovers(): Promise<string[]>;
  close(): Promise<void>;
}

/** The store the server makes (main.ts) from these environment variables. */
function configuredStore(env: Record<string, string>, on: { dataDir: string; database: Database }) {
  const issues: string[] = [];
  const config = loadDeploymentConfig(env, issues);
  if (!config) throw new Error(issues.join('\n'));
  return {
    config: config.blobStore,
    store: createBlobStore(config.blobStore, { dataDir: on.dataDir, db: on.database.db }),
  };
}

const stores: { name: string; open(database: Database): Promise<StoreUnderTest> }[] = [
  {
    name: 'local disk',
    async open(database) {
      const dataDir = await mkdtemp(join(tmpdir(), 'cosell-data-'));
      const { store } = configuredStore({ COSELL_BLOB_STORE: 'local' }, { dataDir, database });
      expect(store).toBeInstanceOf(LocalDiskBlobStore);
      return {
        store,
        leftovers: async () =>
          (await filesUnder(join(dataDir, 'blobs'))).filter((file) => file.startsWith('tmp/')),
        close: () => rm(dataDir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'PostgreSQL',
    async open(database) {
      const { store } = configuredStore(
        { COSELL_BLOB_STORE: 'postgres' },
        { dataDir: '/nonexistent', database },
      );
      expect(store).toBeInstanceOf(PostgresBlobStore);
      return {
        store,
        async leftovers() {
          const { rows } = await database.pool.query<{ what: string }>(`
            select 'staging row ' || id as what from blob_staging
            union all
            select distinct 'pieces of ' || blob_key from blob_chunks
              where blob_key not in (select sha256 from blobs)
            union all
            select 'blob ' || b.sha256 || ' is not whole' from blobs b
              left join (select blob_key, sum(octet_length(bytes)) as stored from blob_chunks group by blob_key) c
                on c.blob_key = b.sha256
              where coalesce(c.stored, 0) <> b.size`);
          return rows.map((row) => row.what);
        },
        close: async () => undefined,
      };
    },
  },
  {
    name: 'S3 (s3rver)',
    async open(database) {
      const server = await startS3TestServer();
      // The store's credentials come from the SDK's default chain, as in production: here the environment.
      const saved = Object.fromEntries(Object.keys(S3RVER_CREDENTIALS).map((key) => [key, process.env[key]]));
      Object.assign(process.env, S3RVER_CREDENTIALS);
      const { store, config } = configuredStore(
        { COSELL_BLOB_STORE: `s3://${server.bucket}/documents`, COSELL_S3_ENDPOINT: server.endpoint },
        { dataDir: '/nonexistent', database },
      );
      expect(store).toBeInstanceOf(S3BlobStore);
      if (config.kind !== 's3') throw new Error('not an S3 configuration');
      // A client of the test's own, to look into the bucket.
      const client = s3ClientFor(config);
      const { bucket, prefix } = config;
      return {
        store,
        async leftovers() {
          const found: string[] = [];
          for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket, Prefix: prefix })) {
            for (const object of page.Contents ?? []) {
              if (!/^sha256\/[0-9a-f]{64}$/.test((object.Key ?? '').slice(prefix.length)))
                found.push(`object ${object.Key}`);
            }
          }
          return [...found, ...(await server.openUploads()).map((id) => `multipart upload ${id}`)];
        },
        async close() {
          client.destroy();
          await server.close();
          for (const [key, value] of Object.entries(saved)) {
            if (value === undefined) delete process.env[key];
            else process.env[key] = value;
          }
        },
      };
    },
  },
];

/** A limit no test's content reaches. */
const ROOMY = 64 * 1024 * 1024;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The bytes as a network would deliver them: 64 KiB at a time. */
function source(bytes: Buffer): Readable {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 65_536) pieces.push(bytes.subarray(at, at + 65_536));
  return Readable.from(pieces);
}

/** A source that sends `bytes` random bytes, then fails as a request does when its client goes away. */
function cutOffAfter(bytes: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytes) {
        this.destroy(new Error('the client went away'));
        return;
      }
      const piece = randomBytes(Math.min(65_536, bytes - sent));
      sent += piece.length;
      this.push(piece);
    },
  });
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe.each(stores)('blob store contract: $name', (kind) => {
  let database: Database;
  let subject: StoreUnderTest;
  let store: BlobStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    subject = await kind.open(database);
    store = subject.store;
  });
  afterAll(async () => {
    await subject?.close();
    await database?.close();
  });

  /** Committed blob hashes, sorted, and the leftovers: what a failed or dropped upload must not change. */
  const snapshot = async () => {
    const hashes: string[] = [];
    for await (const blob of store.list()) hashes.push(blob.sha256);
    return { hashes: hashes.sort(), leftovers: await subject.leftovers() };
  };

  it('stages while hashing and measuring, and serves the committed bytes under their hash', async () => {
    const bytes = randomBytes(700 * 1024);
    const staged = await store.stage(source(bytes), { maxBytes: bytes.length });
    expect(staged).toMatchObject({ sha256: sha256(bytes), size: bytes.length });
    expect(Buffer.from(staged.head).equals(bytes.subarray(0, 64 * 1024))).toBe(true);
    expect(staged.tail).toBeUndefined();
    expect(await store.exists(staged.sha256)).toBe(false);

    await staged.commit();
    expect((await readAll(await store.open(staged.sha256))).equals(bytes)).toBe(true);
    expect(await store.exists(staged.sha256)).toBe(true);
    expect(await store.size(staged.sha256)).toBe(bytes.length);
    const stat = await store.stat(staged.sha256);
    expect(stat?.size).toBe(bytes.length);
    expect(Math.abs((stat?.modifiedAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    expect(await subject.leftovers()).toEqual([]);
  });

  it('serves any inclusive byte range, across the pieces the bytes are kept in', async () => {
    const bytes = randomBytes(3 * CHUNK_BYTES + 1234);
    const staged = await store.stage(source(bytes), { maxBytes: bytes.length });
    await staged.commit();
    const last = bytes.length - 1;
    for (const [start, end] of [
      [0, 0],
      [CHUNK_BYTES - 10, CHUNK_BYTES + 9],
      [CHUNK_BYTES, 2 * CHUNK_BYTES - 1],
      [100, last - 100],
      [last, last],
      [0, last],
    ] as const) {
      const part = await readAll(await store.open(staged.sha256, { start, end }));
      expect(part.equals(bytes.subarray(start, end + 1)), `bytes ${start}-${end}`).toBe(true);
    }
  });

  it('keeps the last 64 KiB of a compound file (.doc) for the sniffer, and stores an empty file', async () => {
    const compound = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      randomBytes(200 * 1024),
    ]);
    const staged = await store.stage(source(compound), { maxBytes: compound.length });
    await staged.discard();
    const tail = Buffer.from(staged.tail ?? []);
    expect(tail.length).toBeGreaterThanOrEqual(64 * 1024);
    expect(tail.equals(compound.subarray(compound.length - tail.length))).toBe(true);

    const empty = await store.stage(source(Buffer.alloc(0)), { maxBytes: 10 });
    expect(empty).toMatchObject({ sha256: sha256(Buffer.alloc(0)), size: 0 });
    await empty.commit();
    expect(await store.size(empty.sha256)).toBe(0);
    expect((await readAll(await store.open(empty.sha256))).length).toBe(0);
  });

  it('cuts a source off past maxBytes with BlobTooLargeError and keeps nothing of it', async () => {
    const before = await snapshot();
    await expect(store.stage(source(randomBytes(5000)), { maxBytes: 4096 })).rejects.toBeInstanceOf(
      BlobTooLargeError,
    );
    // Large enough that S3 has started a multipart upload (5 MiB parts) when the limit cuts in.
    await expect(
      store.stage(source(randomBytes(8 * 1024 * 1024)), { maxBytes: 6 * 1024 * 1024 }),
    ).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await snapshot()).toEqual(before);

    const exact = randomBytes(4096);
    const staged = await store.stage(source(exact), { maxBytes: 4096 });
    expect(staged.size).toBe(4096);
    await staged.discard();
  });

  it('keeps nothing of a source that fails half-way (a client that went away)', async () => {
    const before = await snapshot();
    await expect(store.stage(cutOffAfter(200_000), { maxBytes: ROOMY })).rejects.toThrow(
      'the client went away',
    );
    // Past two S3 parts: the multipart upload must be aborted, not left with its parts stored.
    await expect(store.stage(cutOffAfter(12 * 1024 * 1024), { maxBytes: ROOMY })).rejects.toThrow(
      'the client went away',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('drops a discarded upload, and discard after commit leaves the bytes', async () => {
    const before = await snapshot();
    const dropped = await store.stage(source(randomBytes(300_000)), { maxBytes: ROOMY });
    await dropped.discard();
    await dropped.discard();
    expect(await store.exists(dropped.sha256)).toBe(false);
    expect(await snapshot()).toEqual(before);

    const kept = await store.stage(source(randomBytes(1000)), { maxBytes: ROOMY });
    await kept.commit();
    await kept.discard();
    expect(await store.exists(kept.sha256)).toBe(true);
  });

  it('stores the same bytes once; committing them again is fine and marks them fresh', async () => {
    const bytes = randomBytes(400_000);
    const first = await store.stage(source(bytes), { maxBytes: bytes.length });
    await first.commit();
    await first.commit();
    const committedAt = (await store.stat(first.sha256))?.modifiedAt.getTime() ?? 0;
    // S3 keeps LastModified to the second.
    await sleep(1100);
    const second = await store.stage(source(bytes), { maxBytes: bytes.length });
    expect(second.sha256).toBe(first.sha256);
    await second.commit();

    expect((await store.stat(first.sha256))?.modifiedAt.getTime()).toBeGreaterThan(committedAt);
    const listed: string[] = [];
    for await (const blob of store.list()) if (blob.sha256 === first.sha256) listed.push(blob.sha256);
    expect(listed).toHaveLength(1);
    expect((await readAll(await store.open(first.sha256))).equals(bytes)).toBe(true);
    expect(await subject.leftovers()).toEqual([]);
  });

  it('lists every committed blob with its size, and deletes one', async () => {
    const blobs = [randomBytes(10), randomBytes(70_000), randomBytes(CHUNK_BYTES + 1)];
    const hashes: string[] = [];
    for (const bytes of blobs) {
      const staged = await store.stage(source(bytes), { maxBytes: ROOMY });
      await staged.commit();
      hashes.push(staged.sha256);
    }
    const listed = new Map<string, number>();
    for await (const blob of store.list()) listed.set(blob.sha256, blob.size);
    expect(hashes.map((hash) => listed.get(hash))).toEqual(blobs.map((bytes) => bytes.length));

    const gone = hashes[1] as string;
    await store.delete(gone);
    await store.delete(gone);
    expect(await store.exists(gone)).toBe(false);
    expect(await store.stat(gone)).toBeUndefined();
    expect(await store.size(gone)).toBeUndefined();
    await expect(store.open(gone)).rejects.toBeInstanceOf(BlobNotFoundError);
    const after: string[] = [];
    for await (const blob of store.list()) after.push(blob.sha256);
    expect(after).not.toContain(gone);
    expect(after).toContain(hashes[0]);
    expect(after).toContain(hashes[2]);
    expect(await subject.leftovers()).toEqual([]);
  });

  it('removes staging left by a crash once it is old enough; a commit after that fails', async () => {
    const crashed = await store.stage(source(randomBytes(CHUNK_BYTES + 5)), { maxBytes: ROOMY });
    expect(await subject.leftovers()).not.toEqual([]);
    expect(await store.removeStaleStaging(3_600_000)).toBe(0);
    expect(await subject.leftovers()).not.toEqual([]);

    await sleep(20);
    expect(await store.removeStaleStaging(0)).toBe(1);
    expect(await subject.leftovers()).toEqual([]);
    // Its bytes are gone: recording them now would name bytes that are not there.
    await expect(crashed.commit()).rejects.toThrow();
    expect(await store.exists(crashed.sha256)).toBe(false);
    expect(await subject.leftovers()).toEqual([]);
  });

  describe('behind the app', () => {
    let app: App;
    let owner: Record<string, string>;
    let api: ReturnType<typeof documentApi>;

    beforeAll(async () => {
      app = await createApp({ config: testConfig(), database, logger: false, webRoot: null, blobs: store });
      await app.ready();
      owner = (await createPersonas(app)).byName.contosoOwner.headers;
      api = documentApi(app);
    });
    afterAll(() => app?.close());

    it('restores an earlier version of a document from the bytes it kept', async () => {
      const offerId = await api.createOffer(owner);
      const v1Bytes = Buffer.from('%PDF-1.7\nversion one\n');
      const v1 = await api.uploaded(owner, offerId, 'customerPresentation', 'deck v1.pdf', v1Bytes);
      await api.uploaded(
        owner,
        offerId,
        'customerPresentation',
        'deck v2.pdf',
        Buffer.from('%PDF-1.7\nv2\n'),
      );
      const restored = await api.restore(owner, offerId, v1.id);
      expect(restored.statusCode, restored.body).toBe(201);
      const current = restored.json() as { id: string; sha256: string };
      expect(current.sha256).toBe(sha256(v1Bytes));
      expect((await api.content(owner, offerId, current.id)).rawPayload.equals(v1Bytes)).toBe(true);
    });

    it('uploads and downloads a document, whole and by range, and collects what no row refers to', async () => {
      const offerId = await api.createOffer(owner);
      const video = mp4Header(3 * 1024 * 1024);
      const uploaded = await api.uploaded(owner, offerId, 'otherDocuments', 'demo.mp4', video);
      expect(uploaded).toMatchObject({ sha256: sha256(video), size: video.length });

      const whole = await api.content(owner, offerId, uploaded.id);
      expect(whole.statusCode).toBe(200);
      expect(whole.rawPayload.equals(video)).toBe(true);
      const start = CHUNK_BYTES - 100;
      const end = 2 * CHUNK_BYTES + 100;
      const part = await api.content(owner, offerId, uploaded.id, { range: `bytes=${start}-${end}` });
      expect(part.statusCode).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes ${start}-${end}/${video.length}`);
      expect(part.rawPayload.equals(video.subarray(start, end + 1))).toBe(true);

      // Bytes no row refers to and an upload a crash left: both go; the document's bytes stay.
      const orphan = await store.stage(source(randomBytes(5000)), { maxBytes: ROOMY });
      await orphan.commit();
      await store.stage(source(randomBytes(5000)), { maxBytes: ROOMY });
      await sleep(20);
      const collected = await app.services.documents.collectUnreferencedBlobs({
        graceMs: 0,
        stagingMaxAgeMs: 0,
      });
      expect(collected.stagingRemoved).toBe(1);
      expect(await store.exists(orphan.sha256)).toBe(false);
      expect(await store.exists(uploaded.sha256)).toBe(true);
      expect(await subject.leftovers()).toEqual([]);
      expect((await api.content(owner, offerId, uploaded.id)).rawPayload.equals(video)).toBe(true);

      // A deleted offer's bytes are collected next time.
      const deleted = await app.inject({
        method: 'DELETE',
        url: `/api/v1/offers/${offerId}`,
        headers: { ...owner, 'if-match': '*' },
      });
      expect(deleted.statusCode).toBe(204);
      await app.services.documents.collectUnreferencedBlobs({ graceMs: 0 });
      expect(await store.exists(uploaded.sha256)).toBe(false);
    });
  });
});
