import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { PasswordHashCost, PasswordHashingOptions } from './auth/password.js';
import { type DeploymentConfig, loadDeploymentConfig } from './deployment-config.js';

const MiB = 1024 * 1024;

const envInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Everything the server reads from the environment, with its default. The README table mirrors this. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  COSELL_DATA_DIR: z.string().min(1).default('./.cosell/data'),
  DATABASE_URL: z.string().url().optional(),
  COSELL_DEMO_PASSWORD: z.string().min(12, 'must have at least 12 characters').optional(),
  COSELL_BODY_LIMIT_BYTES: envInt(1 * MiB),
  COSELL_LOGIN_RATE_LIMIT: envInt(10),
  COSELL_LOGIN_RATE_LIMIT_PER_ADDRESS: envInt(30),
  COSELL_LOGIN_REFUSAL_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  COSELL_PASSWORD_HASH_THREADS: envInt(1),
  COSELL_PASSWORD_HASH_QUEUE: envInt(32),
  COSELL_IMPORT_MAX_BYTES: envInt(5 * MiB),
  COSELL_IMPORT_MAX_ROWS: envInt(10_000),
  COSELL_CATALOG_CACHE: z.coerce.number().int().min(0).default(500),
  COSELL_CATALOG_REFRESH_MS: z.coerce.number().int().min(0).default(250),
  COSELL_DOCUMENT_MAX_BYTES: envInt(25 * MiB),
  COSELL_VIDEO_MAX_BYTES: envInt(200 * MiB),
  COSELL_SESSION_TTL_HOURS: envInt(12),
  COSELL_DEVICE_COOKIE_DAYS: z.coerce.number().int().min(0).default(30),
  COSELL_SESSION_CACHE_MS: z.coerce.number().int().min(0).default(1000),
  COSELL_REFERRAL_EXPIRY_DAYS: envInt(14),
  COSELL_READY_TIMEOUT_MS: envInt(2000),
  COSELL_HEADERS_TIMEOUT_MS: envInt(15_000),
  COSELL_REQUEST_TIMEOUT_MS: envInt(15 * 60_000),
  COSELL_IDLE_TIMEOUT_MS: envInt(60_000),
  COSELL_KEEP_ALIVE_TIMEOUT_MS: envInt(72_000),
  COSELL_UPLOAD_CONCURRENCY: envInt(8),
  COSELL_HSTS: z.enum(['auto', 'always', 'never']).default('auto'),
  COSELL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // `auto`: readable lines when stdout is a terminal, JSON otherwise (log-format.ts).
  COSELL_LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  COSELL_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  COSELL_COMPRESS_JSON: z.enum(['true', 'false']).default('true'),
  COSELL_SERVE_SOURCE_MAPS: z.enum(['true', 'false']).default('false'),
  // Every notification's email is written to the outbox table (GET /api/v1/admin/outbox); with an SMTP URL
  // the server also delivers it.
  COSELL_SMTP_URL: z.string().url().optional(),
  COSELL_SMTP_FROM: z.string().min(3).default('cosell <no-reply@cosell.invalid>'),
  // Webhooks reach public https addresses only, unless this allows private and loopback ones (and http).
  COSELL_WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  // The test suites' cheap password hashing (auth/password.ts); refused below unless NODE_ENV=test.
  COSELL_TEST_PASSWORD_HASHING: z.enum(['cheap']).optional(),
  NODE_ENV: z.string().optional(),
});

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  demoPassword: string | undefined;
  bodyLimitBytes: number;
  loginRateLimitPerMinute: number;
  /** Sign-in attempts per minute from one address whatever the account: bounds spraying new emails. */
  loginRateLimitPerAddress: number;
  /** How long a refused sign-in (429, 503) is held before it is answered (0: at once). */
  loginRefusalDelayMs: number;
  /** Password hashes computed at once (each on a thread of its own), and how many may wait (then 503). */
  passwordHashThreads: number;
  passwordHashQueue: number;
  /** Contacts CSV import limits. */
  importMaxBytes: number;
  importMaxRows: number;
  /** Catalogue searches whose answers are kept until the catalogue changes (0: none). */
  catalogCacheSize: number;
  /** How long another server's catalogue writes may take to show in this server's searches (0: at once). */
  catalogRefreshMs: number;
  /** Co-sell document upload limits: any document, and videos (.mp4). */
  documentMaxBytes: number;
  videoMaxBytes: number;
  sessionTtlHours: number;
  /** How long a device cookie gives its browser the sign-in lane past floods (0: none issued); 30 when left out. */
  deviceCookieDays?: number;
  /** How long this server remembers who a session cookie belongs to (0: look it up on every request). */
  sessionCacheMs: number;
  /** Days a New referral waits for an answer before it expires (14 when left out). */
  referralExpiryDays?: number;
  logLevel: string;
  /** `json`, `pretty`, or `auto` (pretty when stdout is a terminal; log-format.ts). `auto` when left out. */
  logFormat?: 'auto' | 'json' | 'pretty';
  /** How long /readyz waits for the database before it answers 503. */
  readyTimeoutMs: number;
  /**
   * Slow and stalled clients: the request line and headers must arrive within `headersTimeoutMs`, the whole
   * request (an upload's body included) within `requestTimeoutMs`, and a connection on which nothing moves
   * either way for `idleTimeoutMs` is closed (a slow but live upload keeps moving). Idle keep-alive
   * connections are closed after `keepAliveTimeoutMs`.
   */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  idleTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** Uploads (documents, CSV imports) read at once; past it 503 with Retry-After before the body is read. */
  uploadConcurrency: number;
  /** Strict-Transport-Security: `auto` on answers to requests that came over HTTPS, or always, or never. */
  hsts: 'auto' | 'always' | 'never';
  /** Whether the session cookie gets the Secure attribute; `auto` sets it when the request came over HTTPS. */
  secureCookies: 'auto' | boolean;
  /** Whether API answers (JSON, CSV) of 1 KiB or more are compressed (off when a proxy in front compresses). */
  compressJson: boolean;
  /** Whether the web app's source maps (on disk beside the scripts) are served; not by default. */
  serveSourceMaps: boolean;
  /** The SMTP server that delivers the outbox; without it emails stay in the outbox for admins to see. */
  smtpUrl?: string;
  smtpFrom: string;
  /**
   * Whether webhook endpoints may be at private, loopback and link-local addresses, and use http: for tests
   * and intranets (COSELL_WEBHOOK_ALLOW_PRIVATE). Off when left out.
   */
  webhookAllowPrivate?: boolean;
  /** `test` only for the test suites: never in production (loadConfig refuses it outside NODE_ENV=test). */
  passwordHashCost: PasswordHashCost;
  /** Several servers on one PostgreSQL: proxy, blob store, Redis, jobs, shutdown (deployment-config.ts). */
  deployment: DeploymentConfig;
}

export const configHelp = `Usage: cosell-server [options]

Options (each mirrors an environment variable):
  --port <n>          PORT (default 3000)
  --host <host>       HOST (default 127.0.0.1)
  --data-dir <dir>    COSELL_DATA_DIR (default ./.cosell/data): the embedded database and files
  --database-url <u>  DATABASE_URL: use this PostgreSQL server instead of the embedded database
  --demo              load the demo organisations and users (always on for a new embedded database)
  --help              show this help
`;

/** Thrown for a configuration a person must correct; main prints the message alone. */
export class ConfigError extends Error {}

/** The password hashing a server with this configuration uses. */
export function passwordHashingOptions(config: AppConfig): PasswordHashingOptions {
  return {
    cost: config.passwordHashCost,
    threads: config.passwordHashThreads,
    queue: config.passwordHashQueue,
  };
}

/** Reads configuration from environment variables, overridden by command-line flags. */
export function loadConfig(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): AppConfig & { help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const merged: Record<string, string | undefined> = {
    ...env,
    ...(values.port !== undefined && { PORT: values.port }),
    ...(values.host !== undefined && { HOST: values.host }),
    ...(values['data-dir'] !== undefined && { COSELL_DATA_DIR: values['data-dir'] }),
    ...(values['database-url'] !== undefined && { DATABASE_URL: values['database-url'] }),
  };
  for (const key of Object.keys(merged)) if (merged[key] === '') delete merged[key];
  const parsed = EnvSchema.safeParse(merged);
  const lines = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  const deployment = loadDeploymentConfig(merged, lines);
  if (!parsed.success || !deployment) throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  const e = parsed.data;
  if (e.COSELL_HEADERS_TIMEOUT_MS > e.COSELL_REQUEST_TIMEOUT_MS)
    throw new ConfigError(
      'Invalid configuration:\n  COSELL_HEADERS_TIMEOUT_MS: must not be longer than COSELL_REQUEST_TIMEOUT_MS ' +
        '(the headers are part of the request).',
    );
  if (e.COSELL_TEST_PASSWORD_HASHING && e.NODE_ENV !== 'test')
    throw new ConfigError(
      'Invalid configuration:\n  COSELL_TEST_PASSWORD_HASHING: cheap password hashing is for the test suites ' +
        'only (NODE_ENV=test); unset it.',
    );
  return {
    help: values.help ?? false,
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.COSELL_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: values.demo ?? false,
    demoPassword: e.COSELL_DEMO_PASSWORD,
    bodyLimitBytes: e.COSELL_BODY_LIMIT_BYTES,
    loginRateLimitPerMinute: e.COSELL_LOGIN_RATE_LIMIT,
    loginRateLimitPerAddress: e.COSELL_LOGIN_RATE_LIMIT_PER_ADDRESS,
    loginRefusalDelayMs: e.COSELL_LOGIN_REFUSAL_DELAY_MS,
    passwordHashThreads: e.COSELL_PASSWORD_HASH_THREADS,
    passwordHashQueue: e.COSELL_PASSWORD_HASH_QUEUE,
    importMaxBytes: e.COSELL_IMPORT_MAX_BYTES,
    importMaxRows: e.COSELL_IMPORT_MAX_ROWS,
    catalogCacheSize: e.COSELL_CATALOG_CACHE,
    catalogRefreshMs: e.COSELL_CATALOG_REFRESH_MS,
    documentMaxBytes: e.COSELL_DOCUMENT_MAX_BYTES,
    videoMaxBytes: e.COSELL_VIDEO_MAX_BYTES,
    sessionTtlHours: e.COSELL_SESSION_TTL_HOURS,
    deviceCookieDays: e.COSELL_DEVICE_COOKIE_DAYS,
    sessionCacheMs: e.COSELL_SESSION_CACHE_MS,
    referralExpiryDays: e.COSELL_REFERRAL_EXPIRY_DAYS,
    logLevel: e.COSELL_LOG_LEVEL,
    logFormat: e.COSELL_LOG_FORMAT,
    readyTimeoutMs: e.COSELL_READY_TIMEOUT_MS,
    headersTimeoutMs: e.COSELL_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: e.COSELL_REQUEST_TIMEOUT_MS,
    idleTimeoutMs: e.COSELL_IDLE_TIMEOUT_MS,
    keepAliveTimeoutMs: e.COSELL_KEEP_ALIVE_TIMEOUT_MS,
    uploadConcurrency: e.COSELL_UPLOAD_CONCURRENCY,
    hsts: e.COSELL_HSTS,
    secureCookies: e.COSELL_SECURE_COOKIES === 'auto' ? 'auto' : e.COSELL_SECURE_COOKIES === 'true',
    compressJson: e.COSELL_COMPRESS_JSON === 'true',
    serveSourceMaps: e.COSELL_SERVE_SOURCE_MAPS === 'true',
    ...(e.COSELL_SMTP_URL !== undefined && { smtpUrl: e.COSELL_SMTP_URL }),
    smtpFrom: e.COSELL_SMTP_FROM,
    webhookAllowPrivate: e.COSELL_WEBHOOK_ALLOW_PRIVATE === 'true',
    passwordHashCost: e.COSELL_TEST_PASSWORD_HASHING ? 'test' : 'standard',
    deployment,
  };
}
