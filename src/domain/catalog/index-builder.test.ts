import { describe, expect, it } from 'vitest';
import { catalogRecord } from '../../../test/support/catalog-records.js';
import { getTaxonomy } from '../reference/taxonomy.js';
import { packCardFacts } from './card-facts.js';
import { CatalogIndexBuilder } from './index-builder.js';
import { type CatalogRow, type CatalogSearch, CatalogSearchIndex } from './search-index.js';

/** A small seeded generator (mulberry32), so the catalogue is the same every run. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'analytics',
  'security',
  'säkerhet',
  'Molntjänst',
  'migration',
  'compliance',
  'ÖVERVAKNING',
  'data',
  'lake',
  'insights',
  'automation',
  'réseau',
  'Åtkomst',
  'identity',
  'backup',
  'kubernetes',
  'retail',
  'bank',
  'health',
  'fabric',
];
const COUNTRIES = ['SE', 'NO', 'DK', 'FI', 'DE', 'US', 'GB'];
const STATUSES: [string, number][] = [
  ['NotCoSellReady', 0],
  ['CoSellReady', 2],
  ['AzureIpCoSellIncentivized', 3],
];

/** A generated catalogue: names, summaries and descriptions of catalogue words, facets of the taxonomy. */
function generatedRows(count: number): CatalogRow[] {
  const random = seeded(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const some = <T>(list: readonly T[], most: number): T[] =>
    Array.from({ length: Math.floor(random() * (most + 1)) }, () => pick(list));
  const text = (words: number) => Array.from({ length: words }, () => pick(WORDS)).join(' ');
  const taxonomy = getTaxonomy();
  const areas = taxonomy.solutionAreas;
  return Array.from({ length: count }, (_, i) => {
    const area = pick(areas);
    const [coSellStatus, statusRank] = pick(STATUSES);
    const { documentSlots, contactCoverage, ...record } = catalogRecord(`off_${1000 + i}`, String(i + 1), {
      name: `${text(2)} ${i}`,
      summary: text(5),
      description: text(20),
      organizationName: `Org ${i % 37}`,
      coSellStatus,
      statusRank,
      soldThroughCsp: random() < 0.3,
      // Listed twice at times: the index counts a value once.
      markets: some(COUNTRIES, 3),
      platforms: some(
        taxonomy.platforms.map((p) => p.id),
        2,
      ),
      segments: some(
        taxonomy.marketSegments.map((s) => s.id),
        1,
      ),
      solutionType: random() < 0.2 ? null : pick(taxonomy.solutionTypes).id,
      areas: [area.id],
      subAreas: some(
        area.subAreas.map((s) => s.id),
        2,
      ),
    });
    return { ...record, cardFacts: packCardFacts({ documentSlots, contactCoverage }) };
  });
}

const ask = (overrides: Partial<CatalogSearch>): CatalogSearch => ({
  cspOnly: false,
  terms: [],
  filters: {},
  after: null,
  limit: 20,
  ...overrides,
});

describe('building the catalogue index at once', () => {
  const rows = generatedRows(3000);
  const upserted = new CatalogSearchIndex();
  for (const row of rows) upserted.upsert(row);
  const builder = new CatalogIndexBuilder();
  for (const row of rows) builder.add(row);
  const built = CatalogSearchIndex.fromParts(builder.parts());

  it('holds what upserting the same rows holds', () => {
    expect(built.size).toBe(rows.length);
    const parts = (index: CatalogSearchIndex) => {
      const { postings, table, ...rest } = index.parts();
      return {
        ...rest,
        postings: postings.map((list) => list && { slots: [...list.slots], fields: [...list.fields] }),
        table: { data: [...table.data], start: [...table.start], flags: [...table.flags] },
      };
    };
    expect(parts(built)).toEqual(parts(upserted));
  });

  it('answers every search as the upserted index does: words, accents, misspellings, filters, pages', () => {
    const searches: CatalogSearch[] = [
      ask({}),
      ask({ terms: ['analytics'] }),
      ask({ terms: ['sakerhet'] }),
      ask({ terms: ['overvakning', 'data'] }),
      ask({ terms: ['securty'] }),
      ask({ terms: ['mol'] }),
      ask({ terms: ['reseau'], cspOnly: true }),
      ask({ terms: ['data'], filters: { country: ['SE', 'NO'] } }),
      ask({ terms: ['lake', 'bank'], filters: { status: ['CoSellReady'], country: ['DE'] } }),
      ask({ filters: { platform: [rows[0]?.platforms[0] ?? 'none'] }, limit: 50 }),
      ask({ terms: ['12'] }),
    ];
    for (const search of searches) {
      const expected = upserted.search(search);
      expect(built.search(search)).toEqual(expected);
      // The next page by the last hit's cursor, as the service reads on.
      const last = expected.hits[search.limit - 1];
      if (last) {
        const after = { rank: last.statusRank, score: last.score, offerId: last.offerId };
        expect(built.search({ ...search, after })).toEqual(upserted.search({ ...search, after }));
      }
    }
  });

  it('takes an offer once, and keeps taking changes once built', () => {
    const twice = new CatalogIndexBuilder();
    const [first] = rows;
    if (!first) throw new Error('no rows');
    expect(twice.add(first)).toBe(true);
    expect(twice.add({ ...first, version: 'newer' })).toBe(false);
    expect(twice.size).toBe(1);
    const index = CatalogSearchIndex.fromParts(new CatalogIndexBuilder().parts());
    index.upsert({ ...first, name: 'Zebra Analytics', version: 'x' });
    expect(index.search(ask({ terms: ['zebra'] })).hits.map((h) => h.offerId)).toEqual([first.offerId]);
    built.remove(first.offerId);
    expect(built.size).toBe(rows.length - 1);
  });
});
