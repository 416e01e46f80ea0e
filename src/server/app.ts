import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import compress, { type FastifyCompressOptions } from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import helmet from 'helmet';
import type { Database } from '../db/database.js';
import { createRepositories } from '../db/repositories/index.js';
import { registerAuthentication } from './auth/authenticate.js';
import { createPasswordHashing, type PasswordHashing } from './auth/password.js';
import type { BlobStore } from './blobs/blob-store.js';
import { LocalDiskBlobStore } from './blobs/local-disk-blob-store.js';
import { type AppConfig, passwordHashingOptions } from './config.js';
import { registerErrorHandler, registerNotFoundHandler } from './error-handler.js';
import { AppError, problem } from './errors.js';
import { clientErrorHandler, frameworkErrors } from './framework-errors.js';
import { registerIdempotentCreates } from './idempotency/idempotent-creates.js';
import { type Clock, type IdGenerator, randomId, systemClock } from './ids.js';
import { startServerJobs } from './jobs/server-jobs.js';
import { logSerializers } from './log-redaction.js';
import { registerApiDocs, registerOpenApi } from './openapi.js';
import { registerResponseHeaders } from './response-headers.js';
import { adminRoutes } from './routes/admin-routes.js';
import { auditRoutes } from './routes/audit-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { catalogRoutes } from './routes/catalog-routes.js';
import { contactCsvRoutes } from './routes/contact-csv-routes.js';
import { contactRoutes } from './routes/contact-routes.js';
import { contactXlsxRoutes } from './routes/contact-xlsx-routes.js';
import { documentRoutes } from './routes/document-routes.js';
import { documentTemplateRoutes } from './routes/document-template-routes.js';
import { eventRoutes } from './routes/event-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { listingRoutes } from './routes/listing-routes.js';
import { notificationRoutes } from './routes/notification-routes.js';
import { offerRoutes } from './routes/offer-routes.js';
import { organizationProfileRoutes } from './routes/organization-profile-routes.js';
import { preferenceRoutes } from './routes/preference-routes.js';
import { readinessRoutes } from './routes/readiness-routes.js';
import { referenceRoutes } from './routes/reference-routes.js';
import { referralRoutes } from './routes/referral-routes.js';
import { reviewRoutes } from './routes/review-routes.js';
import { tokenRoutes } from './routes/token-routes.js';
import type { RouteDeps } from './routes/types.js';
import { webhookRoutes } from './routes/webhook-routes.js';
import type { CatalogSnapshotStore } from './services/catalog-index-snapshot.js';
import { createServices } from './services/index.js';
import { transactionOver } from './services/transaction.js';
import { sharedRateLimits } from './shared-rate-limits.js';
import { createShutdownState } from './shutdown-state.js';
import { registerStorableTextCheck } from './storable-input.js';
import { createUploadLimit } from './upload-limit.js';
import { registerWebApp, webRoot } from './web-app.js';

export interface AppDeps {
  config: AppConfig;
  database: Pick<Database, 'db' | 'ping'>;
  clock?: Clock;
  ids?: IdGenerator;
  /** Where document bytes live; by default `<dataDir>/blobs` on the local disk. */
  blobs?: BlobStore;
  /** Pino options, or false for silence (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Where the built web app lives; tests point elsewhere or nowhere. */
  webRoot?: string | null;
  /** By default made at the configured cost; main.ts passes the one it loaded the demo with. */
  passwords?: PasswordHashing;
  /** Where the catalogue's search index is kept between starts; nowhere by default (main.ts: beside the data). */
  catalogSnapshots?: CatalogSnapshotStore;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * API answers of 1 KiB or more in a compressible type (JSON; CSV exports), compressed as they are sent:
 * brotli at quality 4 (the plugin's default; 11 costs tens of milliseconds), else gzip. Documents in
 * compressed formats (PDF, Office, video) and ranges are sent as they are; request bodies are not inflated.
 */
const apiCompression: FastifyCompressOptions = {
  threshold: 1024,
  encodings: ['br', 'gzip'],
  globalDecompression: false,
};

/** COSELL_TRUST_PROXY as Fastify takes it: a number of hops as the function proxy-addr makes of one. */
function trustedProxies(setting: boolean | number | string[]) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

/** Builds the whole HTTP application without listening: main.ts listens, tests use app.inject(). */
export async function createApp(deps: AppDeps) {
  const { config, database } = deps;
  const app = Fastify({
    // Whoever supplies the logger options, the redacting serializers apply (log-redaction.ts).
    logger:
      deps.logger === false
        ? false
        : {
            level: config.logLevel,
            ...(typeof deps.logger === 'object' && deps.logger),
            serializers: logSerializers,
          },
    bodyLimit: config.bodyLimitBytes,
    // Slow and stalled clients are bounded (config.ts): nothing moving for idleTimeoutMs closes the
    // connection, a request must arrive whole within requestTimeoutMs and its headers within
    // headersTimeoutMs (408 in the error shape); Node checks the last two this often.
    connectionTimeout: config.idleTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    http: {
      headersTimeout: config.headersTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(5_000, config.headersTimeoutMs / 2)),
    },
    // A caller's X-Request-Id is kept when it is a plain token, so logs can be joined across services.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    // Behind a load balancer (COSELL_TRUST_PROXY): the client's address and protocol from X-Forwarded-*.
    trustProxy: trustedProxies(config.deployment.trustProxy),
    return503OnClosing: true,
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // JSON is the API's language; endpoints that take other types (CSV, multipart) add their own parser.
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const repos = createRepositories(database.db);
  // Sign-in attempts are counted where every server sees the same counts (the database, or Redis): first,
  // so a Redis that does not answer stops the start before anything else is running.
  const limits = await sharedRateLimits({
    redisUrl: config.deployment.redisUrl,
    counters: repos.rateLimits,
    clock: deps.clock ?? systemClock,
    log: app.log,
  });
  app.addHook('onClose', () => limits.close());
  // The app stops the hashing threads it started; ones it was given belong to the giver.
  const passwords = deps.passwords ?? createPasswordHashing(passwordHashingOptions(config));
  if (!deps.passwords) app.addHook('onClose', () => passwords.close());
  const services = createServices({
    repos,
    clock: deps.clock ?? systemClock,
    ids: deps.ids ?? randomId,
    sessionTtlHours: config.sessionTtlHours,
    ...(config.deviceCookieDays !== undefined && { deviceCookieDays: config.deviceCookieDays }),
    sessionCacheMs: config.sessionCacheMs,
    passwords,
    transaction: transactionOver(database.db),
    maxImportRows: config.importMaxRows,
    catalogCacheSize: config.catalogCacheSize,
    catalogRefreshMs: config.catalogRefreshMs,
    ...(deps.catalogSnapshots && { catalogSnapshots: deps.catalogSnapshots }),
    blobs: deps.blobs ?? new LocalDiskBlobStore(join(config.dataDir, 'blobs')),
    documentLimits: { documentMaxBytes: config.documentMaxBytes, videoMaxBytes: config.videoMaxBytes },
    ...(config.referralExpiryDays !== undefined && { referralExpiryDays: config.referralExpiryDays }),
    webhookAllowPrivate: config.webhookAllowPrivate ?? false,
  });

  // Built once: @fastify/helmet built helmet again (parsing the policy) on every request, ~5 % of a search.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Fluent UI (Griffel) inserts style elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
  // Before the compression and the routes: it adds the Idempotency-Key header to the creates' schemas and
  // stores their answers as JSON (idempotency/idempotent-creates.ts).
  registerIdempotentCreates(app, { keys: repos.idempotencyKeys, clock: deps.clock ?? systemClock });
  await app.register(cookie);
  if (config.compressJson) {
    // The plugin compresses every route's compressible answers; the web app's files are compressed at build
    // time, so only API routes take part.
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/')) route.compress = false;
    });
    await app.register(compress, apiCompression);
  }
  await app.register(rateLimit, {
    ...limits.options,
    global: false,
    // The IETF draft's RateLimit-Limit, -Remaining and -Reset on every limited route's answer (not the
    // X-RateLimit-* of old), and Retry-After on a 429.
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'rate_limited',
        problem('request.tooManyAttempts', { count: Math.ceil(context.ttl / 1000) }),
      ),
  });
  registerAuthentication(app, services.auth);
  registerStorableTextCheck(app);
  registerResponseHeaders(app, config);
  await registerOpenApi(app, {
    importMaxBytes: config.importMaxBytes,
    documentMaxBytes: config.documentMaxBytes,
    videoMaxBytes: config.videoMaxBytes,
  });

  // Background jobs (email delivery); closing the app lets running ones finish (server-jobs.ts).
  const jobs = await startServerJobs({
    config,
    repos,
    transaction: transactionOver(database.db),
    clock: deps.clock ?? systemClock,
    ids: deps.ids ?? randomId,
    log: app.log,
    startTimeoutMs: config.readyTimeoutMs,
  });
  app.addHook('onClose', () => jobs.stop());

  const uploads = createUploadLimit(config.uploadConcurrency);
  const routeDeps: RouteDeps = { services, config, uploads, clock: deps.clock ?? systemClock };
  const shutdown = createShutdownState();
  // From the moment a shutdown begins every answer closes its connection: a keep-alive connection (a load
  // balancer's) would otherwise hold app.close() open after its last request until its idle timeout.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (shutdown.isShuttingDown) reply.header('connection', 'close');
    return payload;
  });
  await healthRoutes(app, database, config.readyTimeoutMs, shutdown);
  await authRoutes(app, routeDeps);
  await tokenRoutes(app, routeDeps);
  await referenceRoutes(app, routeDeps);
  await adminRoutes(app, routeDeps);
  await offerRoutes(app, routeDeps);
  await listingRoutes(app, routeDeps);
  await contactRoutes(app, routeDeps);
  await contactCsvRoutes(app, routeDeps);
  await contactXlsxRoutes(app, routeDeps);
  await documentRoutes(app, routeDeps);
  await documentTemplateRoutes(app, routeDeps);
  await organizationProfileRoutes(app, routeDeps);
  await readinessRoutes(app, routeDeps);
  await reviewRoutes(app, routeDeps);
  await notificationRoutes(app, routeDeps);
  await preferenceRoutes(app, routeDeps);
  await catalogRoutes(app, routeDeps);
  await referralRoutes(app, routeDeps);
  await eventRoutes(app, routeDeps);
  await webhookRoutes(app, routeDeps);
  await auditRoutes(app, routeDeps);
  await registerApiDocs(app);

  const root = deps.webRoot === undefined ? webRoot : deps.webRoot;
  const pageFallback = root
    ? await registerWebApp(app, root, { serveSourceMaps: config.serveSourceMaps })
    : undefined;
  registerNotFoundHandler(app, pageFallback);

  return Object.assign(app, { services, repos, uploads, jobs, shutdown });
}

export type App = Awaited<ReturnType<typeof createApp>>;
