import { describe, expect, it } from 'vitest';
import type { CatalogPage } from '../../domain/catalog/catalog-schema.js';
import { catalogPageJson } from './catalog-page-json.js';

const facets: CatalogPage['facets'] = {
  platform: [{ id: 'Azure', count: 2 }],
  segment: [],
  solutionType: [],
  area: [{ id: 'Security', count: 1 }],
  subArea: [],
  country: [
    { id: 'SE', count: 2 },
    { id: 'NO', count: 1 },
  ],
  offerType: [],
  status: [{ id: 'CoSellReady', count: 2 }],
};

const page = (nextCursor: string | null): CatalogPage => ({
  items: [
    {
      offerId: 'off_1',
      name: 'Säker "moln" \\ tjänst',
      offerType: 'SaaS',
      coSellStatus: 'CoSellReady',
      summary: 'Line one\nline two',
      organizationName: 'Contoso',
      soldThroughCsp: true,
      markets: ['SE', 'NO'],
      worldwide: false,
      platforms: ['Azure'],
      solutionAreas: ['Security'],
      documentSlots: [],
      contactRoles: ['PartnerSales'],
      matched: ['name', 'filter:country:SE'],
    },
  ],
  facets,
  total: 2,
  nextCursor,
});

describe('a catalogue page as JSON', () => {
  it('is what JSON.stringify writes, with and without a next page', () => {
    for (const answer of [page('abc'), page(null), { ...page(null), items: [] }])
      expect(catalogPageJson(answer)).toBe(JSON.stringify(answer));
  });

  it('writes facet lists that several pages share right for each of them', () => {
    expect(catalogPageJson(page(null))).toBe(JSON.stringify(page(null)));
    // The same lists object reused by another page (a lone term's answers share them).
    const other = { ...page('next'), total: 5, items: [] };
    expect(catalogPageJson(other)).toBe(JSON.stringify(other));
  });
});
