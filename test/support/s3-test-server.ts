import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/** s3rver's fixed credentials; the store gets them from the environment, as the SDK's default chain reads. */
export const S3RVER_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };

export interface S3TestServer {
  /** What COSELL_S3_ENDPOINT is set to for this server. */
  endpoint: string;
  bucket: string;
  /** Multipart uploads neither completed nor aborted: their parts are stored, and would be billed. */
  openUploads(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * s3rver, the S3-compatible server the tests run, on a free local port with its files in a temporary
 * directory and one bucket.
 *
 * s3rver 3.7 refuses AbortMultipartUpload (405), which S3 and every S3-compatible server in use accept;
 * here it is answered as S3 does, by dropping the upload's parts, so a test sees what an abort leaves.
 */
export async function startS3TestServer(): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), 'cosell-s3rver-'));
  const bucket = 'cosell-test';
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const uploadsDir = server.store.getResourcePath(bucket, undefined, 'uploads');
  server.middleware.unshift(async (context, next) => {
    const uploadId = context.query.uploadId;
    if (context.method !== 'DELETE' || typeof uploadId !== 'string' || !/^[0-9a-f]+$/.test(uploadId))
      return next();
    await rm(join(uploadsDir, uploadId), { recursive: true, force: true });
    context.status = 204;
  });
  // s3rver keeps each object as files in a directory per key prefix and removes a directory when its last
  // object goes, so a PUT racing a DELETE under one prefix (one server committing an upload while another
  // stages the next) can find its directory gone and throw ENOENT out of s3rver, uncaught: a fault of the
  // stand-in, since S3 has no directories. It answers one request at a time (unshifted last: it runs first).
  let previous: Promise<unknown> = Promise.resolve();
  server.middleware.unshift(async (_context, next) => {
    const turn = previous.then(() => next());
    previous = turn.catch(() => undefined);
    await turn;
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    async openUploads() {
      return readdir(uploadsDir).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
    },
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
