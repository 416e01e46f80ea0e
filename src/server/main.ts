/**
 * The server process: reads configuration, opens the database (embedded PGlite on a thread, or PostgreSQL),
 * migrates, loads the demo when asked, listens, and shuts down gracefully on SIGTERM/SIGINT.
 */

import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Database, openDatabase } from '../db/database.js';
import { DataDirLockedError } from '../db/embedded/data-dir-lock.js';
import { runMigrations } from '../db/migrate.js';
import { createRepositories } from '../db/repositories/index.js';
import { createApp } from './app.js';
import { createPasswordHashing } from './auth/password.js';
import { claimBlobDir } from './blobs/blob-dir-claim.js';
import { createBlobStore, describeBlobStore } from './blobs/create-blob-store.js';
import { LocalDiskBlobStore } from './blobs/local-disk-blob-store.js';
import { ConfigError, configHelp, loadConfig, passwordHashingOptions } from './config.js';
import { type DemoPassword, demoPassword, loadedDemoPassword } from './demo-credentials.js';
import { randomId } from './ids.js';
import { chooseLogFormat, loggerOptionsFor } from './log-format.js';
import { snapshotFile } from './services/catalog-index-snapshot.js';
import { demoUsers, loadDemo } from './services/demo-service.js';
import { transactionOver } from './services/transaction.js';
import { createUserService } from './services/user-service.js';
import { startupLines } from './startup-lines.js';

function fail(message: string, code = 1): never {
  process.stderr.write(`cosell: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      fail(`${(error as Error).message}\n\n${configHelp}`, 2);
    }
    throw error;
  }
  if (config.help) {
    process.stdout.write(configHelp);
    return;
  }

  const say = startupLines();
  let database: Database;
  try {
    say.database(
      config.databaseUrl
        ? { kind: 'postgres', url: config.databaseUrl }
        : { kind: 'embedded', dataDir: config.dataDir },
    );
    database = config.databaseUrl
      ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
      : await openDatabase({ kind: 'embedded', dataDir: config.dataDir });
    say.migrations();
    await runMigrations(database.pool);
  } catch (error) {
    if (error instanceof DataDirLockedError) fail(error.message);
    const where = config.databaseUrl
      ? 'the PostgreSQL server in DATABASE_URL'
      : `the embedded database in ${config.dataDir}`;
    fail(`could not open ${where}: ${(error as Error).message}`);
  }

  const repos = createRepositories(database.db);
  const passwords = createPasswordHashing(passwordHashingOptions(config));
  const wantsDemo = (database.kind === 'embedded' && database.isNew) || config.demo;
  const demoLoaded = (await repos.settings.get('demo.loaded')) !== undefined;
  const isDemo = wantsDemo || demoLoaded;
  const blobs = createBlobStore(config.deployment.blobStore, { dataDir: config.dataDir, db: database.db });
  // Only a local directory needs to learn whether other servers share it (its lock); the database's and the
  // bucket's cleanup always leaves them an hour's grace.
  const blobDir = blobs instanceof LocalDiskBlobStore ? await claimBlobDir(blobs.root) : undefined;
  let password: DemoPassword | undefined;
  if (demoLoaded) {
    say.demoKept();
    // Never generate a new password for a demo loaded earlier: its users have the old one.
    password = await loadedDemoPassword(repos, config.dataDir, config.demoPassword, passwords);
  } else if (wantsDemo) {
    password = demoPassword(config.dataDir, config.demoPassword);
    await loadDemo({
      repos,
      users: createUserService({ repos, ids: randomId, passwords }),
      password: password.password,
      transaction: transactionOver(database.db),
      blobs,
      onStep: (step) => say.demo(step, demoUsers.length),
    });
  }
  // Readable lines at a terminal, JSON for anything that collects them (COSELL_LOG_FORMAT forces one).
  const logFormat = chooseLogFormat(config.logFormat ?? 'auto', process.stdout.isTTY === true);
  const app = await createApp({
    config,
    database,
    blobs,
    passwords,
    logger: loggerOptionsFor(logFormat),
    // The search index, kept beside the data so that a restart need not build it again from every row.
    catalogSnapshots: snapshotFile(join(config.dataDir, 'catalog-index.snapshot')),
  });
  // Bytes of deleted offers and leftovers of uploads cut short by a crash (at once when no other server uses
  // the directory: blob-dir-claim.ts); in the background.
  void app.services.documents
    .collectUnreferencedBlobs(blobDir?.collectOptions())
    .then((result) => app.log.info(result, 'document blobs collected'))
    .catch((error: unknown) => app.log.error({ err: error }, 'collecting document blobs failed'));
  // Offers that went live before the catalogue existed get their entries, then the search index loads; in
  // the background (a search before then waits for the index).
  void app.services.catalog
    .backfill()
    .then((count) => app.log.info({ count }, 'catalogue entries backfilled'))
    .then(() => app.services.catalog.warm())
    .then(() => app.log.info('catalogue search index loaded'))
    .catch((error: unknown) => app.log.error({ err: error }, 'loading the catalogue failed'));
  // Expired sessions and device cookies, rate-limit counters (a flood of new emails leaves a counter per email) and
  // Idempotency-Key answers (kept 24 hours), hourly.
  const cleanup = setInterval(() => {
    const now = new Date();
    void repos.sessions.deleteExpired(now).catch(() => undefined);
    void repos.signInDevices.deleteExpired(now).catch(() => undefined);
    void repos.rateLimits.deleteExpired(now).catch(() => undefined);
    void repos.idempotencyKeys.deleteExpired(now).catch(() => undefined);
  }, 3_600_000);
  cleanup.unref();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    // /readyz answers 503 from now on, so a load balancer stops sending new requests here; after
    // COSELL_SHUTDOWN_DELAY_MS (its health check's interval) the server stops taking connections and lets the
    // requests and jobs in flight finish (app.close: jobs not yet taken stay for the other servers).
    app.shutdown.begin();
    app.log.info({ signal }, 'shutting down: /readyz answers 503; finishing requests and jobs in flight');
    const { shutdownDelayMs, shutdownTimeoutMs } = config.deployment;
    const force = setTimeout(
      () => fail(`shutdown took longer than ${shutdownTimeoutMs} ms; exiting`),
      shutdownTimeoutMs,
    );
    force.unref();
    clearInterval(cleanup);
    if (shutdownDelayMs > 0) await sleep(shutdownDelayMs);
    await app.close();
    await passwords.close();
    await database.close();
    blobDir?.release();
    app.log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    say.listening(config.host, config.port);
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close();
    fail(`could not listen on ${config.host}:${config.port}: ${(error as Error).message}`);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const lines = [
    '',
    `cosell is running at http://${shownHost}:${port}/`,
    `  API docs: http://${shownHost}:${port}/api/docs`,
    `  database: ${database.kind === 'embedded' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  documents: ${describeBlobStore(config.deployment.blobStore, config.dataDir)}`,
  ];
  if (isDemo) {
    lines.push('', 'Demo users (sign in with any of them):');
    for (const user of demoUsers) {
      const role = user.member
        ? `${user.member.organization} ${user.member.role}`
        : (user.platformRoles ?? []).join(', ');
      lines.push(`  ${user.email.padEnd(28)} ${role}`);
    }
    lines.push(
      password
        ? `  password: ${password.password}${password.generated ? '   (generated; set COSELL_DEMO_PASSWORD to choose one)' : ''}`
        : '  (password not shown: set COSELL_DEMO_PASSWORD to the one the demo was first loaded with)',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`cosell: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
