import { randomBytes } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import {
  assertSha256,
  BlobNotFoundError,
  type BlobStore,
  type StagedBlob,
  type StoredBlob,
} from './blob-store.js';
import { byteWindow } from './byte-window.js';
import { MeasuringTransform } from './measuring-transform.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** S3's smallest part; with two in flight an upload holds about 15 MiB of memory at most. */
const PART_BYTES = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

/** S3's answer for a missing key: NoSuchKey to GET, a bare 404 (NotFound) to HEAD. */
function isNotFound(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === 'NoSuchKey' || name === 'NotFound' || $metadata?.httpStatusCode === 404;
}

/**
 * Blobs in an S3 bucket (or an S3-compatible server's): `<prefix>sha256/<hash>` for committed bytes,
 * `<prefix>staging/<random>` for uploads not yet committed. An upload streams from the request to a
 * multipart upload while it is hashed and measured; a failure aborts the multipart upload, so no object and
 * no stored part is left. Commit is a server-side copy to the hash's key; the bytes never pass through here
 * twice.
 */
export class S3BlobStore implements BlobStore {
  readonly stagingPrefix: string;
  readonly blobPrefix: string;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    prefix: string,
  ) {
    this.stagingPrefix = `${prefix}staging/`;
    this.blobPrefix = `${prefix}sha256/`;
  }

  /** The key of a blob. Only ever called with a validated hash: nothing from a client decides a key. */
  keyOf(sha256: string): string {
    assertSha256(sha256);
    return `${this.blobPrefix}${sha256}`;
  }

  async stage(source: Readable, { maxBytes }: { maxBytes: number }): Promise<StagedBlob> {
    const stagingKey = `${this.stagingPrefix}${randomBytes(16).toString('hex')}`;
    const measure = new MeasuringTransform(maxBytes);
    const body = new PassThrough();
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: stagingKey, Body: body, ContentType: 'application/octet-stream' },
      partSize: PART_BYTES,
      queueSize: PARTS_IN_FLIGHT,
      leavePartsOnError: false,
    });
    // The upload reads `body` while the pipeline fills it. Whichever fails first stops the other: a failed
    // stream ends the upload's reading with its error (the upload then aborts), a failed upload destroys
    // `body`, which fails the pipeline and stops reading the request.
    const uploading = upload.done();
    uploading.catch((error: unknown) => body.destroy(error as Error));
    const [streamed, uploaded] = await Promise.allSettled([pipeline(source, measure, body), uploading]);
    // The stream's error says why (too large, the client went away); the upload's follows from it.
    if (streamed.status === 'rejected') throw streamed.reason;
    if (uploaded.status === 'rejected') throw uploaded.reason;

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
        // Copied even when the hash's key is there already: the copy sets its LastModified to now, which
        // garbage collection's grace period reads, so the bytes outlive the row about to be written. (S3
        // would charge the same copy to refresh the date of the object in place.)
        await this.client.send(
          new CopyObjectCommand({
            Bucket: this.bucket,
            Key: this.keyOf(sha256),
            CopySource: `${this.bucket}/${stagingKey.split('/').map(encodeURIComponent).join('/')}`,
          }),
        );
        settled = true;
        await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: stagingKey }));
      },
      discard: async () => {
        if (settled) return;
        settled = true;
        await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: stagingKey }));
      },
    };
  }

  async open(sha256: string, range?: { start: number; end: number }): Promise<Readable> {
    try {
      const response = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: this.keyOf(sha256),
          ...(range && { Range: `bytes=${range.start}-${range.end}` }),
        }),
      );
      const body = response.Body as Readable;
      if (!range) return body;
      // What the server sent: `bytes a-b/size`, or the whole object when it ignored the range.
      const sent = /^bytes (\d+)-(\d+)\//.exec(response.ContentRange ?? '');
      const sentStart = sent ? Number(sent[1]) : 0;
      const sentEnd = sent ? Number(sent[2]) : (response.ContentLength ?? 0) - 1;
      if (sentStart === range.start && sentEnd <= range.end) return body;
      if (sentStart > range.start) {
        body.destroy();
        throw new Error(
          `Asked for bytes ${range.start}-${range.end} of ${sha256}, got ${response.ContentRange}.`,
        );
      }
      return byteWindow(body, range.start - sentStart, range.end - range.start + 1);
    } catch (error) {
      if (isNotFound(error)) throw new BlobNotFoundError(sha256);
      throw error;
    }
  }

  async size(sha256: string): Promise<number | undefined> {
    return (await this.stat(sha256))?.size;
  }

  async stat(sha256: string): Promise<StoredBlob | undefined> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }),
      );
      return { sha256, size: head.ContentLength ?? 0, modifiedAt: head.LastModified ?? new Date(0) };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    return (await this.stat(sha256)) !== undefined;
  }

  async delete(sha256: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
  }

  async *list(): AsyncIterable<StoredBlob> {
    for await (const object of this.objects(this.blobPrefix)) {
      const sha256 = object.key.slice(this.blobPrefix.length);
      if (SHA256_HEX.test(sha256)) yield { sha256, size: object.size, modifiedAt: object.modifiedAt };
    }
  }

  /**
   * Staged objects a crash left between upload and commit. A multipart upload cut short by a crash has no
   * object to list; the bucket's lifecycle rule (AbortIncompleteMultipartUpload, README) removes its parts.
   */
  async removeStaleStaging(olderThanMs: number): Promise<number> {
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for await (const object of this.objects(this.stagingPrefix)) {
      if (object.modifiedAt.getTime() >= cutoff) continue;
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: object.key }));
      removed++;
    }
    return removed;
  }

  /** Every object under `prefix`, a page (1,000 keys) at a time. */
  private async *objects(prefix: string): AsyncIterable<{ key: string; size: number; modifiedAt: Date }> {
    const pages = paginateListObjectsV2({ client: this.client }, { Bucket: this.bucket, Prefix: prefix });
    for await (const page of pages) {
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        yield { key: object.Key, size: object.Size ?? 0, modifiedAt: object.LastModified ?? new Date(0) };
      }
    }
  }
}
