import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { OpenAPIV3_1 } from 'openapi-types';
import { describe, expect, it } from 'vitest';
import { CreateOfferRequestSchema } from '../../src/domain/schemas/offers.js';
import { hashIdempotencyKey, requestFingerprint } from '../../src/server/idempotency/sealed-answer.js';
import type { PersonaName } from '../support/personas.js';
import { errorBody } from '../support/test-app.js';
import { incomingReferral, liveOffer } from './referral-api.js';
import { useReviewApp } from './review-api.js';

/**
 * Issue #17, idempotent creates: a create sent again with the same Idempotency-Key gets the first answer
 * and creates nothing; the same key with another request is 422, while the first runs 409; keys are the
 * caller's own, live 24 hours on the injected clock, and failed answers are not kept. What was created is
 * counted through the API's own lists.
 */
describe('Idempotency-Key on creates', () => {
  const { ctx, api, as } = useReviewApp();
  const DAY_MS = 24 * 3_600_000;

  const post = (who: PersonaName, url: string, payload: unknown, headers: Record<string, string> = {}) =>
    ctx.t.app.inject({
      method: 'POST',
      url,
      headers: { ...as(who), ...headers },
      ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
    });
  const count = async (who: PersonaName, url: string) => {
    const response = await ctx.t.app.inject({ method: 'GET', url, headers: as(who) });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { items: unknown[] }).items.length;
  };
  const offerCount = () => count('contosoOwner', '/api/v1/offers');
  const offerBody = (name: string) => ({ name, offerType: 'SaaS', markets: ['SE'] });

  interface Create {
    what: string;
    who: PersonaName;
    /** One waits for review at a time: a second submission without the key is refused, not created. */
    onePending?: boolean;
    /** The create's URL, its list's URL, a body and another body; made once the app exists. */
    setUp(): Promise<{
      url: string;
      list: string;
      body: unknown;
      other: unknown;
      headers?: Record<string, string>;
    }>;
  }
  const creates: Create[] = [
    {
      what: 'an offer',
      who: 'contosoOwner',
      setUp: async () => ({
        url: '/api/v1/offers',
        list: '/api/v1/offers',
        body: offerBody('Replayed Analytics'),
        other: offerBody('Other Analytics'),
      }),
    },
    {
      what: 'a contact',
      who: 'contosoOwner',
      setUp: async () => {
        const offerId = await api.readiness.docs.createOffer(as('contosoOwner'));
        const contact = (email: string) => ({
          name: 'Anna Berg',
          email,
          jobTitle: 'Partner manager',
          role: 'PartnerSales',
          countries: ['SE'],
        });
        return {
          url: `/api/v1/offers/${offerId}/co-sell/contacts`,
          list: `/api/v1/offers/${offerId}/co-sell/contacts`,
          body: contact('anna@contoso.example'),
          other: contact('other@contoso.example'),
          headers: { 'if-match': '*' },
        };
      },
    },
    {
      what: 'a submission for review',
      who: 'contosoOwner',
      onePending: true,
      setUp: async () => {
        const offerId = await api.readiness.readyOffer(as('contosoOwner'));
        return {
          url: `/api/v1/offers/${offerId}/co-sell/submissions`,
          list: `/api/v1/offers/${offerId}/co-sell/submissions`,
          body: { note: 'Please look at the deck.' },
          other: { note: 'Another note.' },
        };
      },
    },
    {
      what: 'an API token',
      who: 'contosoEditor',
      setUp: async () => ({
        url: '/api/v1/tokens',
        list: '/api/v1/tokens',
        body: { name: 'CI import' },
        other: { name: 'CRM sync' },
      }),
    },
    {
      what: "an organisation's webhook endpoint",
      who: 'contosoOwner',
      setUp: async () => ({
        url: `/api/v1/organizations/${ctx.p.contosoId}/webhooks`,
        list: `/api/v1/organizations/${ctx.p.contosoId}/webhooks`,
        body: { url: 'https://crm.contoso.example/webhooks' },
        other: { url: 'https://crm.contoso.example/other' },
      }),
    },
    {
      what: 'a platform-wide webhook endpoint',
      who: 'admin',
      setUp: async () => ({
        url: '/api/v1/admin/webhooks',
        list: '/api/v1/admin/webhooks',
        body: { url: 'https://crm.vendor.example/webhooks' },
        other: { url: 'https://crm.vendor.example/other' },
      }),
    },
    {
      what: 'a referral',
      who: 'seller',
      setUp: async () => {
        const offerId = await liveOffer(ctx.t.app, as('contosoOwner'), `Referred ${randomUUID()}`);
        return {
          url: '/api/v1/referrals',
          list: '/api/v1/referrals?limit=100',
          body: incomingReferral(offerId),
          other: incomingReferral(offerId, { name: 'Another deal' }),
        };
      },
    },
  ];

  const replayedHeaders = (response: LightMyRequestResponse) => ({
    status: response.statusCode,
    body: response.body,
    etag: response.headers.etag,
    location: response.headers.location,
  });

  for (const create of creates) {
    it(`sends ${create.what}'s first answer again for the same key and request, and refuses another request with it`, async () => {
      const { url, list, body, other, headers = {} } = await create.setUp();
      const key = randomUUID();
      const before = await count(create.who, list);

      const first = await post(create.who, url, body, { ...headers, 'idempotency-key': key });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(await count(create.who, list)).toBe(before + 1);

      const again = await post(create.who, url, body, { ...headers, 'idempotency-key': key });
      expect(replayedHeaders(again)).toEqual(replayedHeaders(first));
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.headers['content-type']).toBe(first.headers['content-type']);

      const reused = await post(create.who, url, other, { ...headers, 'idempotency-key': key });
      expect(errorBody(reused)).toMatchObject({
        status: 422,
        error: 'idempotency_key_reused',
        messageKey: 'problems.idempotency.reused',
      });
      expect(await count(create.who, list)).toBe(before + 1);

      // Without a key nothing is remembered: the same request creates again (or, for a submission, is
      // refused because the first is waiting, where the keyed retry got its answer).
      const unkeyed = await post(create.who, url, other, headers);
      if (create.onePending) {
        expect(errorBody(unkeyed)).toMatchObject({ status: 409, error: 'conflict' });
        expect(await count(create.who, list)).toBe(before + 1);
      } else {
        expect(unkeyed.statusCode, unkeyed.body).toBe(201);
        expect(await count(create.who, list)).toBe(before + 2);
      }
    });
  }

  it('gives a token secret back only to a retry with the key, and the replayed token works', async () => {
    const key = randomUUID();
    const first = await post(
      'contosoViewer',
      '/api/v1/tokens',
      { name: 'Nightly' },
      { 'idempotency-key': key },
    );
    const again = await post(
      'contosoViewer',
      '/api/v1/tokens',
      { name: 'Nightly' },
      { 'idempotency-key': key },
    );
    const { token } = again.json() as { token: string };
    expect(token).toBe((first.json() as { token: string }).token);
    const me = await ctx.t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.statusCode).toBe(200);
    // The database holds neither the key nor the secret in the clear.
    const stored = await ctx.t.app.repos.jobs.executeSql('select key_hash, answer from idempotency_keys');
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(key);
  });

  it('creates exactly once when requests with the same key arrive together', async () => {
    const key = randomUUID();
    const before = await offerCount();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        post('contosoOwner', '/api/v1/offers', offerBody('Concurrent Analytics'), { 'idempotency-key': key }),
      ),
    );
    expect(await offerCount()).toBe(before + 1);
    const created = answers.filter((a) => a.statusCode === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body)).size).toBe(1);
    expect(created.filter((a) => a.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
    for (const answer of answers.filter((a) => a.statusCode !== 201))
      expect(errorBody(answer).error).toBe('idempotency_key_in_use');
  });

  it('answers 409 while the first request with the key is still running (on this server or another)', async () => {
    const key = randomUUID();
    const body = offerBody('Running Analytics');
    const before = await offerCount();
    // What the first request does before it creates: it holds the key (as another server would).
    const holder = { userId: ctx.p.byName.contosoOwner.userId, keyHash: hashIdempotencyKey(key) };
    const fingerprint = requestFingerprint('POST', '/api/v1/offers', CreateOfferRequestSchema.parse(body));
    const now = ctx.clock.now();
    expect(
      await ctx.t.app.repos.idempotencyKeys.claim(holder, fingerprint, now, new Date(now.getTime() + 60_000)),
    ).toBe(true);

    const second = await post('contosoOwner', '/api/v1/offers', body, { 'idempotency-key': key });
    expect(errorBody(second)).toMatchObject({
      status: 409,
      error: 'idempotency_key_in_use',
      messageKey: 'problems.idempotency.inUse',
    });
    // A different request with the key is told so even while the first runs.
    const other = await post('contosoOwner', '/api/v1/offers', offerBody('Else'), { 'idempotency-key': key });
    expect(errorBody(other).status).toBe(422);
    expect(await offerCount()).toBe(before);

    // A holder whose server died lets go when its claim lapses: the key works again.
    ctx.clock.advance(60_000);
    const retried = await post('contosoOwner', '/api/v1/offers', body, { 'idempotency-key': key });
    expect(retried.statusCode).toBe(201);
    expect(await offerCount()).toBe(before + 1);
  });

  it("keeps each user's keys to that user, whether by session or by any of their tokens", async () => {
    const key = randomUUID();
    const body = offerBody('Scoped Analytics');
    const owner = await post('contosoOwner', '/api/v1/offers', body, { 'idempotency-key': key });
    expect(owner.statusCode).toBe(201);

    // Another member of the same organisation with the same key and body: a create of their own.
    const editor = await post('contosoEditor', '/api/v1/offers', body, { 'idempotency-key': key });
    expect(editor.statusCode).toBe(201);
    expect(editor.headers['idempotent-replayed']).toBeUndefined();
    expect(editor.json().id).not.toBe(owner.json().id);

    // The owner through another token, and through the browser session, is the same caller.
    const { token } = await ctx.t.app.services.tokens.create(ctx.p.byName.contosoOwner.userId, {
      name: 'second',
    });
    const viaToken = await ctx.t.app.inject({
      method: 'POST',
      url: '/api/v1/offers',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': key },
      payload: body,
    });
    expect(viaToken.headers['idempotent-replayed']).toBe('true');
    expect(viaToken.body).toBe(owner.body);
    const login = await ctx.t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: ctx.p.byName.contosoOwner.email, password: 'correct horse battery staple' },
    });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const { csrfToken } = login.json() as { csrfToken: string };
    const viaSession = await ctx.t.app.inject({
      method: 'POST',
      url: '/api/v1/offers',
      headers: { cookie, 'x-csrf-token': csrfToken, 'idempotency-key': key },
      payload: body,
    });
    expect(viaSession.headers['idempotent-replayed']).toBe('true');
    expect(viaSession.body).toBe(owner.body);
  });

  it('keeps a key 24 hours, after which it is swept and may be used again', async () => {
    const key = randomUUID();
    const body = offerBody('Expiring Analytics');
    const first = await post('contosoOwner', '/api/v1/offers', body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);

    ctx.clock.advance(DAY_MS - 60_000);
    const withinADay = await post('contosoOwner', '/api/v1/offers', body, { 'idempotency-key': key });
    expect(withinADay.headers['idempotent-replayed']).toBe('true');
    expect(withinADay.body).toBe(first.body);

    ctx.clock.advance(60_000);
    const before = await offerCount();
    const afterADay = await post('contosoOwner', '/api/v1/offers', body, { 'idempotency-key': key });
    expect(afterADay.statusCode).toBe(201);
    expect(afterADay.headers['idempotent-replayed']).toBeUndefined();
    expect(afterADay.json().id).not.toBe(first.json().id);
    expect(await offerCount()).toBe(before + 1);

    // The hourly sweep forgets what has expired, and only that.
    const other = randomUUID();
    await post('contosoOwner', '/api/v1/offers', offerBody('Swept Analytics'), { 'idempotency-key': other });
    ctx.clock.advance(DAY_MS);
    expect(await ctx.t.app.repos.idempotencyKeys.deleteExpired(ctx.clock.now())).toBeGreaterThanOrEqual(2);
    const fresh = await post('contosoOwner', '/api/v1/offers', offerBody('Else'), {
      'idempotency-key': other,
    });
    expect(fresh.statusCode).toBe(201);
  });

  it('does not keep a failed answer, so the corrected request may use the same key', async () => {
    const key = randomUUID();
    const before = await offerCount();
    const refused = await post(
      'contosoOwner',
      '/api/v1/offers',
      { ...offerBody('Wrong organisation'), organizationId: ctx.p.fabrikamId },
      { 'idempotency-key': key },
    );
    expect(errorBody(refused).status).toBeGreaterThanOrEqual(400);
    const invalid = await post('contosoOwner', '/api/v1/offers', { name: '' }, { 'idempotency-key': key });
    expect(errorBody(invalid).status).toBe(400);

    const fixed = await post('contosoOwner', '/api/v1/offers', offerBody('Right'), {
      'idempotency-key': key,
    });
    expect(fixed.statusCode).toBe(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
    expect(await offerCount()).toBe(before + 1);
  });

  it('refuses a key that is not 1-255 printable ASCII characters with 400 naming the header', async () => {
    const before = await offerCount();
    for (const key of ['', 'a'.repeat(256), 'nyckel-å', 'tab\there']) {
      const response = await post('contosoOwner', '/api/v1/offers', offerBody('Bad key'), {
        'idempotency-key': key,
      });
      expect(errorBody(response), JSON.stringify(key)).toMatchObject({
        status: 400,
        error: 'validation_failed',
        issues: [expect.objectContaining({ path: 'idempotency-key' })],
      });
    }
    const longest = await post('contosoOwner', '/api/v1/offers', offerBody('Long key'), {
      'idempotency-key': '~'.repeat(255),
    });
    expect(longest.statusCode).toBe(201);
    expect(await offerCount()).toBe(before + 1);
  });

  it('declares the header, its 409 and 422 and the replay marker on the creates, and on nothing else', async () => {
    const document = (
      await ctx.t.app.inject({ method: 'GET', url: '/api/openapi.json' })
    ).json() as OpenAPIV3_1.Document;
    const creates = [
      'POST /api/v1/offers',
      'POST /api/v1/offers/{offerId}/co-sell/submissions',
      'POST /api/v1/offers/{offerId}/co-sell/contacts',
      'POST /api/v1/tokens',
      'POST /api/v1/organizations/{orgId}/webhooks',
      'POST /api/v1/admin/webhooks',
      'POST /api/v1/referrals',
    ];
    const taking: string[] = [];
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
        const operation = item?.[method];
        const header = (operation?.parameters as OpenAPIV3_1.ParameterObject[] | undefined)?.find(
          (p) => p.in === 'header' && p.name === 'idempotency-key',
        );
        if (!operation || !header) continue;
        const key = `${method.toUpperCase()} ${path}`;
        taking.push(key);
        expect(header.required, key).toBeFalsy();
        expect(Object.keys(operation.responses ?? {}), key).toEqual(expect.arrayContaining(['409', '422']));
        const created = operation.responses?.['201'] as OpenAPIV3_1.ResponseObject;
        expect(Object.keys(created.headers ?? {}), key).toContain('Idempotent-Replayed');
      }
    }
    expect(taking.sort()).toEqual([...creates].sort());
  });
});
