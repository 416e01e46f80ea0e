import { describe, expect, it } from 'vitest';
import { queryTerms } from '../../src/domain/catalog/fold.js';
import { decodeIndexParts, encodeIndexParts } from '../../src/domain/catalog/index-snapshot.js';
import { type CatalogSearch, CatalogSearchIndex } from '../../src/domain/catalog/search-index.js';
import { catalogRecord } from '../support/catalog-records.js';

const search = (q: string, filters: CatalogSearch['filters'] = {}, cspOnly = false): CatalogSearch => ({
  cspOnly,
  terms: queryTerms(q),
  filters,
  after: null,
  limit: 5,
});

/** Everything a seller can tell from an answer (its sets as lists). */
const answer = (index: CatalogSearchIndex, query: CatalogSearch) => {
  const result = index.search(query);
  return { ...result, termWords: result.termWords.map((words) => [...words].sort()) };
};

function sampleIndex(): CatalogSearchIndex {
  const index = new CatalogSearchIndex();
  const words = ['analytics', 'säkerhet', 'migration', 'Öberg', 'compliance', 'insights', 'moln'];
  for (let i = 0; i < 60; i++) {
    index.upsert(
      catalogRecord(`o${String(i).padStart(2, '0')}`, String(i + 1), {
        name: `Offer ${words[i % words.length]} ${i}`,
        summary: `About ${words[(i * 3) % words.length]}`,
        description: `${words[(i * 5) % words.length]} and more ${i % 4 === 0 ? 'säkerhetsanalys' : ''}`,
        markets: i % 2 === 0 ? ['SE', 'NO'] : ['US', 'SE', 'SE'],
        platforms: i % 3 === 0 ? ['Azure'] : ['PowerBI', 'Azure'],
        segments: ['SMB'],
        solutionType: i % 5 === 0 ? null : 'SaaS',
        areas: i % 2 ? ['Security'] : [],
        coSellStatus: i % 4 === 0 ? 'CoSellReadyCoSellIncentivized' : 'CoSellReady',
        statusRank: i % 4 === 0 ? 3 : 2,
        soldThroughCsp: i % 3 !== 0,
        documentSlots: i % 2 ? ['customerOnePager'] : [],
        contactCoverage: [{ role: 'PartnerSales', countries: ['SE'] }],
      }),
    );
  }
  // Changed and removed offers leave dead slots, which a snapshot compacts away.
  for (let i = 0; i < 10; i++) index.upsert(catalogRecord(`o${i}0`, `v${i}`, { name: `Renamed ${i}` }));
  index.remove('o07');
  return index;
}

const QUERIES = [
  search(''),
  search('analytics'),
  search('sakerhet'),
  search('SÄKERHET analys'),
  search('oberg'),
  search('analytcs'),
  search('renamed'),
  search('offer', { country: ['NO'], platform: ['PowerBI'] }, true),
  search('', { area: ['Security'], solutionType: ['SaaS'] }),
];

describe('the search index as a snapshot keeps it', () => {
  it('answers every search as the index it was taken from, and takes changes after', () => {
    const index = sampleIndex();
    const expected = QUERIES.map((query) => answer(index, query));
    const restored = CatalogSearchIndex.fromParts(decodeIndexParts(encodeIndexParts(index.parts())));
    expect(restored.size).toBe(index.size);
    expect(QUERIES.map((query) => answer(restored, query))).toEqual(expected);
    expect(restored.versionOf('o05')).toBe('6');

    for (const each of [index, restored]) {
      each.upsert(catalogRecord('o05', '99', { name: 'Hjortron Hub', markets: ['FI'] }));
      each.remove('o11');
    }
    expect(answer(restored, search('hjortron', { country: ['FI'] }))).toEqual(
      answer(index, search('hjortron', { country: ['FI'] })),
    );
    expect(restored.search(search('hjortron')).total).toBe(1);
    expect(QUERIES.map((query) => answer(restored, query))).toEqual(
      QUERIES.map((query) => answer(index, query)),
    );
  });

  it('refuses bytes that are not whole', () => {
    const bytes = encodeIndexParts(sampleIndex().parts());
    expect(() => decodeIndexParts(bytes.subarray(0, bytes.length - 4))).toThrow();
    expect(() => decodeIndexParts(new Uint8Array(64))).toThrow();
    // Postings pointing past the offers: the index is not built from them.
    const parts = decodeIndexParts(bytes.slice());
    const [first] = parts.postings.filter((list) => list && list.slots.length > 0);
    if (!first) throw new Error('no postings');
    first.slots[0] = parts.records.length + 5;
    expect(() => CatalogSearchIndex.fromParts(parts)).toThrow();
  });
});
