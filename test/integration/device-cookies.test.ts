import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonas, PERSONA_PASSWORD, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, manualClock, type TestApp } from '../support/test-app.js';

const DAY = 86_400_000;
const FLOODED = '198.51.100.7';

function deviceCookie(response: LightMyRequestResponse) {
  return response.cookies.find((c) => c.name === 'cosell_device');
}

/** Headers that differ between any two answers (the request's id and the time). */
function comparableHeaders(response: LightMyRequestResponse) {
  const { 'x-request-id': _id, date: _date, ...rest } = response.headers;
  return rest;
}

describe('device cookies: a returning browser signs in past a flood of unknown emails', () => {
  const clock = manualClock(new Date());
  let t: TestApp;
  let personas: Personas;

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      config: { loginRateLimitPerMinute: 3, loginRateLimitPerAddress: 4, deviceCookieDays: 30 },
    });
    personas = await createPersonas(t.app);
  });
  afterAll(() => t?.close());

  const login = (email: string, password: string, from: string, device?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: from,
      payload: { email, password },
      ...(device && { cookies: { cosell_device: device } }),
    });

  /** Signs in from an address of its own and returns the device cookie it was given. */
  async function deviceOf(email: string, from: string) {
    const response = await login(email, PERSONA_PASSWORD, from);
    expect(response.statusCode).toBe(200);
    const cookie = deviceCookie(response);
    if (!cookie) throw new Error('no device cookie');
    return cookie.value;
  }

  /** New unknown emails from FLOODED until the per-address limit refuses them. */
  async function flood() {
    for (let n = 0; ; n++) {
      const response = await login(`flood-${clock.now().getTime()}-${n}@flood.test`, 'guessing', FLOODED);
      if (response.statusCode === 429) return response;
      expect(response.statusCode).toBe(401);
      expect(n).toBeLessThan(4);
    }
  }

  it('issues an httpOnly, SameSite=Strict device cookie on a successful sign-in, for the sign-in route only', async () => {
    const response = await login(personas.byName.seller.email, PERSONA_PASSWORD, '192.0.2.1');
    expect(response.statusCode).toBe(200);
    const cookie = deviceCookie(response);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth/login' });
    expect(cookie?.secure).toBeFalsy(); // COSELL_SECURE_COOKIES=false in the tests' configuration
    expect(cookie?.value.length).toBeGreaterThanOrEqual(32);
    expect(cookie?.expires?.getTime()).toBe(Math.floor((clock.now().getTime() + 30 * DAY) / 1000) * 1000);
    // A failed sign-in sets no cookie of any kind.
    const failed = await login(personas.byName.seller.email, 'not the password', '192.0.2.1');
    expect(failed.statusCode).toBe(401);
    expect(failed.headers['set-cookie']).toBeUndefined();
  });

  it('marks the device cookie Secure when cookies are secure', async () => {
    const secure = await createTestApp({ config: { secureCookies: true } });
    try {
      const people = await createPersonas(secure.app);
      const response = await secure.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: people.byName.seller.email, password: PERSONA_PASSWORD },
      });
      expect(deviceCookie(response)?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('refuses the flood with 429 and Retry-After, and lets a returning browser in from the same address', async () => {
    const device = await deviceOf(personas.byName.seller.email, '192.0.2.2');
    const refused = await flood();
    expect(errorBody(refused).error).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The same user without the cookie is one more attempt from a flooded address.
    expect((await login(personas.byName.seller.email, PERSONA_PASSWORD, FLOODED)).statusCode).toBe(429);
    const returning = await login(personas.byName.seller.email, PERSONA_PASSWORD, FLOODED, device);
    expect(returning.statusCode).toBe(200);
    // The browser keeps the cookie it has; no second one is issued.
    expect(deviceCookie(returning)).toBeUndefined();
    // The email as typed, in another case and with spaces, is the same account.
    const typed = ` ${personas.byName.seller.email.toUpperCase()} `;
    expect((await login(typed, PERSONA_PASSWORD, FLOODED, device)).statusCode).toBe(200);
  });

  it('gives no lane to a forged cookie or to another user’s cookie', async () => {
    clock.advance(61_000); // a new window for every count
    const ownersDevice = await deviceOf(personas.byName.contosoOwner.email, '192.0.2.3');
    await flood();
    const seller = personas.byName.seller.email;
    for (const device of ['forged-device-cookie-value-of-some-length', ownersDevice, `${ownersDevice}x`]) {
      const refused = await login(seller, PERSONA_PASSWORD, FLOODED, device);
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    // The owner's own cookie, for the owner, still works.
    expect(
      (await login(personas.byName.contosoOwner.email, PERSONA_PASSWORD, FLOODED, ownersDevice)).statusCode,
    ).toBe(200);
  });

  it('gives no lane to a cookie past its expiry', async () => {
    clock.advance(61_000);
    const device = await deviceOf(personas.byName.seller.email, '192.0.2.4');
    clock.advance(30 * DAY + 1_000);
    await flood();
    expect((await login(personas.byName.seller.email, PERSONA_PASSWORD, FLOODED, device)).statusCode).toBe(
      429,
    );
  });

  it('revokes the cookie once attempts from the device reach the account’s limit', async () => {
    clock.advance(61_000);
    const seller = personas.byName.seller.email;
    const device = await deviceOf(seller, '192.0.2.5');
    for (let i = 0; i < 3; i++)
      expect((await login(seller, 'wrong guess', '192.0.2.6', device)).statusCode).toBe(401);
    const locked = await login(seller, PERSONA_PASSWORD, '192.0.2.6', device);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(deviceCookie(locked)?.value).toBe(''); // the browser is told to drop it
    // Past the window, the cookie gives no lane: a flooded address refuses it like any other attempt...
    clock.advance(61_000);
    await flood();
    expect((await login(seller, PERSONA_PASSWORD, FLOODED, device)).statusCode).toBe(429);
    // ...and from elsewhere the right password signs in as anyone's would, with a new device cookie.
    const again = await login(seller, PERSONA_PASSWORD, '192.0.2.8', device);
    expect(again.statusCode).toBe(200);
    expect(deviceCookie(again)?.value).toMatch(/.{32,}/);
    expect(deviceCookie(again)?.value).not.toBe(device);
  });

  it('answers an unknown email and a wrong password identically, with a device cookie or without', async () => {
    clock.advance(61_000);
    const device = await deviceOf(personas.byName.seller.email, '192.0.2.9');
    // Each pair from addresses of its own: the same counts, so the same RateLimit headers.
    for (const [cookie, from] of [
      [undefined, '192.0.2.10'],
      [device, '192.0.2.11'],
    ] as const) {
      const unknown = await login('nobody@contoso.test', 'a wrong password', from, cookie);
      const wrong = await login(personas.byName.seller.email, 'a wrong password', from, cookie);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.statusCode).toBe(401);
      const { requestId: _a, ...unknownBody } = errorBody(unknown);
      const { requestId: _b, ...wrongBody } = errorBody(wrong);
      expect(wrongBody).toEqual(unknownBody);
      expect(unknownBody.error).toBe('invalid_credentials');
      expect(comparableHeaders(wrong)).toEqual(comparableHeaders(unknown));
      expect(unknown.headers['set-cookie']).toBeUndefined();
    }
  });
});
