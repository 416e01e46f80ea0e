import { describe, expect, it } from 'vitest';
import { type CatalogSearch, CatalogSearchIndex } from '../../src/domain/catalog/search-index.js';
import { countries } from '../../src/domain/reference/taxonomy.js';
import { catalogItemPresenter, matchReasons } from '../../src/server/services/catalog-presenter.js';
import { catalogRecord } from '../support/catalog-records.js';

/** Searches a small index and presents its hits as `audience` reads them. */
function cards(
  audience: 'seller' | 'reseller',
  search: Partial<Pick<CatalogSearch, 'terms' | 'filters'>> = {},
) {
  const index = new CatalogSearchIndex();
  index.upsert(
    catalogRecord('hub', '1', {
      name: 'Contoso Analytics Hub',
      summary: 'Dashboards for retail',
      markets: ['SE', 'US'],
      areas: ['DataAndAI'],
      subAreas: ['AdvancedAnalytics'],
      platforms: ['Azure'],
      // As the database gives them: slot ids in alphabetical order, roles likewise.
      documentSlots: ['channelPitchDeck', 'customerOnePager', 'otherDocuments'],
      contactCoverage: [
        { role: 'PartnerMarketing', countries: ['SE'] },
        { role: 'PartnerSales', countries: ['OOO'] },
        { role: 'PartnerTechnicalSales', countries: ['NO', 'US'] },
      ],
    }),
  );
  index.upsert(catalogRecord('world', '2', { name: 'Everywhere', markets: countries.map((c) => c.code) }));
  const query = { cspOnly: false, terms: [], filters: {}, after: null, limit: 20, ...search };
  const result = index.search(query);
  const present = catalogItemPresenter({ audience, filters: query.filters, termWords: result.termWords });
  return new Map(result.hits.map((hit) => [hit.offerId, present(hit)]));
}

describe('the catalogue result card', () => {
  it("gives a seller every document slot with a file and the contact roles for the country, in the taxonomy's order", () => {
    const hub = cards('seller', { filters: { country: ['SE'] } }).get('hub');
    expect(hub).toMatchObject({
      markets: ['SE', 'US'],
      worldwide: false,
      solutionAreas: ['DataAndAI'],
      documentSlots: ['customerOnePager', 'channelPitchDeck', 'otherDocuments'],
      contactRoles: ['PartnerMarketing', 'PartnerSales'],
    });
    expect(cards('seller', { filters: { country: ['US'] } }).get('hub')?.contactRoles).toEqual([
      'PartnerSales',
      'PartnerTechnicalSales',
    ]);
    expect(cards('seller').get('hub')?.contactRoles).toEqual([
      'PartnerMarketing',
      'PartnerSales',
      'PartnerTechnicalSales',
    ]);
  });

  it('names only the channel pitch deck to a channel reseller', () => {
    expect(cards('reseller').get('hub')?.documentSlots).toEqual(['channelPitchDeck']);
  });

  it('says worldwide for an offer in every country and region', () => {
    const all = cards('seller');
    expect(all.get('world')?.worldwide).toBe(true);
    expect(all.get('hub')?.worldwide).toBe(false);
  });

  it('says per term where it matched, with the taxonomy entry, then the filters that applied', () => {
    const hub = cards('seller', { terms: ['analytics', 'retail'], filters: { country: ['SE', 'NO'] } }).get(
      'hub',
    );
    expect(hub?.matched).toEqual(['name', 'subArea:AdvancedAnalytics', 'summary', 'filter:country:SE']);
    // A word found only in the description says so.
    const index = new CatalogSearchIndex();
    index.upsert(catalogRecord('d', '1', { name: 'Plain', description: 'Built by Öberg' }));
    const result = index.search({ cspOnly: false, terms: ['oberg'], filters: {}, after: null, limit: 5 });
    const [hit] = result.hits;
    expect(hit && matchReasons(hit, result.termWords, {})).toEqual(['description']);
  });
});
