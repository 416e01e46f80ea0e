import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ReadinessReportSchema } from '../../src/domain/schemas/readiness.js';
import { ReviewDetailSchema } from '../../src/domain/schemas/reviews.js';
import { apiRequest } from '../../src/web/api/client.js';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { completeProfile, readinessApi } from './readiness-api.js';

/** The web client's fetch answers with what the server answered. */
function serveToWebClient(answer: LightMyRequestResponse): void {
  vi.stubGlobal(
    'fetch',
    async () =>
      new Response(answer.body, {
        status: answer.statusCode,
        headers: { 'Content-Type': 'application/json' },
      }),
  );
}

// The server, the web and the engine share one readiness schema: the web keeps every field the server sends.
describe('the readiness contract between server and web', () => {
  let t: TestApp;
  let p: Personas;
  let api: ReturnType<typeof readinessApi>;
  const as = (name: keyof Personas['byName']) => p.byName[name].headers;

  beforeAll(async () => {
    t = await createTestApp();
    p = await createPersonas(t.app);
    api = readinessApi(t.app);
  });
  afterAll(() => t?.close());
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('the web client parses a real readiness answer whole, label and missing included', async () => {
    const offerId = await api.docs.createOffer(as('contosoOwner'), { markets: ['SE', 'US'] });
    const answer = await api.readinessResponse(as('contosoOwner'), offerId);
    expect(answer.statusCode).toBe(200);
    serveToWebClient(answer);

    const report = await apiRequest(`/api/v1/offers/${offerId}/co-sell/readiness`, ReadinessReportSchema);

    expect(report).toEqual(answer.json());
    const contacts = report.tiers[0]?.items.find((item) => item.id === 'contactsEveryMarket');
    expect(contacts).toMatchObject({ met: false, label: expect.any(String), missing: ['SE', 'US'] });
  });

  it('the review page gets the frozen and the current report whole', async () => {
    expect((await api.putProfile(as('contosoOwner'), p.contosoId, completeProfile)).statusCode).toBe(200);
    const offerId = await api.readyOffer(as('contosoEditor'));
    const submitted = await api.submit(as('contosoEditor'), offerId);
    expect(submitted.statusCode).toBe(201);
    const { id } = submitted.json() as { id: string };
    const answer = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reviews/${id}`,
      headers: as('reviewer'),
    });
    expect(answer.statusCode).toBe(200);
    serveToWebClient(answer);

    const detail = await apiRequest(`/api/v1/reviews/${id}`, ReviewDetailSchema);

    expect(detail).toEqual(answer.json());
    const approved = detail.current.tiers[0]?.items.find((item) => item.id === 'approved');
    expect(approved).toMatchObject({ met: false, byReviewer: true, label: expect.any(String) });
    expect(detail.snapshot.report.tiers[0]?.items.every((item) => item.label !== undefined)).toBe(true);
  });
});
