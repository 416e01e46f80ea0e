import { createServer, type Server, type Socket } from 'node:net';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { type App, createApp } from '../../src/server/app.js';
import { createTestApp, type TestApp, testConfig } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('security headers', () => {
  it('sends the content security policy and the other protective headers on every answer, errors included', async () => {
    for (const url of ['/healthz', '/api/v1/offers', '/api/v1/no-such-route']) {
      const response = await t.app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp, url).toContain("img-src 'self' data:");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).not.toContain('upgrade-insecure-requests');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
      expect(response.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      // Served over plain HTTP by default: HSTS is for the proxy in front, when there is one.
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
      expect(response.headers['x-powered-by'], url).toBeUndefined();
    }
  });
});

describe('health checks', () => {
  it('answers /healthz and /readyz with 200 when the database answers', async () => {
    for (const url of ['/healthz', '/readyz']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.json()).toEqual({ status: 'ok' });
    }
  });

  it('answers /readyz with 503 when the database fails', async () => {
    const app = await createApp({
      config: testConfig(),
      database: { db: t.database.db, ping: () => Promise.reject(new Error('connection refused')) },
      logger: false,
      webRoot: null,
    });
    try {
      await app.ready();
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ status: 'unavailable', detail: expect.stringContaining('database') });
    } finally {
      await app.close();
    }
  });

  describe('against a database server that accepts connections and never answers', () => {
    let silent: Server;
    const sockets = new Set<Socket>();
    let app: App;
    let close: () => Promise<void>;

    beforeAll(async () => {
      silent = createServer((socket) => {
        sockets.add(socket);
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const { port } = silent.address() as { port: number };
      const database = await openDatabase({
        kind: 'postgres',
        url: `postgres://nobody@127.0.0.1:${port}/none`,
      });
      close = () => database.close();
      app = await createApp({
        config: testConfig({ readyTimeoutMs: 300 }),
        database,
        logger: false,
        webRoot: null,
      });
      await app.ready();
    });
    afterAll(async () => {
      await app?.close();
      for (const socket of sockets) socket.destroy();
      await close?.();
      await new Promise((resolve) => silent?.close(resolve));
    });

    // The database accepts the connection and never answers: without the timeout the request would hang until
    // the test's own timeout failed it. How long it took is not asserted beyond "the timeout, at least".
    it('answers /readyz with 503 after the ping timeout (COSELL_READY_TIMEOUT_MS) instead of hanging', async () => {
      const started = performance.now();
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      const elapsed = performance.now() - started;
      expect(response.statusCode).toBe(503);
      expect(response.json().status).toBe('unavailable');
      expect(sockets.size).toBeGreaterThan(0);
      expect(elapsed).toBeGreaterThanOrEqual(290);
    });
  });
});

describe('the API description', () => {
  it('serves an OpenAPI 3.1.0 document of the /api/v1 routes with the security schemes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const doc = response.json() as OpenAPIV3_1.Document;
    expect(doc.openapi).toBe('3.1.0');
    const paths = Object.keys(doc.paths ?? {});
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/tokens',
        '/api/v1/tokens/{tokenId}',
        '/api/v1/reference',
      ]),
    );
    for (const path of paths.filter((p) => p.startsWith('/api/'))) expect(path).toMatch(/^\/api\/v1\//);
    expect(doc.components?.securitySchemes).toEqual({
      bearerToken: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      sessionCookie: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'cosell_session' }),
    });
    const login = doc.paths?.['/api/v1/auth/login']?.post;
    expect(login?.requestBody).toBeDefined();
    expect(Object.keys(login?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '429']));
  });

  it('serves the interactive docs as HTML', async () => {
    for (const url of ['/api/docs', '/api/docs/']) {
      const page = await t.app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toMatch(/<html/i);
      expect(page.body).toContain('swagger-ui');
    }
  });
});
