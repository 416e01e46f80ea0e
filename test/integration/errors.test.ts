import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { type App, createApp } from '../../src/server/app.js';
import { errorBody, testConfig } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-database.js';

const LOGIN = '/api/v1/auth/login';

describe('the error shape', () => {
  let app: App;
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApp({
      config: testConfig({ bodyLimitBytes: 1024 }),
      database,
      logger: false,
      webRoot: null,
    });
    // A route that fails the way a bug would: an error whose message leaks SQL.
    app.get('/api/test/boom', { config: { policy: 'public' } }, async () => {
      throw new Error('select password_hash from users');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const post = (payload: string, contentType = 'application/json') =>
    app.inject({ method: 'POST', url: LOGIN, headers: { 'content-type': contentType }, payload });

  it('answers malformed JSON with 400 malformed_json', async () => {
    for (const payload of ['{"email": "a@b.test",', "{'email': 1}"]) {
      const response = await post(payload);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(errorBody(response).error).toBe('malformed_json');
    }
  });

  it('answers an unknown field with 400 validation_failed naming the field', async () => {
    const response = await post(
      JSON.stringify({ email: 'a@b.test', password: 'long enough password', isAdmin: true }),
    );
    expect(response.statusCode).toBe(400);
    const body = errorBody(response);
    expect(body.error).toBe('validation_failed');
    expect(body.issues?.some((i) => i.message.includes('isAdmin'))).toBe(true);
  });

  it('answers a missing field with 400 validation_failed on that field', async () => {
    const response = await post(JSON.stringify({ email: 'a@b.test' }));
    expect(response.statusCode).toBe(400);
    const body = errorBody(response);
    expect(body.error).toBe('validation_failed');
    expect(body.issues?.map((i) => i.path)).toEqual(['password']);
  });

  it('answers a body that is not JSON with 415 unsupported_media_type', async () => {
    for (const contentType of ['text/plain', 'application/xml']) {
      const response = await post('<login email="a@b.test"/>', contentType);
      expect(response.statusCode, contentType).toBe(415);
      expect(errorBody(response).error).toBe('unsupported_media_type');
    }
  });

  it('answers a body over the limit with 413 payload_too_large', async () => {
    const response = await post(JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(2000) }));
    expect(response.statusCode).toBe(413);
    expect(errorBody(response).error).toBe('payload_too_large');
  });

  it('answers an unknown /api route with a 404 not_found in JSON', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/no-such-thing'],
      ['POST', '/api/v2/offers'],
      ['DELETE', '/api/v1/me'],
    ] as const) {
      const response = await app.inject({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(errorBody(response).error).toBe('not_found');
    }
  });

  it('answers an unexpected exception with a plain 500 that shows no stack and no SQL', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(response.statusCode).toBe(500);
    const body = errorBody(response);
    expect(Object.keys(body).sort()).toEqual([
      'error',
      'message',
      'messageKey',
      'params',
      'requestId',
      'status',
    ]);
    expect(body.error).toBe('internal_error');
    expect(body.message).toContain('request id');
    // The catalogue's words for the code, with nothing of the exception in their parameters.
    expect(body.messageKey).toBe('problems.codes.internal_error');
    expect(body.params).toEqual({});
    expect(response.body).not.toMatch(/password_hash|select|users/i);
    expect(response.body).not.toMatch(/\bat .*\.(ts|js):\d+|stack/i);
  });

  it('puts the X-Request-Id header into every error body', async () => {
    const replies = await Promise.all([
      post('{'),
      post('a', 'text/plain'),
      app.inject({ method: 'GET', url: '/api/v1/me' }),
      app.inject({ method: 'GET', url: '/api/test/boom' }),
      app.inject({ method: 'GET', url: '/api/nothing' }),
    ]);
    const ids = new Set<string>();
    for (const response of replies) {
      const header = response.headers['x-request-id'];
      expect(header).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.json().requestId).toBe(header);
      ids.add(String(header));
    }
    expect(ids.size).toBe(replies.length);
  });

  it('echoes a safe client X-Request-Id and replaces an unsafe one', async () => {
    const given = 'edge-7f3a.b2:01';
    const echoed = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'x-request-id': given } });
    expect(echoed.headers['x-request-id']).toBe(given);
    expect(errorBody(echoed).requestId).toBe(given);

    const ok = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': given } });
    expect(ok.headers['x-request-id']).toBe(given);

    for (const unsafe of ['has spaces in it', '<script>', 'x'.repeat(65)]) {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { 'x-request-id': unsafe },
      });
      expect(response.headers['x-request-id']).not.toBe(unsafe);
      expect(errorBody(response).requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
