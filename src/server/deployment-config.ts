import { isIP } from 'node:net';
import { z } from 'zod';

/** Where document bytes live (blobs/create-blob-store.ts). */
export type BlobStoreConfig =
  | { kind: 'local' }
  | { kind: 'postgres' }
  | {
      kind: 's3';
      bucket: string;
      /** Keys start with this (no leading slash; empty or ending in a slash). */
      prefix: string;
      /** An S3-compatible server's URL; AWS itself when unset. */
      endpoint?: string;
      region: string;
      /** `https://host/bucket/key` rather than `https://bucket.host/key`: what most S3-compatible servers want. */
      forcePathStyle: boolean;
    };

/** Settings for several servers on one PostgreSQL behind a load balancer (README, ARCHITECTURE: Deployment). */
export interface DeploymentConfig {
  /**
   * Which proxies' X-Forwarded-For and X-Forwarded-Proto to believe: false (none: the default), true (any:
   * only when nothing but the proxy can reach the server), a number of hops, or addresses and CIDR ranges.
   */
  trustProxy: boolean | number | string[];
  blobStore: BlobStoreConfig;
  /** Rate-limit counters in Redis; without it they are in the database, shared by its servers all the same. */
  redisUrl?: string;
  /** How often a server looks for due jobs, and runs the queue's maintenance (0: never, this server). */
  jobPollIntervalMs: number;
  jobMaintenanceIntervalSeconds: number;
  /** Email delivery: attempts in all, the first retry's delay (doubling, with jitter), one attempt's bound. */
  emailAttempts: number;
  emailRetryDelaySeconds: number;
  emailAttemptTimeoutSeconds: number;
  /** After SIGTERM: /readyz answers 503 for this long before the server stops taking connections. */
  shutdownDelayMs: number;
  /** How long requests and jobs in flight may take to finish before the process exits anyway. */
  shutdownTimeoutMs: number;
}

const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const DeploymentEnvSchema = z.object({
  COSELL_TRUST_PROXY: z.string().default('false'),
  COSELL_BLOB_STORE: z.string().default('local'),
  COSELL_S3_ENDPOINT: z.string().url().optional(),
  COSELL_S3_REGION: z.string().min(1).default('us-east-1'),
  COSELL_S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
  COSELL_REDIS_URL: z
    .string()
    .url()
    .refine((url) => /^rediss?:\/\//.test(url), 'must be a redis:// or rediss:// URL')
    .optional(),
  COSELL_JOB_POLL_MS: count(2000),
  COSELL_JOB_MAINTENANCE_SECONDS: count(60),
  COSELL_EMAIL_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  COSELL_EMAIL_RETRY_DELAY_SECONDS: count(30),
  COSELL_EMAIL_ATTEMPT_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(3600).default(300),
  COSELL_SHUTDOWN_DELAY_MS: count(0),
  COSELL_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
});

const CIDR = /^(.+)\/(\d{1,3})$/;

/** COSELL_TRUST_PROXY's value as Fastify's trustProxy, or the reason it is not one. */
export function parseTrustProxy(value: string): boolean | number | string[] | string {
  const text = value.trim();
  if (text === 'false' || text === '') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => {
    const [, address = entry, bits] = CIDR.exec(entry) ?? [];
    const version = isIP(address);
    return version === 0 || (bits !== undefined && Number(bits) > (version === 4 ? 32 : 128));
  });
  return bad === undefined
    ? entries
    : `"${bad}" is not an address or CIDR range (use false, true, a number of hops, or addresses)`;
}

/** COSELL_BLOB_STORE's value: local, postgres, or s3://bucket[/prefix]; or the reason it is none of them. */
export function parseBlobStore(
  value: string,
  s3: { endpoint?: string; region: string; forcePathStyle?: boolean },
): BlobStoreConfig | string {
  if (value === 'local' || value === 'postgres') return { kind: value };
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(value);
  if (!match) return `"${value}" is not local, postgres, or s3://bucket[/prefix]`;
  const prefix = (match[2] ?? '').replace(/^\/+/, '');
  return {
    kind: 's3',
    bucket: match[1] as string,
    prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
    ...(s3.endpoint !== undefined && { endpoint: s3.endpoint }),
    region: s3.region,
    // S3-compatible servers mostly want the bucket in the path; AWS wants it in the host name.
    forcePathStyle: s3.forcePathStyle ?? s3.endpoint !== undefined,
  };
}

/** Reads the deployment settings; `issues` gets one line per bad value, naming the variable. */
export function loadDeploymentConfig(
  env: Record<string, string | undefined>,
  issues: string[],
): DeploymentConfig | undefined {
  const parsed = DeploymentEnvSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.push(`  ${issue.path.join('.')}: ${issue.message}`);
    return undefined;
  }
  const e = parsed.data;
  const trustProxy = parseTrustProxy(e.COSELL_TRUST_PROXY);
  if (typeof trustProxy === 'string') issues.push(`  COSELL_TRUST_PROXY: ${trustProxy}`);
  const blobStore = parseBlobStore(e.COSELL_BLOB_STORE, {
    ...(e.COSELL_S3_ENDPOINT !== undefined && { endpoint: e.COSELL_S3_ENDPOINT }),
    region: e.COSELL_S3_REGION,
    ...(e.COSELL_S3_FORCE_PATH_STYLE !== undefined && {
      forcePathStyle: e.COSELL_S3_FORCE_PATH_STYLE === 'true',
    }),
  });
  if (typeof blobStore === 'string') issues.push(`  COSELL_BLOB_STORE: ${blobStore}`);
  if (typeof trustProxy === 'string' || typeof blobStore === 'string') return undefined;
  return {
    trustProxy,
    blobStore,
    ...(e.COSELL_REDIS_URL !== undefined && { redisUrl: e.COSELL_REDIS_URL }),
    jobPollIntervalMs: e.COSELL_JOB_POLL_MS,
    jobMaintenanceIntervalSeconds: e.COSELL_JOB_MAINTENANCE_SECONDS,
    emailAttempts: e.COSELL_EMAIL_ATTEMPTS,
    emailRetryDelaySeconds: e.COSELL_EMAIL_RETRY_DELAY_SECONDS,
    emailAttemptTimeoutSeconds: e.COSELL_EMAIL_ATTEMPT_TIMEOUT_SECONDS,
    shutdownDelayMs: e.COSELL_SHUTDOWN_DELAY_MS,
    shutdownTimeoutMs: e.COSELL_SHUTDOWN_TIMEOUT_MS,
  };
}

/** What a single server with the embedded database uses: the defaults above. */
export const defaultDeploymentConfig: DeploymentConfig = {
  trustProxy: false,
  blobStore: { kind: 'local' },
  jobPollIntervalMs: 2000,
  jobMaintenanceIntervalSeconds: 60,
  emailAttempts: 8,
  emailRetryDelaySeconds: 30,
  emailAttemptTimeoutSeconds: 300,
  shutdownDelayMs: 0,
  shutdownTimeoutMs: 30_000,
};
