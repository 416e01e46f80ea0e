import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';
import { completeProfile, readinessApi } from './readiness-api.js';

describe('organisation profile', () => {
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

  it('is empty at version 0 before the first save, for members and admins; others are told it is not there', async () => {
    const read = await api.getProfile(as('contosoViewer'), p.contosoId);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ partnerId: null, enrolments: [], version: 0 });
    expect(read.headers.etag).toBe('"0"');
    expect((await api.getProfile(as('admin'), p.contosoId)).statusCode).toBe(200);
    expect(errorBody(await api.getProfile(as('fabrikamOwner'), p.contosoId)).status).toBe(404);
  });

  it('saves a partial profile (nothing is required) and replaces it whole, with If-Match', async () => {
    const first = await api.putProfile(as('contosoOwner'), p.contosoId, { legalName: 'Contoso Ltd' }, '"0"');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ legalName: 'Contoso Ltd', partnerId: null, version: 1 });
    const stale = await api.putProfile(as('contosoOwner'), p.contosoId, completeProfile, '"0"');
    expect(errorBody(stale).status).toBe(412);
    const second = await api.putProfile(
      as('contosoOwner'),
      p.contosoId,
      { ...completeProfile, enrolments: ['IsvConnect'] },
      '"1"',
    );
    expect(second.json()).toMatchObject({ ...completeProfile, enrolments: ['IsvConnect'], version: 2 });
    const missing = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/organizations/${p.contosoId}/profile`,
      headers: as('contosoOwner'),
      payload: {},
    });
    expect(errorBody(missing).status).toBe(428);
  });

  it('refuses values that break a rule with 422 and one issue each', async () => {
    const response = await api.putProfile(as('contosoOwner'), p.contosoId, {
      partnerId: '12-34',
      website: 'http://contoso.example',
      headquartersCountry: 'XX',
      enrolments: ['Nope'],
    });
    const body = errorBody(response);
    expect(body.status).toBe(422);
    expect(body.issues?.map((i) => i.path).sort()).toEqual(
      ['enrolments[0]', 'headquartersCountry', 'partnerId', 'website'].sort(),
    );
    expect((await api.getProfile(as('contosoOwner'), p.contosoId)).json()).toMatchObject({
      partnerId: completeProfile.partnerId,
    });
  });

  it('lets only the owner edit: editors and viewers 403, admins 403, other organisations 404', async () => {
    for (const who of ['contosoEditor', 'contosoViewer', 'admin'] as const)
      expect(errorBody(await api.putProfile(as(who), p.contosoId, completeProfile)).status).toBe(403);
    expect(errorBody(await api.putProfile(as('fabrikamOwner'), p.contosoId, completeProfile)).status).toBe(
      404,
    );
  });

  it('stamps a revenue attestation when it changes, and a changed one needs confirming again', async () => {
    const revenue = { amountUsd: 250_000, periodEnd: '2026-10-31' };
    const saved = (
      await api.putProfile(as('contosoOwner'), p.contosoId, {
        ...completeProfile,
        azureConsumedRevenue: revenue,
      })
    ).json() as { azureConsumedRevenue: { attestedAt: string; confirmedByReviewer: boolean } };
    expect(saved.azureConsumedRevenue).toMatchObject({ ...revenue, confirmedByReviewer: false });
    expect(saved.azureConsumedRevenue.attestedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});
