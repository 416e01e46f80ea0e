import { scryptSync } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import {
  createPasswordHashing,
  type HashLane,
  type PasswordHashing,
} from '../../src/server/auth/password.js';
import { createPersonas, PERSONA_PASSWORD, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, manualClock, type TestApp, testConfig } from '../support/test-app.js';

const HOUR = 3_600_000;

/** A hash of the earlier scheme whose check takes a second or more: scrypt N=2^17, r=8, p=4. */
const slowLegacyHash = ['scrypt', 131_072, 8, 4, 'c2FsdHNhbHRzYWx0', 'A'.repeat(43)].join('$');

function sessionCookie(response: LightMyRequestResponse) {
  const cookie = response.cookies.find((c) => c.name === 'cosell_session');
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(response.headers['set-cookie'])}`);
  return cookie;
}

describe('signing in and out', () => {
  const clock = manualClock(new Date());
  let t: TestApp;
  let personas: Personas;

  beforeAll(async () => {
    t = await createTestApp({ clock, config: { sessionTtlHours: 12 } });
    personas = await createPersonas(t.app);
  });
  afterAll(() => t?.close());

  const login = (email: string, password: string, cookie?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      ...(cookie && { cookies: { cosell_session: cookie } }),
    });

  const logout = (cookie: string, csrfToken: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { cosell_session: cookie },
      headers: { 'x-csrf-token': csrfToken },
    });

  const me = (cookie: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { cosell_session: cookie } });

  async function signIn(email = personas.byName.contosoOwner.email) {
    const response = await login(email, PERSONA_PASSWORD);
    expect(response.statusCode).toBe(200);
    return {
      cookie: sessionCookie(response).value,
      csrfToken: (response.json() as { csrfToken: string }).csrfToken,
    };
  }

  it('sets an httpOnly, SameSite=Lax session cookie and returns the user, memberships and CSRF token', async () => {
    const response = await login(personas.byName.contosoOwner.email, PERSONA_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = sessionCookie(response);
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(cookie.value.length).toBeGreaterThanOrEqual(32);
    const body = response.json();
    expect(body.user).toEqual({
      id: personas.byName.contosoOwner.userId,
      email: personas.byName.contosoOwner.email,
      name: expect.any(String),
      platformRoles: [],
      locale: null,
    });
    expect(body.memberships).toEqual([
      { organizationId: personas.contosoId, organizationName: 'Contoso', role: 'owner' },
    ]);
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(response.body).not.toContain('scrypt$');
  });

  it('accepts the email in another case and with surrounding spaces', async () => {
    const response = await login(`  ${personas.byName.contosoViewer.email.toUpperCase()} `, PERSONA_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json().user.email).toBe(personas.byName.contosoViewer.email);
  });

  it('answers GET /api/v1/me for the session cookie', async () => {
    const { cookie, csrfToken } = await signIn(personas.byName.seller.email);
    const response = await me(cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user: expect.objectContaining({ id: personas.byName.seller.userId, platformRoles: ['seller'] }),
      memberships: [],
      csrfToken,
      authenticatedBy: 'session',
    });
  });

  it('gives the same answer for an unknown email and for a wrong password', async () => {
    const unknown = await login('nobody@contoso.test', PERSONA_PASSWORD);
    const wrong = await login(personas.byName.contosoOwner.email, 'not the right password');
    for (const response of [unknown, wrong]) {
      expect(response.statusCode).toBe(401);
      expect(response.cookies.find((c) => c.name === 'cosell_session')).toBeUndefined();
    }
    const [a, b] = [errorBody(unknown), errorBody(wrong)];
    expect(a.error).toBe('invalid_credentials');
    expect(b.error).toBe(a.error);
    expect(b.message).toBe(a.message);
    expect(b.status).toBe(a.status);
  });

  it('rotates the session: signing in again with the old cookie ends the old session', async () => {
    const first = await signIn();
    const again = await login(personas.byName.contosoOwner.email, PERSONA_PASSWORD, first.cookie);
    expect(again.statusCode).toBe(200);
    const second = sessionCookie(again).value;
    expect(second).not.toBe(first.cookie);
    const old = await me(first.cookie);
    expect(old.statusCode).toBe(401);
    expect(errorBody(old).error).toBe('unauthenticated');
    expect((await me(second)).statusCode).toBe(200);
  });

  it('refuses a cookie-authenticated write without the right X-CSRF-Token and accepts it with the token', async () => {
    const { cookie, csrfToken } = await signIn();
    const write = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        cookies: { cosell_session: cookie },
        headers,
        payload: { name: 'from the browser' },
      });

    const missing = await write({});
    expect(missing.statusCode).toBe(403);
    expect(errorBody(missing).error).toBe('csrf_failed');

    const wrong = await write({ 'x-csrf-token': `${csrfToken.slice(0, -1)}x` });
    expect(wrong.statusCode).toBe(403);
    expect(errorBody(wrong).error).toBe('csrf_failed');

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/tokens',
      cookies: { cosell_session: cookie },
    });
    expect(list.json().items.map((i: { name: string }) => i.name)).not.toContain('from the browser');

    const right = await write({ 'x-csrf-token': csrfToken });
    expect(right.statusCode).toBe(201);
    expect(right.json().name).toBe('from the browser');
  });

  it('ends the session on logout, and logout itself needs the CSRF token', async () => {
    const { cookie, csrfToken } = await signIn();
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { cosell_session: cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(errorBody(noCsrf).error).toBe('csrf_failed');
    expect((await me(cookie)).statusCode).toBe(200);

    const out = await logout(cookie, csrfToken);
    expect(out.statusCode).toBe(204);
    const cleared = sessionCookie(out);
    expect(cleared.value).toBe('');
    const after = await me(cookie);
    expect(after.statusCode).toBe(401);
    expect(errorBody(after).error).toBe('unauthenticated');
  });

  it('shows a new membership at once, though who a session is was remembered a moment ago', async () => {
    const { cookie } = await signIn(personas.byName.seller.email);
    const before = (await me(cookie)).json() as { memberships: { organizationId: string }[] };
    const organization = await t.app.services.users.createOrganization('Remembered Ltd');
    await t.app.services.users.addMember(organization.id, personas.byName.seller.userId, 'viewer');
    const after = (await me(cookie)).json() as { memberships: { organizationId: string }[] };
    expect(after.memberships.length).toBe(before.memberships.length + 1);
    expect(after.memberships.map((m) => m.organizationId)).toContain(organization.id);
  });

  it('lets another server on the same database honour a signed-out session for at most sessionCacheMs', async () => {
    const other = await createApp({
      config: testConfig({ sessionCacheMs: 300 }),
      database: t.database,
      logger: false,
      webRoot: null,
      blobs: t.blobs,
      clock,
    });
    await other.ready();
    try {
      const { cookie, csrfToken } = await signIn();
      const otherMe = () =>
        other.inject({ method: 'GET', url: '/api/v1/me', cookies: { cosell_session: cookie } });
      expect((await otherMe()).statusCode).toBe(200);
      const out = await logout(cookie, csrfToken);
      expect(out.statusCode).toBe(204);
      // This server forgot it at once; the other one remembers it until its entry runs out.
      expect((await me(cookie)).statusCode).toBe(401);
      expect((await otherMe()).statusCode).toBe(200);
      clock.advance(299);
      expect((await otherMe()).statusCode).toBe(200);
      clock.advance(1);
      expect((await otherMe()).statusCode).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('answers /me for a bearer token, with no CSRF token, and takes writes without a CSRF header', async () => {
    const { headers, userId } = personas.byName.contosoEditor;
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      user: { id: userId },
      csrfToken: null,
      authenticatedBy: 'token',
    });

    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers,
      payload: { name: 'script' },
    });
    expect(write.statusCode).toBe(201);
  });

  it('refuses a garbage bearer token even when a valid session cookie is also sent', async () => {
    const { cookie } = await signIn();
    for (const authorization of ['Bearer cosell_not-a-real-token', 'Bearer', 'Basic dXNlcjpwYXNz']) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization },
        cookies: { cosell_session: cookie },
      });
      expect(response.statusCode, authorization).toBe(401);
      expect(errorBody(response).error).toBe('unauthenticated');
    }
  });

  it('answers 401 without a cookie or token, and for an unknown cookie', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(none.statusCode).toBe(401);
    expect(errorBody(none).error).toBe('unauthenticated');
    const unknown = await me('not-a-session');
    expect(unknown.statusCode).toBe(401);
    expect(errorBody(unknown).error).toBe('unauthenticated');
  });

  it('answers the session probe with nobody (200, not 401) for a visitor, an unknown cookie and a signed-out one', async () => {
    const probe = (cookie?: string) =>
      t.app.inject({
        method: 'GET',
        url: '/api/v1/session',
        ...(cookie !== undefined && { cookies: { cosell_session: cookie } }),
      });
    for (const cookie of [undefined, 'not-a-session']) {
      const response = await probe(cookie);
      expect(response.statusCode, String(cookie)).toBe(200);
      expect(response.json(), String(cookie)).toEqual({ user: null });
    }
    const { cookie, csrfToken } = await signIn();
    expect((await logout(cookie, csrfToken)).statusCode).toBe(204);
    expect((await probe(cookie)).json()).toEqual({ user: null });
  });

  it('answers the session probe for a signed-in caller exactly as /me does, by cookie or by token', async () => {
    const { cookie } = await signIn();
    const byCookie = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      cookies: { cosell_session: cookie },
    });
    expect(byCookie.statusCode).toBe(200);
    expect(byCookie.json()).toEqual((await me(cookie)).json());
    expect(byCookie.json()).toMatchObject({
      user: { email: personas.byName.contosoOwner.email },
      authenticatedBy: 'session',
      csrfToken: expect.any(String),
    });
    const { token } = await t.app.services.tokens.create(personas.byName.seller.userId, { name: 'probe' });
    const byToken = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(byToken.json()).toMatchObject({
      user: { email: personas.byName.seller.email },
      authenticatedBy: 'token',
      csrfToken: null,
    });
  });

  it('refuses a token once it has expired', async () => {
    const { userId } = personas.byName.reviewer;
    const expiresAt = new Date(clock.now().getTime() + HOUR).toISOString();
    const { token } = await t.app.services.tokens.create(userId, { name: 'short-lived', expiresAt });
    const call = () =>
      t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect((await call()).statusCode).toBe(200);
    clock.advance(HOUR - 1000);
    expect((await call()).statusCode).toBe(200);
    clock.advance(2000);
    const expired = await call();
    expect(expired.statusCode).toBe(401);
    expect(errorBody(expired).error).toBe('unauthenticated');
  });

  it('ends a session once sessionTtlHours have passed', async () => {
    const { cookie } = await signIn();
    clock.advance(12 * HOUR - 60_000);
    expect((await me(cookie)).statusCode).toBe(200);
    clock.advance(120_000);
    const expired = await me(cookie);
    expect(expired.statusCode).toBe(401);
    expect(errorBody(expired).error).toBe('unauthenticated');
  });
});

describe('the sign-in rate limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ config: { loginRateLimitPerMinute: 3 } });
  });
  afterAll(() => t?.close());

  const attempt = (email: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: 'guessing-again' },
    });

  it('answers the fourth attempt in a minute with 429 rate_limited', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt('target@contoso.test')).statusCode).toBe(401);
    const limited = await attempt('target@contoso.test');
    expect(limited.statusCode).toBe(429);
    const body = errorBody(limited);
    expect(body.error).toBe('rate_limited');
    expect(body.message).toMatch(/try again/i);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts per account, so one account under attack does not lock out another from the same address', async () => {
    const other = await attempt('someone-else@contoso.test');
    expect(other.statusCode).toBe(401);
    expect(errorBody(other).error).toBe('invalid_credentials');
  });
});

describe('sign-in floods', () => {
  it('refuses a stream of new emails from one address once it passes the per-address limit', async () => {
    const t = await createTestApp({ config: { loginRateLimitPerMinute: 3, loginRateLimitPerAddress: 5 } });
    try {
      const attempt = (n: number) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: `sprayed-${n}@contoso.test`, password: 'guessing-again' },
        });
      // Every email is new, so the per-account count never trips; the address's does.
      for (let n = 0; n < 5; n++) expect((await attempt(n)).statusCode).toBe(401);
      const limited = await attempt(5);
      expect(limited.statusCode).toBe(429);
      expect(errorBody(limited).error).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Another address is not held up by it.
      const elsewhere = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '192.0.2.7',
        payload: { email: 'sprayed-6@contoso.test', password: 'guessing-again' },
      });
      expect(elsewhere.statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });

  it('answers 503 with Retry-After, the same for a known and an unknown email, while every hashing slot is taken', async () => {
    const passwords = createPasswordHashing({
      cost: 'test',
      threads: 1,
      reservedThreads: 0,
      anonymousShare: 1,
      queue: 0,
    });
    const t = await createTestApp({ passwords });
    try {
      const personas = await createPersonas(t.app);
      const login = (email: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email, password: PERSONA_PASSWORD },
        });
      // The one slot holds a check that takes a second or more (scrypt at four times OWASP's work); a sign-in reaches
      // its password check within milliseconds, so it finds the slot taken.
      const busy = passwords.verify('x', slowLegacyHash);
      for (const email of [personas.byName.seller.email, 'nobody@contoso.test']) {
        const refused = await login(email);
        expect(refused.statusCode).toBe(503);
        expect(errorBody(refused).error).toBe('service_unavailable');
        expect(refused.headers['retry-after']).toBe('1');
      }
      await busy;
      expect((await login(personas.byName.seller.email)).statusCode).toBe(200);
    } finally {
      await t.close();
      await passwords.close();
    }
  });
});

describe('sign-in floods: who waits for whom', () => {
  it('holds a refusal before answering it, so a client that asks again at once asks about once a delay', async () => {
    const t = await createTestApp({ config: { loginRateLimitPerAddress: 1, loginRefusalDelayMs: 300 } });
    try {
      const attempt = (n: number) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: `held-${n}@contoso.test`, password: 'guessing-again' },
        });
      expect((await attempt(1)).statusCode).toBe(401);
      const started = performance.now();
      const refused = await attempt(2);
      // A lower bound only: a busy machine makes the answer later, never sooner.
      expect(performance.now() - started).toBeGreaterThanOrEqual(295);
      expect(refused.statusCode).toBe(429);
      expect(errorBody(refused).error).toBe('rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });

  it('checks a password in the address lane for an address that failed none lately, whatever the account', async () => {
    const real = createPasswordHashing({ cost: 'test', threads: 1 });
    const lanes: (HashLane | undefined)[] = [];
    const passwords: PasswordHashing = {
      ...real,
      verify: (password, stored, lane) => {
        lanes.push(lane);
        return real.verify(password, stored, lane);
      },
      verifyNobody: (password, lane) => {
        lanes.push(lane);
        return real.verifyNobody(password, lane);
      },
    };
    const t = await createTestApp({ passwords });
    try {
      const personas = await createPersonas(t.app);
      const seller = personas.byName.seller.email;
      const login = (remoteAddress: string, email: string, password = 'guessing-again') =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress,
          payload: { email, password },
        });
      lanes.length = 0;
      // An unknown email and a wrong password: the address lane first, the anonymous one after the failure.
      expect((await login('192.0.2.10', 'nobody@contoso.test')).statusCode).toBe(401);
      expect((await login('192.0.2.10', seller)).statusCode).toBe(401);
      expect((await login('192.0.2.11', seller)).statusCode).toBe(401);
      expect((await login('192.0.2.11', 'nobody@contoso.test')).statusCode).toBe(401);
      // A first-time user from a quiet address, twice: a success does not count against the address.
      expect((await login('192.0.2.12', seller, PERSONA_PASSWORD)).statusCode).toBe(200);
      expect((await login('192.0.2.12', seller, PERSONA_PASSWORD)).statusCode).toBe(200);
      expect(lanes).toEqual(['address', 'anonymous', 'address', 'anonymous', 'address', 'address']);
    } finally {
      await t.close();
      await real.close();
    }
  });
});

describe('stored password hashes', () => {
  it('replaces a hash of the earlier scrypt scheme with argon2id at the next sign-in', async () => {
    const t = await createTestApp();
    try {
      const { users } = t.app.services;
      const salt = Buffer.from('0123456789abcdef');
      const key = scryptSync(PERSONA_PASSWORD, salt, 32, { N: 1024, r: 8, p: 1 });
      const legacy = ['scrypt', 1024, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
      const user = await users.createUser(
        { email: 'old@contoso.test', name: 'Old Hash', password: PERSONA_PASSWORD },
        legacy,
      );
      const login = (password: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'old@contoso.test', password },
        });
      // A wrong password changes nothing.
      expect((await login('not the password')).statusCode).toBe(401);
      expect((await t.app.repos.users.findById(user.id))?.passwordHash).toBe(legacy);
      expect((await login(PERSONA_PASSWORD)).statusCode).toBe(200);
      const stored = (await t.app.repos.users.findById(user.id))?.passwordHash ?? '';
      expect(stored).toMatch(/^\$argon2id\$v=19\$m=256,t=1,p=1\$/);
      // The new hash signs in; the old one is gone.
      expect((await login(PERSONA_PASSWORD)).statusCode).toBe(200);
      expect((await t.app.repos.users.findById(user.id))?.passwordHash).toBe(stored);
    } finally {
      await t.close();
    }
  });
});
