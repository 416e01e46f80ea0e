import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeploymentConfig } from '../../src/server/deployment-config.js';
import { createPersonas, PERSONA_PASSWORD, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp, testConfig } from '../support/test-app.js';

/**
 * COSELL_TRUST_PROXY: behind a trusted proxy the client is the one X-Forwarded-For names (so the per-address
 * sign-in limit counts the real client, not the proxy) and HTTPS is what X-Forwarded-Proto says (so the
 * session cookie is Secure with COSELL_SECURE_COOKIES=auto, and HSTS is sent); otherwise both headers are
 * whatever anyone wrote, and are ignored. The per-address limit is 2 here: a third attempt of one client
 * within the minute gets 429, which shows whom the server took the request to come from.
 */

const PER_ADDRESS = 2;
const PROXY = '10.0.0.2';

/** An app configured with COSELL_TRUST_PROXY as an operator writes it (unset: the default). */
async function appTrusting(setting: string | undefined): Promise<TestApp> {
  const issues: string[] = [];
  const deployment = loadDeploymentConfig(
    setting === undefined ? {} : { COSELL_TRUST_PROXY: setting },
    issues,
  );
  if (!deployment) throw new Error(issues.join('\n'));
  return createTestApp({
    config: {
      loginRateLimitPerAddress: PER_ADDRESS,
      secureCookies: 'auto',
      hsts: 'auto',
      deployment: { ...testConfig().deployment, trustProxy: deployment.trustProxy },
    },
  });
}

function signIn(
  t: TestApp,
  options: {
    from: string;
    forwardedFor?: string;
    forwardedProto?: string;
    email?: string;
    password?: string;
  },
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: options.from,
    headers: {
      ...(options.forwardedFor !== undefined && { 'x-forwarded-for': options.forwardedFor }),
      ...(options.forwardedProto !== undefined && { 'x-forwarded-proto': options.forwardedProto }),
    },
    payload: {
      email: options.email ?? 'nobody@contoso.test',
      password: options.password ?? 'guessing-again',
    },
  });
}

/** The statuses of sign-ins with a wrong password, one per forwarded-for value, in order. */
async function statuses(t: TestApp, from: string, forwardedFor: string[]): Promise<number[]> {
  const result: number[] = [];
  for (const value of forwardedFor) result.push((await signIn(t, { from, forwardedFor: value })).statusCode);
  return result;
}

const sessionCookie = (response: LightMyRequestResponse) =>
  response.cookies.find((c) => c.name === 'cosell_session');

/** A successful sign-in's cookie and HSTS, as the client sent the forwarded protocol. */
async function overProto(t: TestApp, personas: Personas, from: string, forwardedProto?: string) {
  const response = await signIn(t, {
    from,
    ...(forwardedProto !== undefined && { forwardedProto }),
    email: personas.byName.seller.email,
    password: PERSONA_PASSWORD,
  });
  expect(response.statusCode).toBe(200);
  return {
    secure: sessionCookie(response)?.secure === true,
    hsts: response.headers['strict-transport-security'],
  };
}

describe('COSELL_TRUST_PROXY unset (the default): forwarded headers are ignored', () => {
  let t: TestApp;
  let personas: Personas;
  beforeAll(async () => {
    t = await appTrusting(undefined);
    personas = await createPersonas(t.app);
  });
  afterAll(() => t?.close());

  it('counts sign-ins against the connecting address whatever X-Forwarded-For says', async () => {
    expect(await statuses(t, '192.0.2.1', ['203.0.113.1', '203.0.113.2', '203.0.113.3'])).toEqual([
      401, 401, 429,
    ]);
    const refused = await signIn(t, { from: '192.0.2.1', forwardedFor: '203.0.113.4' });
    expect(errorBody(refused).message).toMatch(/from this address/);
    // Another connecting address has a count of its own.
    expect(await statuses(t, '192.0.2.2', ['203.0.113.1'])).toEqual([401]);
  });

  it('takes no X-Forwarded-Proto for HTTPS: no Secure cookie, no HSTS', async () => {
    expect(await overProto(t, personas, '192.0.2.3', 'https')).toEqual({ secure: false, hsts: undefined });
  });
});

describe('COSELL_TRUST_PROXY=true: the client is the first address in X-Forwarded-For', () => {
  let t: TestApp;
  let personas: Personas;
  beforeAll(async () => {
    t = await appTrusting('true');
    personas = await createPersonas(t.app);
  });
  afterAll(() => t?.close());

  it('counts each forwarded client on its own, though all come through one proxy', async () => {
    expect(await statuses(t, PROXY, ['203.0.113.1', '203.0.113.1', '203.0.113.1'])).toEqual([401, 401, 429]);
    expect(await statuses(t, PROXY, ['203.0.113.2', '203.0.113.2'])).toEqual([401, 401]);
    // The same client through another proxy (or a chain) is the same client.
    expect(await statuses(t, '10.0.0.3', ['203.0.113.1, 10.0.0.9'])).toEqual([429]);
  });

  it('takes X-Forwarded-Proto: https for HTTPS: Secure cookie and HSTS; plain HTTP gets neither', async () => {
    // Each from a proxy of its own: without X-Forwarded-For the proxy is the client, with its own count.
    expect(await overProto(t, personas, '10.0.1.1', 'https')).toEqual({
      secure: true,
      hsts: 'max-age=31536000',
    });
    expect(await overProto(t, personas, '10.0.1.2', 'http')).toEqual({ secure: false, hsts: undefined });
    expect(await overProto(t, personas, '10.0.1.3')).toEqual({ secure: false, hsts: undefined });
  });
});

describe('COSELL_TRUST_PROXY=1 (one hop): the client is the address the one proxy saw', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appTrusting('1');
  });
  afterAll(() => t?.close());

  it('ignores what the client itself wrote into X-Forwarded-For before the proxy added its address', async () => {
    // A client varying a forged first entry is still one client: the proxy's entry, the last, counts.
    expect(
      await statuses(t, PROXY, [
        'forged-1, 203.0.113.9',
        '198.51.100.1, 203.0.113.9',
        '198.51.100.2, 203.0.113.9',
      ]),
    ).toEqual([401, 401, 429]);
    expect(await statuses(t, PROXY, ['198.51.100.1, 203.0.113.10'])).toEqual([401]);
  });
});

describe('COSELL_TRUST_PROXY as addresses and ranges: only those proxies are believed', () => {
  let t: TestApp;
  let personas: Personas;
  beforeAll(async () => {
    t = await appTrusting('10.0.0.0/8, 192.0.2.10');
    personas = await createPersonas(t.app);
  });
  afterAll(() => t?.close());

  it('takes the forwarded client from a listed proxy and from one in a listed range', async () => {
    expect(await statuses(t, '192.0.2.10', ['203.0.113.1', '203.0.113.2'])).toEqual([401, 401]);
    expect(await statuses(t, '10.200.0.1', ['203.0.113.1', '203.0.113.3'])).toEqual([401, 401]);
    // 203.0.113.1's third attempt, through either proxy.
    expect(await statuses(t, PROXY, ['203.0.113.1'])).toEqual([429]);
  });

  it('ignores the forwarded headers of anyone else, who counts as themselves', async () => {
    expect(await statuses(t, '198.51.100.7', ['203.0.113.20', '203.0.113.21', '203.0.113.22'])).toEqual([
      401, 401, 429,
    ]);
    expect(await overProto(t, personas, '198.51.100.8', 'https')).toEqual({ secure: false, hsts: undefined });
    expect(await overProto(t, personas, '10.1.1.1', 'https')).toEqual({
      secure: true,
      hsts: 'max-age=31536000',
    });
  });
});
