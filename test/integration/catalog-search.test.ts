import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, type TestApp, testConfig } from '../support/test-app.js';
import { type CatalogFixture, catalogApi } from './catalog-api.js';

describe('catalogue search', () => {
  let t: TestApp;
  let personas: Personas;
  let f: CatalogFixture;
  let api: ReturnType<typeof catalogApi>;
  const seller = () => personas.byName.seller.headers;
  const names = (items: { offerId: string }[]) =>
    items.map((i) => Object.entries(f).find(([, id]) => id === i.offerId)?.[0] ?? i.offerId);

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
    api = catalogApi(t.app);
    f = await api.build(personas);
  });
  afterAll(() => t?.close());

  it('lists live co-sell offers in status order, never drafts or offer types without co-sell', async () => {
    const page = await api.results(seller());
    expect(page.total).toBe(4);
    const order = names(page.items);
    expect(order[0]).toBe('shield');
    expect(order.slice(1, 3).sort()).toEqual(['hub', 'lake']);
    expect(order[3]).toBe('guard');
    expect(page.nextCursor).toBeNull();
  });

  it('ranks co-sell ready offers with the best text match first, and says why they matched', async () => {
    const page = await api.results(seller(), 'q=analytics');
    expect(names(page.items)).toEqual(['hub', 'lake', 'guard']);
    expect(page.total).toBe(3);
    const hub = page.items[0];
    expect(hub?.matched).toEqual(expect.arrayContaining(['name', 'subArea:AdvancedAnalytics']));
    expect(page.items[1]?.matched).toContain('summary');
  });

  it('finds Swedish words, ignoring accents and case', async () => {
    for (const q of ['säkerhet', 'sakerhet', 'SÄKERHET']) {
      const page = await api.results(seller(), `q=${encodeURIComponent(q)}`);
      expect(names(page.items), q).toEqual(['shield', 'guard']);
      expect(page.items[0]?.matched).toContain('area:Security');
    }
    expect(names((await api.results(seller(), 'q=security')).items)).toEqual(['shield', 'guard']);
    expect(names((await api.results(seller(), `q=${encodeURIComponent('molnet analys')}`)).items)).toEqual(
      [],
    );
    expect(names((await api.results(seller(), `q=${encodeURIComponent('avancerad analys')}`)).items)).toEqual(
      ['hub'],
    );
    const oberg = await api.results(seller(), 'q=oberg');
    expect(names(oberg.items)).toEqual(['shield']);
    expect(oberg.items[0]?.matched).toEqual(['description']);
    expect(names((await api.results(seller(), `q=${encodeURIComponent('ÖBERG')}`)).items)).toEqual([
      'shield',
    ]);
  });

  it('finds close matches of a misspelt word', async () => {
    expect(names((await api.results(seller(), 'q=analytcs')).items)).toEqual(['hub', 'lake', 'guard']);
    expect(names((await api.results(seller(), 'q=securty')).items)).toEqual(['shield', 'guard']);
  });

  it('filters by every dimension, counting each facet without its own filter', async () => {
    const azure = await api.results(seller(), 'platform=Azure');
    expect(azure.total).toBe(3);
    expect(names(azure.items).sort()).toEqual(['hub', 'lake', 'shield']);
    expect(azure.facets.platform).toEqual([
      { id: 'Azure', count: 3 },
      { id: 'Microsoft365', count: 1 },
      { id: 'PowerBI', count: 1 },
    ]);
    expect(azure.facets.segment).toEqual([
      { id: 'Enterprise', count: 2 },
      { id: 'SMB', count: 2 },
    ]);
    expect(azure.facets.status).toEqual([
      { id: 'CoSellReady', count: 2 },
      { id: 'AzureIpCoSellIncentivized', count: 1 },
    ]);
    expect(azure.items.every((i) => i.matched.includes('filter:platform:Azure'))).toBe(true);

    const cases: [string, string[]][] = [
      ['segment=SMB', ['hub', 'lake']],
      ['segment=SMB&segment=Corporate', ['guard', 'hub', 'lake']],
      ['solutionType=ManagedService', ['lake']],
      ['area=Security', ['guard', 'shield']],
      ['subArea=BigData', ['hub']],
      ['country=SE', ['hub', 'lake', 'shield']],
      ['country=de', ['lake']],
      ['offerType=AzureApplication', ['shield']],
      ['status=CoSellReady', ['hub', 'lake']],
      ['status=NotCoSellReady&area=Security', ['guard']],
      ['q=analytics&country=US', ['guard', 'hub']],
      ['platform=Azure&area=DataAndAI&segment=Enterprise', ['lake']],
    ];
    for (const [query, expected] of cases) {
      const page = await api.results(seller(), query);
      expect(names(page.items).sort(), query).toEqual(expected);
      expect(page.total, query).toBe(expected.length);
    }

    const combined = await api.results(seller(), 'area=DataAndAI&country=SE');
    expect(combined.facets.area).toEqual([
      { id: 'DataAndAI', count: 2 },
      { id: 'Security', count: 1 },
    ]);
    expect(combined.facets.country).toEqual([
      { id: 'SE', count: 2 },
      { id: 'DE', count: 1 },
      { id: 'US', count: 1 },
    ]);
    expect(combined.facets.subArea).toEqual([
      { id: 'AdvancedAnalytics', count: 1 },
      { id: 'BigData', count: 1 },
      { id: 'DataWarehouse', count: 1 },
    ]);
    expect(combined.facets.solutionType).toEqual([
      { id: 'IP', count: 1 },
      { id: 'ManagedService', count: 1 },
    ]);
    expect(combined.facets.offerType).toEqual([{ id: 'SaaS', count: 2 }]);
  });

  it('pages with a cursor: every result exactly once, in order', async () => {
    for (const query of ['', 'q=analytics', 'q=a']) {
      const all = await api.results(seller(), `${query}&limit=100`);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await api.results(
          seller(),
          `${query}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(page.items.length).toBeLessThanOrEqual(1);
        seen.push(...page.items.map((i) => i.offerId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, query).toEqual(all.items.map((i) => i.offerId));
      expect(seen.length).toBe(all.total);
    }
    const bad = await api.search(seller(), 'cursor=nonsense');
    expect(bad.statusCode).toBe(400);
  });

  it('follows the offers: unpublishing takes an offer out, changes show at once', async () => {
    const owner = personas.byName.contosoOwner.headers;
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/offers/${f.lake}`,
      headers: { ...owner, 'if-match': '*' },
      payload: { name: 'Contoso Blåbär Lake' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(names((await api.results(seller(), 'q=blabar')).items)).toEqual(['lake']);
    const unpublished = await t.app.inject({
      method: 'POST',
      url: `/api/v1/offers/${f.lake}/unpublish`,
      headers: { ...owner, 'if-match': '*' },
    });
    expect(unpublished.statusCode).toBe(200);
    expect(names((await api.results(seller(), 'q=blabar')).items)).toEqual([]);
    expect((await api.get(seller(), f.lake)).statusCode).toBe(404);
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/v1/offers/${f.lake}/publish`,
      headers: { ...owner, 'if-match': '*' },
    });
    expect(published.statusCode).toBe(200);
    expect(names((await api.results(seller(), 'q=blabar')).items)).toEqual(['lake']);
  });

  it('answers from a second server on the same database with what the first one wrote', async () => {
    // Looking before every search, the second server sees the first one's writes at once.
    const other = await createApp({
      config: testConfig({ catalogRefreshMs: 0 }),
      database: t.database,
      logger: false,
      webRoot: null,
      blobs: t.blobs,
    });
    await other.ready();
    try {
      const otherApi = catalogApi(other);
      const owner = personas.byName.contosoOwner.headers;
      expect(names((await otherApi.results(seller(), 'q=hub')).items)).toEqual(['hub']);
      const renamed = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/offers/${f.hub}`,
        headers: { ...owner, 'if-match': '*' },
        payload: { name: 'Contoso Lingon Hub' },
      });
      expect(renamed.statusCode).toBe(200);
      expect(names((await otherApi.results(seller(), 'q=lingon')).items)).toEqual(['hub']);
      const unpublished = await t.app.inject({
        method: 'POST',
        url: `/api/v1/offers/${f.hub}/unpublish`,
        headers: { ...owner, 'if-match': '*' },
      });
      expect(unpublished.statusCode).toBe(200);
      expect(names((await otherApi.results(seller(), 'q=lingon')).items)).toEqual([]);
      expect((await otherApi.results(seller(), 'q=hub')).total).toBe(0);
      const published = await t.app.inject({
        method: 'POST',
        url: `/api/v1/offers/${f.hub}/publish`,
        headers: { ...owner, 'if-match': '*' },
      });
      expect(published.statusCode).toBe(200);
      expect(names((await otherApi.results(seller(), 'q=lingon')).items)).toEqual(['hub']);
    } finally {
      await other.close();
    }
  });
});
