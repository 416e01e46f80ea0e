import { describe, expect, it } from 'vitest';
import {
  emptyFilters,
  keepSubAreasOf,
  readCatalogSearch,
  toApiQuery,
  writeCatalogSearch,
} from './catalog-search-params.js';

describe('catalogue search in the address', () => {
  it('reads q and repeated filters, and writes them back in a fixed order', () => {
    const search = readCatalogSearch(
      new URLSearchParams('country=SE&q=+dynamics+&platform=Azure&country=NO'),
    );
    expect(search.q).toBe('dynamics');
    expect(search.filters.country).toEqual(['SE', 'NO']);
    expect(search.filters.platform).toEqual(['Azure']);
    expect(writeCatalogSearch(search).toString()).toBe('q=dynamics&platform=Azure&country=SE&country=NO');
  });

  it('adds the cursor and the page size for the API', () => {
    const search = { q: 'x', filters: emptyFilters() };
    expect(toApiQuery(search, 'abc', 20)).toBe('q=x&cursor=abc&limit=20');
  });

  it('drops sub-areas whose area is no longer chosen', () => {
    const areas = [
      { id: 'A', subAreas: [{ id: 'a1' }] },
      { id: 'B', subAreas: [{ id: 'b1' }] },
    ];
    const filters = { ...emptyFilters(), area: ['A'], subArea: ['a1', 'b1'] };
    expect(keepSubAreasOf(filters, areas).subArea).toEqual(['a1']);
  });
});
