import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/server/app.js';
import type { AppConfig } from '../../src/server/config.js';
import type { Clock } from '../../src/server/ids.js';
import { createTestApp, errorBody, manualClock, type TestApp, testConfig } from '../support/test-app.js';

/**
 * Several servers behind a load balancer on one database: the sign-in limits count in one place (the
 * database's rate_limit_counters, or Redis with COSELL_REDIS_URL), so every server refuses the attempt past
 * the limit whichever server took the earlier ones. Two apps on one database stand for two servers.
 */

/** Redis for the COSELL_REDIS_URL tests; CI starts one (.ci/run). Without it these tests fail, never skip. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const PER_ACCOUNT = 3;
const PER_ADDRESS = 8;

/** A second server on the first one's database. */
async function secondServer(t: TestApp, config: AppConfig, clock?: Clock): Promise<App> {
  const app = await createApp({
    config,
    database: t.database,
    logger: false,
    webRoot: null,
    blobs: t.blobs,
    ...(clock && { clock }),
  });
  await app.ready();
  return app;
}

const attempt = (app: App, email: string, remoteAddress = '127.0.0.1') =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    payload: { email, password: 'guessing-again' },
  });

/** The IETF draft's headers that @fastify/rate-limit sends with enableDraftSpec. */
const limitHeaders = (response: LightMyRequestResponse) => ({
  limit: Number(response.headers['ratelimit-limit']),
  remaining: Number(response.headers['ratelimit-remaining']),
  reset: Number(response.headers['ratelimit-reset']),
});

describe('sign-in limits counted in the database, shared by the servers on it', () => {
  const clock = manualClock();
  const config = testConfig({ loginRateLimitPerMinute: PER_ACCOUNT, loginRateLimitPerAddress: PER_ADDRESS });
  let t: TestApp;
  let other: App;

  beforeAll(async () => {
    t = await createTestApp({ clock, config });
    other = await secondServer(t, config, clock);
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('refuses the attempt past the per-account limit on whichever server, with Retry-After and RateLimit headers', async () => {
    const servers = [t.app, other, t.app];
    for (const [i, server] of servers.entries()) {
      const response = await attempt(server, 'target@contoso.test');
      expect(response.statusCode).toBe(401);
      expect(limitHeaders(response)).toEqual({
        limit: PER_ACCOUNT,
        remaining: PER_ACCOUNT - 1 - i,
        reset: 60,
      });
    }
    const limited = await attempt(other, 'target@contoso.test');
    expect(limited.statusCode).toBe(429);
    const body = errorBody(limited);
    expect(body.error).toBe('rate_limited');
    expect(body.message).toMatch(/try again in 60 seconds/i);
    expect(limited.headers['retry-after']).toBe('60');
    expect(limitHeaders(limited)).toEqual({ limit: PER_ACCOUNT, remaining: 0, reset: 60 });

    // The window's end is shared too: 20 s later both servers say 40 s are left.
    clock.advance(20_000);
    for (const server of [t.app, other]) {
      const again = await attempt(server, 'target@contoso.test');
      expect(again.statusCode).toBe(429);
      expect(again.headers['retry-after']).toBe('40');
    }
  });

  it('opens a new window once the last one has ended, on every server', async () => {
    clock.advance(40_000);
    const first = await attempt(other, 'target@contoso.test');
    expect(first.statusCode).toBe(401);
    expect(limitHeaders(first)).toEqual({ limit: PER_ACCOUNT, remaining: PER_ACCOUNT - 1, reset: 60 });
    expect((await attempt(t.app, 'target@contoso.test')).statusCode).toBe(401);
  });

  it('refuses a stream of new emails from one address past the per-address limit, whichever server took them', async () => {
    clock.advance(60_000);
    for (let n = 0; n < PER_ADDRESS; n++) {
      const response = await attempt(n % 2 === 0 ? t.app : other, `sprayed-${n}@contoso.test`, '192.0.2.20');
      expect(response.statusCode).toBe(401);
    }
    for (const server of [t.app, other]) {
      const limited = await attempt(server, 'sprayed-new@contoso.test', '192.0.2.20');
      expect(limited.statusCode).toBe(429);
      expect(errorBody(limited).message).toMatch(/from this address/);
      expect(limited.headers['retry-after']).toBe('60');
      expect(limitHeaders(limited)).toEqual({ limit: PER_ADDRESS, remaining: 0, reset: 60 });
    }
    // Another address is not held up by it.
    expect((await attempt(other, 'sprayed-new@contoso.test', '192.0.2.21')).statusCode).toBe(401);
  });

  it('keeps a counter per address and per account, and the hourly cleanup forgets those whose window ended', async () => {
    const counters = async () =>
      (await t.database.pool.query<{ n: number }>('select count(*)::int as n from rate_limit_counters'))
        .rows[0]?.n;
    const before = await counters();
    // The windows of the second test end now; those of the third are still open.
    const removed = await t.app.repos.rateLimits.deleteExpired(clock.now());
    expect(removed).toBeGreaterThan(0);
    expect(await counters()).toBe((before ?? 0) - removed);
    expect(await counters()).toBeGreaterThan(0);
    clock.advance(60_000);
    await t.app.repos.rateLimits.deleteExpired(clock.now());
    expect(await counters()).toBe(0);
  });

  it('refuses a megabyte-long email as invalid (400), not with a failure of the counters', async () => {
    const response = await attempt(other, `${'a'.repeat(900_000)}@contoso.test`);
    expect(response.statusCode).toBe(400);
    expect(errorBody(response).error).toBe('validation_failed');
  });
});

describe('sign-in limits counted in Redis (COSELL_REDIS_URL), shared by the servers using it', () => {
  const config = testConfig({
    loginRateLimitPerMinute: PER_ACCOUNT,
    loginRateLimitPerAddress: PER_ADDRESS,
    deployment: { ...testConfig().deployment, redisUrl: REDIS_URL },
  });
  // Redis outlives the test run: an address and email of this run only, so an earlier run's counts (kept for
  // their minute) never meet these.
  const run = randomBytes(8).toString('hex');
  const address = `2001:db8:${run.slice(0, 4)}:${run.slice(4, 8)}:${run.slice(8, 12)}:${run.slice(12)}::1`;
  const email = `target-${run}@contoso.test`;
  let t: TestApp;
  let other: App;

  beforeAll(async () => {
    t = await createTestApp({ config });
    other = await secondServer(t, config);
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('refuses the attempt past the per-account limit on whichever server, with Retry-After and RateLimit headers', async () => {
    for (const [i, server] of [other, t.app, other].entries()) {
      const response = await attempt(server, email, address);
      expect(response.statusCode).toBe(401);
      expect(limitHeaders(response)).toMatchObject({ limit: PER_ACCOUNT, remaining: PER_ACCOUNT - 1 - i });
    }
    const limited = await attempt(t.app, email, address);
    expect(limited.statusCode).toBe(429);
    expect(errorBody(limited).error).toBe('rate_limited');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limitHeaders(limited)).toEqual({ limit: PER_ACCOUNT, remaining: 0, reset: retryAfter });
  });

  it('shares the per-address limit, and writes no counter to the database', async () => {
    // The address has four attempts counted (the per-account limit refused the fourth after the address's
    // count had taken it); new emails take it to the limit on either server, and past it.
    for (let n = 4; n < PER_ADDRESS; n++)
      expect(
        (await attempt(n % 2 === 0 ? other : t.app, `new-${n}-${run}@contoso.test`, address)).statusCode,
      ).toBe(401);
    const refused = await attempt(t.app, `newer-${run}@contoso.test`, address);
    expect(refused.statusCode).toBe(429);
    expect(errorBody(refused).message).toMatch(/from this address/);
    const { rows } = await t.database.pool.query<{ n: number }>(
      'select count(*)::int as n from rate_limit_counters',
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('refuses to start when Redis does not answer, naming the setting', async () => {
    const unreachable = testConfig({
      deployment: { ...testConfig().deployment, redisUrl: 'redis://127.0.0.1:1' },
    });
    await expect(
      createApp({ config: unreachable, database: t.database, logger: false, webRoot: null, blobs: t.blobs }),
    ).rejects.toThrow(/COSELL_REDIS_URL: Redis does not answer/);
  });
});
