import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import type { RootDb } from '../../db/database.js';
import type { BlobStoreConfig } from '../deployment-config.js';
import type { BlobStore } from './blob-store.js';
import { LocalDiskBlobStore } from './local-disk-blob-store.js';
import { PostgresBlobStore } from './postgres-blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';

/** The store COSELL_BLOB_STORE names: `<dataDir>/blobs`, the database's own tables, or an S3 bucket. */
export function createBlobStore(config: BlobStoreConfig, on: { dataDir: string; db: RootDb }): BlobStore {
  switch (config.kind) {
    case 'local':
      return new LocalDiskBlobStore(join(on.dataDir, 'blobs'));
    case 'postgres':
      return new PostgresBlobStore(on.db);
    case 's3':
      return new S3BlobStore(s3ClientFor(config), config.bucket, config.prefix);
  }
}

/** A client for the configured bucket; credentials come from the SDK's default chain (AWS_ACCESS_KEY_ID...). */
export function s3ClientFor(config: Extract<BlobStoreConfig, { kind: 's3' }>): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint !== undefined && { endpoint: config.endpoint }),
    forcePathStyle: config.forcePathStyle,
    // The SDK's default adds CRC32 checksums that many S3-compatible servers do not understand; SHA-256 is
    // checked here anyway, on every upload.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Where documents are kept, in words for the start-up message. */
export function describeBlobStore(config: BlobStoreConfig, dataDir: string): string {
  switch (config.kind) {
    case 'local':
      return `local disk in ${join(dataDir, 'blobs')}`;
    case 'postgres':
      return 'the database (COSELL_BLOB_STORE=postgres)';
    case 's3':
      return `s3://${config.bucket}/${config.prefix}${config.endpoint ? ` at ${config.endpoint}` : ''}`;
  }
}
