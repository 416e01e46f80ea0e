import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';

describe('personal API tokens', () => {
  let t: TestApp;
  let personas: Personas;

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
  });
  afterAll(() => t?.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const create = (headers: Record<string, string>, payload: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers,
      payload: payload as Record<string, unknown>,
    });
  const me = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });

  it('creates a token shown once, starting with cosell_, that then authenticates', async () => {
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const response = await create(personas.byName.contosoViewer.headers, { name: 'CI import', expiresAt });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ name: 'CI import', expiresAt, lastUsedAt: null });
    expect(created.token).toMatch(/^cosell_[A-Za-z0-9_-]{40,}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect(created.prefix.length).toBeLessThan(created.token.length);

    const who = await me(created.token);
    expect(who.statusCode).toBe(200);
    expect(who.json().user.id).toBe(personas.byName.contosoViewer.userId);
  });

  it('lists the tokens without ever including a secret', async () => {
    const { token } = (await create(personas.byName.seller.headers, { name: 'listed' })).json();
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/tokens',
      headers: personas.byName.seller.headers,
    });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Record<string, unknown>[];
    expect(items.map((i) => i.name).sort()).toEqual(['listed', 'tests']);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual([
        'createdAt',
        'expiresAt',
        'id',
        'lastUsedAt',
        'name',
        'prefix',
      ]);
    }
    expect(response.body).not.toContain(token);
    expect(response.body).not.toContain(personas.byName.seller.token);
    // The persona's own token was used for this very request.
    expect(items.find((i) => i.name === 'tests')?.lastUsedAt).toEqual(expect.any(String));
  });

  it("lists only the caller's own tokens", async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/tokens',
      headers: personas.byName.reseller.headers,
    });
    expect(response.json().items.map((i: { name: string }) => i.name)).toEqual(['tests']);
  });

  it('revokes a token (204), after which it gets 401 and leaves the list', async () => {
    const created = (await create(personas.byName.reviewer.headers, { name: 'to revoke' })).json();
    expect((await me(created.token)).statusCode).toBe(200);

    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${created.id}`,
      headers: personas.byName.reviewer.headers,
    });
    expect(revoke.statusCode).toBe(204);
    expect(revoke.body).toBe('');

    const after = await me(created.token);
    expect(after.statusCode).toBe(401);
    expect(errorBody(after).error).toBe('unauthenticated');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/tokens',
      headers: personas.byName.reviewer.headers,
    });
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(created.id);

    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${created.id}`,
      headers: personas.byName.reviewer.headers,
    });
    expect(again.statusCode).toBe(404);
    expect(errorBody(again).error).toBe('not_found');
  });

  it("answers 404 for another user's token, which keeps working", async () => {
    const victim = (await create(personas.byName.contosoOwner.headers, { name: 'owner script' })).json();
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${victim.id}`,
      headers: personas.byName.fabrikamOwner.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(errorBody(response).error).toBe('not_found');
    expect((await me(victim.token)).statusCode).toBe(200);
  });

  it('refuses an expiry in the past with 422 rule_violation on expiresAt', async () => {
    const response = await create(personas.byName.admin.headers, {
      name: 'stale',
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(response.statusCode).toBe(422);
    const body = errorBody(response);
    expect(body.error).toBe('rule_violation');
    expect(body.issues?.map((i) => i.path)).toEqual(['expiresAt']);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/tokens',
      headers: personas.byName.admin.headers,
    });
    expect(list.json().items.map((i: { name: string }) => i.name)).not.toContain('stale');
  });

  it('refuses a malformed expiry with 400 validation_failed on expiresAt', async () => {
    for (const expiresAt of ['next tuesday', '2027-13-01T00:00:00Z', '2027-01-31']) {
      const response = await create(personas.byName.admin.headers, { name: 'bad date', expiresAt });
      expect(response.statusCode, expiresAt).toBe(400);
      const body = errorBody(response);
      expect(body.error).toBe('validation_failed');
      expect(body.issues?.map((i) => i.path)).toContain('expiresAt');
    }
  });

  it('refuses a token without a name', async () => {
    const response = await create(personas.byName.admin.headers, { name: '   ' });
    expect(response.statusCode).toBe(400);
    const body = errorBody(response);
    expect(body.error).toBe('validation_failed');
    expect(body.issues?.map((i) => i.path)).toEqual(['name']);
  });
});
