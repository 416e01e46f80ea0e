import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../src/db/database.js';
import { formatMessage, messageCatalogues } from '../../src/domain/messages/format-message.js';
import { type ErrorResponse, ErrorResponseSchema } from '../../src/domain/schemas/errors.js';
import { localeIds } from '../../src/domain/schemas/messages.js';
import { type App, createApp } from '../../src/server/app.js';
import type { PasswordHashing } from '../../src/server/auth/password.js';
import { LocalDiskBlobStore } from '../../src/server/blobs/local-disk-blob-store.js';
import type { AppConfig } from '../../src/server/config.js';
import { defaultDeploymentConfig } from '../../src/server/deployment-config.js';
import type { Clock } from '../../src/server/ids.js';
import { createTestDatabase } from './test-database.js';

export const testConfig = (overrides: Partial<AppConfig> = {}): AppConfig => ({
  port: 0,
  host: '127.0.0.1',
  dataDir: '/nonexistent',
  databaseUrl: undefined,
  demo: false,
  demoPassword: undefined,
  bodyLimitBytes: 1024 * 1024,
  loginRateLimitPerMinute: 1000,
  loginRateLimitPerAddress: 1000,
  // Refusals answered at once: tests of the hold set it (auth.test.ts).
  loginRefusalDelayMs: 0,
  passwordHashThreads: 1,
  passwordHashQueue: 32,
  importMaxBytes: 5 * 1024 * 1024,
  importMaxRows: 10_000,
  catalogCacheSize: 500,
  catalogRefreshMs: 250,
  documentMaxBytes: 25 * 1024 * 1024,
  videoMaxBytes: 200 * 1024 * 1024,
  sessionTtlHours: 12,
  sessionCacheMs: 1000,
  logLevel: 'silent',
  readyTimeoutMs: 2000,
  headersTimeoutMs: 15_000,
  requestTimeoutMs: 900_000,
  idleTimeoutMs: 60_000,
  keepAliveTimeoutMs: 72_000,
  uploadConcurrency: 8,
  hsts: 'auto',
  secureCookies: false,
  compressJson: true,
  serveSourceMaps: false,
  smtpFrom: 'cosell <no-reply@cosell.invalid>',
  // Hundreds of sign-ins: the cheap cost, which the production configuration refuses (config.ts).
  passwordHashCost: 'test',
  // No polling or maintenance of the job queue: tests run due jobs by hand (app.jobs.runDue()).
  deployment: { ...defaultDeploymentConfig, jobPollIntervalMs: 0, jobMaintenanceIntervalSeconds: 0 },
  ...overrides,
});

/** A clock the test moves by hand: the date and the monotonic reading advance together. */
export function manualClock(start = new Date('2026-11-24T12:00:00Z')): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  let elapsed = 0;
  return {
    now: () => new Date(now),
    monotonicMs: () => elapsed,
    advance: (ms) => {
      now += ms;
      elapsed += ms;
    },
  };
}

export interface TestApp {
  app: App;
  database: Database;
  /** The document blob store, in a temporary directory removed on close. */
  blobs: LocalDiskBlobStore;
  close(): Promise<void>;
}

/** The whole application on a fresh database, with no port: requests go through app.inject(). */
export async function createTestApp(
  options: {
    config?: Partial<AppConfig>;
    clock?: Clock;
    passwords?: PasswordHashing;
    /** A built web app to serve (a directory like dist/web); none by default. */
    webRoot?: string;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const blobs = new LocalDiskBlobStore(join(await mkdtemp(join(tmpdir(), 'cosell-blobs-')), 'blobs'));
  const app = await createApp({
    config: testConfig(options.config),
    database,
    logger: false,
    webRoot: options.webRoot ?? null,
    blobs,
    ...(options.clock && { clock: options.clock }),
    ...(options.passwords && { passwords: options.passwords }),
  });
  await app.ready();
  return {
    app,
    database,
    blobs,
    async close() {
      await app.close();
      await database.close();
      await rm(join(blobs.root, '..'), { recursive: true, force: true });
    },
  };
}

/** Throws when a problems.* key has no words in a language of the catalogue. */
function assertInCatalogue(key: string, params: ErrorResponse['params']): void {
  if (!key.startsWith('problems.')) return;
  const missing = localeIds.filter(
    (locale) => formatMessage(messageCatalogues[locale], locale, key, params) === undefined,
  );
  if (missing.length > 0)
    throw new Error(`the message ${key} is not in the catalogue: ${missing.join(', ')}`);
}

/**
 * Asserts the documented error shape, with the message's key and every issue's in the catalogue in every
 * language, and returns the body.
 */
export function errorBody(response: LightMyRequestResponse) {
  const body = response.json() as ErrorResponse;
  // Checked, not parsed: a test may look for keys the shape must not have (a stack, SQL).
  const shape = ErrorResponseSchema.safeParse(body);
  if (!shape.success) throw new Error(`not the error shape: ${shape.error.message}\n${response.body}`);
  assertInCatalogue(body.messageKey, body.params);
  for (const issue of body.issues ?? []) assertInCatalogue(issue.key, issue.params);
  if (body.status !== response.statusCode)
    throw new Error(`error body status ${body.status} differs from HTTP ${response.statusCode}`);
  if (body.requestId !== response.headers['x-request-id'])
    throw new Error('error body requestId differs from X-Request-Id');
  if (typeof body.message !== 'string' || body.message.length === 0)
    throw new Error('error body has no message');
  return body;
}

export type Inject = (options: InjectOptions) => Promise<LightMyRequestResponse>;
