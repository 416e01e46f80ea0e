import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { type App, createApp } from '../../src/server/app.js';
import { documentApi } from '../support/document-api.js';
import { sampleFiles } from '../support/document-fixtures.js';
import { createPersonas, PERSONA_PASSWORD, type Personas } from '../support/personas.js';
import { createTestApp, type TestApp, testConfig } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-database.js';

/** Waits for a state; one that never comes fails the test at its own timeout. */
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('answers: Cache-Control and HSTS', () => {
  let t: TestApp;
  let personas: Personas;
  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
  });
  afterAll(() => t?.close());

  it('sends no-store on API answers, signed in or not, CSV exports included', async () => {
    const owner = personas.byName.contosoOwner.headers;
    const offerId = await documentApi(t.app).createOffer(owner);
    for (const [url, headers] of [
      ['/api/v1/offers', owner],
      ['/api/v1/me', owner],
      [`/api/v1/offers/${offerId}/co-sell/contacts.csv`, owner],
      ['/api/v1/co-sell/contacts-template.csv', owner],
      ['/api/v1/offers', {}],
    ] as const) {
      const response = await t.app.inject({ method: 'GET', url, headers });
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: personas.byName.seller.email, password: PERSONA_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');
    // A signed-in session's cookie, over plain HTTP with COSELL_SECURE_COOKIES=auto: not Secure.
    expect(String(login.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
  });

  it("keeps a route's own caching: a document download revalidates with its ETag", async () => {
    const owner = personas.byName.contosoOwner.headers;
    const api = documentApi(t.app);
    const offerId = await api.createOffer(owner);
    const document = await api.uploaded(owner, offerId, 'customerOnePager', 'one.pdf', sampleFiles.pdf);
    const content = await api.content(owner, offerId, document.id);
    expect(content.statusCode).toBe(200);
    expect(content.headers['cache-control']).toBe('private, no-cache');
  });

  it('sends HSTS only over HTTPS by default, and on every answer when told to', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();

    const always = await createTestApp({ config: { hsts: 'always' } });
    try {
      const response = await always.app.inject({ method: 'GET', url: '/healthz' });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
    } finally {
      await always.close();
    }
  });
});

describe('logs: no secrets, and client aborts without stacks', () => {
  let database: Database;
  let app: App;
  let port: number;
  const lines: Record<string, unknown>[] = [];
  const text = () => lines.map((line) => JSON.stringify(line)).join('\n');

  beforeAll(async () => {
    database = await createTestDatabase();
    const stream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
        done();
      },
    });
    app = await createApp({
      config: testConfig({ logLevel: 'info' }),
      database,
      logger: { level: 'info', stream },
      webRoot: null,
    });
    // A failing query with a value that must not be logged: the shape of a token lookup gone wrong.
    app.get('/api/v1/test-failing-query', { config: { policy: 'public' } }, async () => {
      await database.db.execute(sql`select ${'secret_hash_f00dfeed'}::int`);
      return {};
    });
    // A hook that runs before the body is read and takes its time: the sign-in's address count is one.
    app.post(
      '/api/v1/test-slow-hook',
      {
        config: { policy: 'public' },
        onRequest: async () => {
          await new Promise((resolve) => setTimeout(resolve, 300));
        },
      },
      async () => ({}),
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('logs request URLs with their query values redacted', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz?token=cosell_pat_leaked123&x' });
    expect(response.statusCode).toBe(200);
    expect(text()).not.toContain('cosell_pat_leaked123');
    expect(text()).toContain('/healthz?token=[redacted]&x');
  });

  it('logs a failed query without its parameters or the values PostgreSQL quotes back', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/test-failing-query' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret_hash');
    const errors = lines.filter((line) => line.level === 50);
    expect(errors.length).toBeGreaterThan(0);
    expect(text()).not.toContain('f00dfeed');
    expect(JSON.stringify(errors)).toContain('params: [redacted]');
  });

  /** Sends the start of a JSON body to `path` and hangs up 50 ms later; where the log stood before. */
  async function hangUpMidBody(path: string) {
    const before = lines.length;
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"email":"a`,
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
      socket.on('error', () => undefined);
    });
    // Noted once the server has noticed the hang-up, as what it is.
    await until(() => lines.slice(before).some((line) => line.clientAbort !== undefined));
    return before;
  }

  it('logs a client that hangs up mid-body below error level, without a stack', async () => {
    const after = lines.slice(await hangUpMidBody('/api/v1/auth/login'));
    expect(after.filter((line) => Number(line.level) >= 40)).toEqual([]);
    expect(JSON.stringify(after)).not.toContain('"stack"');
  });

  it('notes a hang-up while a hook before the body still runs, once', async () => {
    const before = await hangUpMidBody('/api/v1/test-slow-hook');
    // The hook ends after the hang-up; whatever the body's reader then says is not noted again.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const after = lines.slice(before);
    expect(after.filter((line) => line.clientAbort !== undefined)).toHaveLength(1);
    expect(after.filter((line) => Number(line.level) >= 40)).toEqual([]);
  });
});
