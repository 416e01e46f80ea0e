/**
 * The server as an operator runs it: what `npm start` prints, one process per data directory, a clean stop
 * on SIGTERM, a restart that keeps the demo, and a new PostgreSQL installation whose first admin comes from
 * the `cosell` CLI. No browser: plain processes and HTTP.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectApiError, postLogin } from './support/api.js';
import { demoUsers } from './support/demo.js';
import {
  DEMO_PASSWORD,
  makeTempDir,
  RUN_TO_COMPLETION_TEST_MS,
  type RunningServer,
  removeDir,
  runToCompletion,
  startServer,
} from './support/server.js';
import { expectInOrder, jsonLogEntries, PRETTY_LOG_LINE } from './support/startup-output.js';

/** Servers and directories a test started or made, stopped and removed after it whatever happened. */
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(...args: Parameters<typeof startServer>): Promise<RunningServer> {
  const server = await startServer(...args);
  cleanups.push(() => server.stop());
  return server;
}

function tempDir(): string {
  const dir = makeTempDir();
  cleanups.push(async () => removeDir(dir));
  return dir;
}

/** Every `password: X` line the server printed. */
function printedPasswords(stdout: string): string[] {
  return [...stdout.matchAll(/^\s*password: (\S+)/gm)].map((m) => m[1] ?? '');
}

describe('the server process', () => {
  it('prints its address, every demo user and the password, and serves readiness, docs and OpenAPI', async () => {
    const server = await start({ fresh: true });
    const out = server.stdout();
    // What it did while it started, each step as it began, then the address and the demo sign-ins.
    expectInOrder(out, [
      `opening the embedded database (PGlite, on a worker thread) in ${server.dataDir}...`,
      'applying database migrations...',
      /loading the demo: \d+ users and their organisations\.\.\./,
      'loading the demo: its catalogue (offers, documents, reviews, referrals)...',
      'starting the web server on 127.0.0.1, on a free port...',
      `cosell is running at ${server.url}`,
      'Demo users',
      `password: ${DEMO_PASSWORD}`,
    ]);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(out).toContain('Demo users');
    for (const user of demoUsers) expect(out).toContain(user.email);
    expect(printedPasswords(out)).toEqual([DEMO_PASSWORD]);

    const ready = await fetch(new URL('/readyz', server.url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok' });

    const docs = await fetch(new URL('/api/docs', server.url));
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/text\/html/);

    const openapi = await fetch(new URL('/api/openapi.json', server.url));
    expect(openapi.status).toBe(200);
    const document = (await openapi.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/v1/me');
  });

  it(
    'keeps one server per data directory, stops cleanly on SIGTERM, and restarts with the same demo',
    async () => {
      const dataDir = tempDir();
      // As `npm start` with nothing set: the demo password is generated and printed.
      const first = await start({ dataDir, env: { COSELL_DEMO_PASSWORD: undefined } });
      const [password] = printedPasswords(first.stdout());
      expect(password).toBeTruthy();

      // A second server on the same directory is refused, and says why.
      const second = await runToCompletion('dist/server/main.js', [], {
        PORT: '0',
        HOST: '127.0.0.1',
        COSELL_DATA_DIR: dataDir,
      });
      expect(second.code).not.toBe(0);
      expect(second.stderr).toContain('already in use');

      // SIGTERM: a clean exit that releases the directory.
      expect(await first.stop()).toBe(0);
      expect(existsSync(join(dataDir, 'cosell.lock'))).toBe(false);

      // Restarted: the same demo and the same password, which still signs in.
      const again = await start({ dataDir, env: { COSELL_DEMO_PASSWORD: undefined } });
      expectInOrder(again.stdout(), [
        'applying database migrations...',
        'the demo was loaded by an earlier start; keeping it',
        'cosell is running at',
        'Demo users',
      ]);
      expect(again.stdout()).not.toContain('loading the demo');
      expect(printedPasswords(again.stdout())).toEqual([password]);
      const signedIn = await postLogin(again.url, 'owner@contoso.example', password ?? '');
      expect(signedIn.status).toBe(200);
    },
    RUN_TO_COMPLETION_TEST_MS,
  );

  it('restarted without COSELL_DEMO_PASSWORD, never prints a password the demo users do not have', async () => {
    const dataDir = tempDir();
    const first = await start({ dataDir });
    expect(printedPasswords(first.stdout())).toEqual([DEMO_PASSWORD]);
    expect(await first.stop()).toBe(0);

    // Started again with the variable unset, then set to something else: whatever it prints must work.
    for (const env of [
      { COSELL_DEMO_PASSWORD: undefined },
      { COSELL_DEMO_PASSWORD: 'some-other-password' },
    ]) {
      const again = await start({ dataDir, env });
      expect(again.stdout()).toContain('Demo users');
      for (const shown of printedPasswords(again.stdout())) {
        const response = await postLogin(again.url, 'owner@contoso.example', shown);
        expect(response.status, `the printed password "${shown}" does not sign in`).toBe(200);
      }
      expect((await postLogin(again.url, 'owner@contoso.example', DEMO_PASSWORD)).status).toBe(200);
      expect(await again.stop()).toBe(0);
    }
  });

  it('logs JSON when its output is not a terminal, and readable lines with COSELL_LOG_FORMAT=pretty', async () => {
    // The harness reads the server through pipes: not a terminal.
    const json = await start({ env: { COSELL_LOG_LEVEL: 'info' } });
    expect((await fetch(new URL('/healthz?token=cosell_pat_e2e_secret', json.url))).status).toBe(200);
    expect(await json.stop()).toBe(0);
    const entries = jsonLogEntries(json.stdout());
    expect(entries.map((entry) => entry.msg)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Server listening at /), 'incoming request', 'stopped']),
    );
    expect(entries.every((entry) => typeof entry.level === 'number' && typeof entry.time === 'number')).toBe(
      true,
    );
    expect(json.stdout()).not.toMatch(PRETTY_LOG_LINE);
    expect(json.stdout()).toContain('/healthz?token=[redacted]');
    expect(json.stdout()).not.toContain('cosell_pat_e2e_secret');

    const pretty = await start({ env: { COSELL_LOG_LEVEL: 'info', COSELL_LOG_FORMAT: 'pretty' } });
    expect((await fetch(new URL('/healthz?token=cosell_pat_e2e_secret', pretty.url))).status).toBe(200);
    expect(await pretty.stop()).toBe(0);
    const out = pretty.stdout();
    expect(jsonLogEntries(out)).toEqual([]);
    expectInOrder(out, [
      'starting the web server',
      /^\[[\d:.]+\] INFO: Server listening at /m,
      'cosell is running at',
      /^\[[\d:.]+\] INFO: stopped$/m,
    ]);
    expect(out).toMatch(/^\[[\d:.]+\] INFO: incoming request$/m);
    expect(out).toContain('/healthz?token=[redacted]');
    expect(out).not.toContain('cosell_pat_e2e_secret');
  });

  const serverUrl = process.env.TEST_DATABASE_URL;
  const postgresCase = 'on a new PostgreSQL database: no demo users; the CLI creates the first admin';
  // The default reporter only counts skipped tests; say which one, and why, where people look.
  if (!serverUrl)
    beforeAll(() => console.warn(`!! e2e: "${postgresCase}" SKIPPED: TEST_DATABASE_URL is not set`));
  it.skipIf(!serverUrl)(
    serverUrl ? postgresCase : `${postgresCase} (SKIPPED: TEST_DATABASE_URL is not set)`,
    async () => {
      if (!serverUrl) return;
      const name = `cosell_e2e_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      cleanups.push(async () => {
        const dropper = new pg.Client({ connectionString: serverUrl });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      });
      const databaseUrl = new URL(serverUrl);
      databaseUrl.pathname = `/${name}`;

      const server = await start({
        fresh: true,
        env: { DATABASE_URL: databaseUrl.toString(), COSELL_DEMO_PASSWORD: undefined },
      });
      expect(server.stdout()).toContain('PostgreSQL');
      // The address, never the credentials of DATABASE_URL.
      expectInOrder(server.stdout(), [
        `connecting to PostgreSQL at ${databaseUrl.host}/${name}...`,
        'applying database migrations...',
        'cosell is running at',
      ]);
      expect(server.stdout()).not.toContain('loading the demo');
      expect(server.stdout()).not.toContain('Demo users');
      expect(printedPasswords(server.stdout())).toEqual([]);
      await expectApiError(await postLogin(server.url, 'owner@contoso.example', DEMO_PASSWORD), 401);

      // The first admin, from the command line, while the server runs.
      const adminPassword = 'first admin password 2026';
      const created = await runToCompletion(
        'bin/cosell.mjs',
        [
          'admin',
          'create-user',
          '--email',
          'first.admin@example.test',
          '--name',
          'First Admin',
          '--role',
          'admin',
          '--password-env',
          'COSELL_E2E_ADMIN_PASSWORD',
          '--database-url',
          databaseUrl.toString(),
        ],
        { COSELL_E2E_ADMIN_PASSWORD: adminPassword },
      );
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toContain('created first.admin@example.test');

      const signedIn = await postLogin(server.url, 'first.admin@example.test', adminPassword);
      expect(signedIn.status).toBe(200);
      const body = (await signedIn.json()) as { user: { email: string; platformRoles: string[] } };
      expect(body.user).toMatchObject({ email: 'first.admin@example.test', platformRoles: ['admin'] });
    },
    RUN_TO_COMPLETION_TEST_MS,
  );
});
