import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';
import { type CatalogFixture, catalogApi } from './catalog-api.js';

describe('catalogue access', () => {
  let t: TestApp;
  let personas: Personas;
  let f: CatalogFixture;
  let api: ReturnType<typeof catalogApi>;
  let files: { onePager: string; deck: string };
  const as = (name: keyof Personas['byName']) => personas.byName[name].headers;

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
    api = catalogApi(t.app);
    f = await api.build(personas);
    files = await api.furnish(as('contosoOwner'), f.hub);
    await api.setStatus(f.hub, 'CoSellReady');
  });
  afterAll(() => t?.close());

  it('turns away anonymous callers (401), customers and publishers (403) on every catalogue route', async () => {
    for (const call of [
      (h?: Record<string, string>) => api.search(h),
      (h?: Record<string, string>) => api.get(h, f.hub),
      (h?: Record<string, string>) => api.contacts(h, f.hub, 'country=SE'),
    ]) {
      expect(errorBody(await call(undefined)).status).toBe(401);
      for (const who of ['customer', 'contosoOwner', 'fabrikamOwner', 'reviewer', 'admin'] as const) {
        expect(errorBody(await call(as(who))).status, who).toBe(403);
      }
    }
  });

  it('shows channel resellers only offers sold through CSP', async () => {
    const page = await api.results(as('reseller'));
    expect(page.items.map((i) => i.offerId)).toEqual([f.hub, f.guard]);
    expect(page.total).toBe(2);
    expect(page.facets.platform).toEqual(
      [
        { id: 'Microsoft365', count: 1 },
        { id: 'Azure', count: 1 },
        { id: 'PowerBI', count: 1 },
      ].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
    );
    expect((await api.get(as('reseller'), f.shield)).statusCode).toBe(404);
    expect((await api.contacts(as('reseller'), f.lake)).statusCode).toBe(404);
  });

  it('gives sellers the listing, every current document, the external URL and the status', async () => {
    const response = await api.get(as('seller'), f.hub);
    expect(response.statusCode).toBe(200);
    const offer = response.json();
    expect(offer).toMatchObject({
      offerId: f.hub,
      name: 'Contoso Analytics Hub',
      organizationName: 'Contoso',
      coSellStatus: 'CoSellReady',
      audience: 'seller',
      externalReferenceUrl: 'https://contoso.example/hub',
      listing: { platforms: ['Azure', 'PowerBI'], solutionType: 'IP' },
    });
    expect(offer.documents.map((d: { id: string }) => d.id).sort()).toEqual(
      [files.onePager, files.deck].sort(),
    );
    const deck = offer.documents.find((d: { id: string }) => d.id === files.deck);
    const download = await t.app.inject({ method: 'GET', url: deck.contentUrl, headers: as('seller') });
    expect(download.statusCode).toBe(200);
  });

  it('gives channel resellers the channel pitch deck only, and no external URL', async () => {
    const response = await api.get(as('reseller'), f.hub);
    expect(response.statusCode).toBe(200);
    const offer = response.json();
    expect(offer.audience).toBe('reseller');
    expect(offer.documents.map((d: { slot: string }) => d.slot)).toEqual(['channelPitchDeck']);
    expect(offer).not.toHaveProperty('externalReferenceUrl');
    const download = await t.app.inject({
      method: 'GET',
      url: offer.documents[0].contentUrl,
      headers: as('reseller'),
    });
    expect(download.statusCode).toBe(200);
  });

  it('never shows drafts or offers of types without co-sell', async () => {
    for (const id of [f.draft, f.consulting]) {
      expect((await api.get(as('seller'), id)).statusCode).toBe(404);
      expect((await api.contacts(as('seller'), id)).statusCode).toBe(404);
    }
    const page = await api.results(as('seller'), 'q=analytics&limit=100');
    expect(page.items.map((i) => i.offerId)).not.toContain(f.draft);
    expect(page.items.map((i) => i.offerId)).not.toContain(f.consulting);
    expect((await api.get(as('seller'), 'off_unknown')).statusCode).toBe(404);
  });

  it('lists contacts for a country and a role: direct ones first, then OOO ones', async () => {
    const response = await api.contacts(as('seller'), f.hub, 'country=SE&role=PartnerSales');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.contacts.map((c: { name: string; coverage: string }) => `${c.name}:${c.coverage}`)).toEqual([
      'Sweden:direct',
      'Nordics:direct',
      'Global:global',
    ]);
    const us = (await api.contacts(as('reseller'), f.hub, 'country=us')).json();
    expect(us.contacts.map((c: { name: string }) => c.name)).toEqual(['America', 'Global']);
    const all = (await api.contacts(as('seller'), f.hub)).json();
    expect(all.contacts).toHaveLength(5);
    expect((await api.contacts(as('seller'), f.hub, 'country=Sweden')).statusCode).toBe(400);
  });

  it('drops a deleted offer from the catalogue', async () => {
    const owner = as('contosoOwner');
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/offers/${f.guard}`,
      headers: { ...owner, 'if-match': '*' },
    });
    expect(removed.statusCode).toBe(204);
    expect((await api.results(as('reseller'))).items.map((i) => i.offerId)).toEqual([f.hub]);
  });
});
