import { describe, expect, it } from 'vitest';
import { catalogRecord } from '../../../test/support/catalog-records.js';
import { unpackCardFacts } from './card-facts.js';
import {
  type CatalogHit,
  type CatalogRecord,
  type CatalogSearch,
  CatalogSearchIndex,
  FIELD,
} from './search-index.js';

let version = 0;
function record(
  offerId: string,
  fields: Parameters<typeof catalogRecord>[2] & { name?: string } = {},
): CatalogRecord {
  return catalogRecord(offerId, String(++version), fields);
}

const ask = (overrides: Partial<CatalogSearch> = {}): CatalogSearch => ({
  cspOnly: false,
  terms: [],
  filters: {},
  after: null,
  limit: 20,
  ...overrides,
});

const ids = (index: CatalogSearchIndex, overrides: Partial<CatalogSearch> = {}) =>
  index.search(ask(overrides)).hits.map((h) => h.offerId);

describe('the catalogue search index', () => {
  it('ranks by status, then where the words stand (name, summary, description), then offer id', () => {
    const index = new CatalogSearchIndex();
    index.upsert(record('d', { description: 'Great analytics for retail.' }));
    index.upsert(record('s', { summary: 'Analytics in the cloud' }));
    index.upsert(record('n', { name: 'Analytics Hub' }));
    index.upsert(record('x', { name: 'Analytics Lite', coSellStatus: 'NotCoSellReady', statusRank: 0 }));
    index.upsert(
      record('i', { name: 'Analytics Max', coSellStatus: 'AzureIpCoSellIncentivized', statusRank: 3 }),
    );
    index.upsert(record('z', { name: 'Unrelated' }));
    expect(ids(index, { terms: ['analytics'] })).toEqual(['i', 'n', 's', 'd', 'x']);
    // A word the term only begins counts a little less than the word itself.
    index.upsert(record('p', { name: 'Analyticsplus' }));
    expect(ids(index, { terms: ['analytics'] }).slice(0, 3)).toEqual(['i', 'n', 'p']);
  });

  it('needs every term, finds words by their beginning, and close words for misspellings', () => {
    const index = new CatalogSearchIndex();
    index.upsert(record('a', { name: 'Threat Shield', description: 'security for banks' }));
    index.upsert(record('b', { name: 'Data Lake', description: 'security for data' }));
    expect(ids(index, { terms: ['security', 'data'] })).toEqual(['b']);
    expect(ids(index, { terms: ['secu'] }).sort()).toEqual(['a', 'b']);
    expect(ids(index, { terms: ['securty'] }).sort()).toEqual(['a', 'b']);
    // Short terms match by prefix only; far-off words not at all.
    expect(ids(index, { terms: ['dat'] })).toEqual(['b']);
    expect(ids(index, { terms: ['sxcxrxty'] })).toEqual([]);
    const result = index.search(ask({ terms: ['securty', 'lake'] }));
    expect([...(result.termWords[0] ?? [])]).toEqual(['security']);
    expect([...(result.termWords[1] ?? [])]).toEqual(['lake']);
  });

  it('says, per term, which fields of a hit the term was found in', () => {
    const index = new CatalogSearchIndex();
    index.upsert(
      record('a', {
        name: 'Threat Shield',
        summary: 'Security for retail',
        description: 'Shields banks',
        areas: ['Security'],
      }),
    );
    const [hit] = index.search(ask({ terms: ['shield', 'security', 'banks'] })).hits;
    const { name, summary, label, description } = FIELD;
    // Name and summary are in the searched text too, so they also count as description.
    expect(hit?.termFields).toEqual([name | description, summary | label | description, description]);
    // A misspelt term reports the fields of the words it found.
    expect(index.search(ask({ terms: ['shild'] })).hits[0]?.termFields).toEqual([name | description]);
  });

  it('counts each facet without its own filter, and only what the audience may see', () => {
    const index = new CatalogSearchIndex();
    index.upsert(record('a', { platforms: ['Azure'], markets: ['SE', 'NO'], soldThroughCsp: true }));
    index.upsert(record('b', { platforms: ['Azure', 'PowerBI'], markets: ['SE'], soldThroughCsp: false }));
    index.upsert(record('c', { platforms: ['PowerBI'], markets: ['US'], soldThroughCsp: true }));
    const result = index.search(ask({ filters: { platform: ['Azure'], country: ['SE'] } }));
    expect(result.total).toBe(2);
    expect(result.facets.platform).toEqual([
      { id: 'Azure', count: 2 },
      { id: 'PowerBI', count: 1 },
    ]);
    expect(result.facets.country).toEqual([
      { id: 'SE', count: 2 },
      { id: 'NO', count: 1 },
    ]);
    const reseller = index.search(ask({ cspOnly: true, filters: { platform: ['Azure'], country: ['SE'] } }));
    expect(reseller.hits.map((h) => h.offerId)).toEqual(['a']);
    expect(reseller.facets.platform).toEqual([{ id: 'Azure', count: 1 }]);
    expect(index.search(ask({ filters: { country: ['FI'] } })).total).toBe(0);
  });

  it('pages after a cursor: every hit once, in order, also across equal scores', () => {
    const index = new CatalogSearchIndex();
    for (let i = 0; i < 57; i++) {
      const rank = i % 3;
      index.upsert(
        record(`o${String(i).padStart(2, '0')}`, { statusRank: rank, name: i % 2 ? 'Cloud data' : 'Data' }),
      );
    }
    const all = index.search(ask({ terms: ['data'], limit: 100 })).hits;
    expect(all).toHaveLength(57);
    const seen: string[] = [];
    let after: CatalogSearch['after'] = null;
    for (;;) {
      const hits: CatalogHit[] = index.search(ask({ terms: ['data'], limit: 10, after })).hits;
      seen.push(...hits.slice(0, 10).map((h) => h.offerId));
      if (hits.length <= 10) break;
      const last: CatalogHit | undefined = hits[9];
      if (!last) break;
      after = { rank: last.statusRank, score: last.score, offerId: last.offerId };
    }
    expect(seen).toEqual(all.map((h) => h.offerId));
  });

  it('pages a term searched for alone as a filtered search of it pages, past its first hundreds of hits', () => {
    const index = new CatalogSearchIndex();
    for (let i = 0; i < 400; i++)
      index.upsert(
        record(`p${String(i).padStart(3, '0')}`, {
          statusRank: i % 4,
          name: i % 3 ? 'Cloud data' : 'Data',
          summary: i % 5 ? 'Data lake' : 'Lake',
        }),
      );
    // Every offer is CoSellReady: the filter leaves the same hits, found the other way.
    const pages = (filters: CatalogSearch['filters'], limit: number) => {
      const seen: string[][] = [];
      let after: CatalogSearch['after'] = null;
      for (;;) {
        const hits: CatalogHit[] = index.search(ask({ terms: ['data'], filters, limit, after })).hits;
        seen.push(hits.slice(0, limit).map((h) => `${h.offerId} ${h.score}`));
        const last = hits[limit - 1];
        if (hits.length <= limit || !last) return seen;
        after = { rank: last.statusRank, score: last.score, offerId: last.offerId };
      }
    };
    for (const limit of [20, 100]) {
      const alone = pages({}, limit);
      expect(alone.flat()).toHaveLength(400);
      expect(alone).toEqual(pages({ status: ['CoSellReady'] }, limit));
    }
  });

  it("carries each offer's documents and contact coverage to its hits, as its latest version has them", () => {
    const index = new CatalogSearchIndex();
    const coverage = [{ role: 'PartnerSales', countries: ['OOO'] }];
    index.upsert(
      record('a', { name: 'Alpha', documentSlots: ['customerOnePager'], contactCoverage: coverage }),
    );
    index.upsert(record('b', { name: 'Alpha Two' }));
    const facts = (offerId: string) => {
      const hit = index.search(ask({ terms: ['alpha'] })).hits.find((h) => h.offerId === offerId);
      return hit && unpackCardFacts(hit.cardFacts);
    };
    expect(facts('a')).toEqual({ documentSlots: ['customerOnePager'], contactCoverage: coverage });
    expect(facts('b')).toEqual({ documentSlots: [], contactCoverage: [] });
    index.upsert(record('a', { name: 'Alpha', documentSlots: ['customerOnePager', 'channelPitchDeck'] }));
    expect(facts('a')).toEqual({
      documentSlots: ['customerOnePager', 'channelPitchDeck'],
      contactCoverage: [],
    });
    // Compacting thousands of replaced versions keeps each offer's facts with it.
    for (let i = 0; i < 1500; i++) index.upsert(record(`x${i}`, { name: 'Other' }));
    for (let i = 0; i < 1500; i++) index.remove(`x${i}`);
    expect(facts('a')).toEqual({
      documentSlots: ['customerOnePager', 'channelPitchDeck'],
      contactCoverage: [],
    });
  });

  it('follows changes: a new version replaces the old words, removal takes an offer out', () => {
    const index = new CatalogSearchIndex();
    index.upsert(record('a', { name: 'Blueberry Lake' }));
    expect(ids(index, { terms: ['blueberry'] })).toEqual(['a']);
    const revision = index.revision;
    index.upsert({ ...record('a', { name: 'Blueberry Lake' }), version: index.versionOf('a') ?? '' });
    expect(index.revision).toBe(revision);
    index.upsert(record('a', { name: 'Cranberry Lake' }));
    expect(ids(index, { terms: ['blueberry'] })).toEqual([]);
    expect(ids(index, { terms: ['cranberry'] })).toEqual(['a']);
    index.remove('a');
    expect(ids(index, { terms: ['lake'] })).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('gives the same answers after compacting thousands of replaced versions', () => {
    const index = new CatalogSearchIndex();
    for (let i = 0; i < 200; i++) index.upsert(record(`o${i}`, { name: `Alpha ${i % 7}`, markets: ['SE'] }));
    const before = index.search(ask({ terms: ['alpha'], limit: 100 }));
    for (let round = 0; round < 15; round++)
      for (let i = 0; i < 200; i++)
        index.upsert(record(`o${i}`, { name: `Alpha ${i % 7}`, markets: ['SE'] }));
    for (let i = 0; i < 1500; i++) index.remove(`gone${i}`);
    index.upsert(record('late', { name: 'Zeta' }));
    index.remove('late');
    const after = index.search(ask({ terms: ['alpha'], limit: 100 }));
    expect(after.hits.map((h) => h.offerId)).toEqual(before.hits.map((h) => h.offerId));
    expect(after.facets).toEqual(before.facets);
    expect(index.size).toBe(200);
  });

  it('finds words added after the first search, one at a time and in bulk', () => {
    const index = new CatalogSearchIndex();
    index.upsert(record('a', { name: 'Mango' }));
    expect(ids(index, { terms: ['man'] })).toEqual(['a']);
    index.upsert(record('b', { name: 'Mandarin' }));
    expect(ids(index, { terms: ['manda'] })).toEqual(['b']);
    for (let i = 0; i < 100; i++) index.upsert(record(`w${i}`, { name: i === 42 ? 'Zebra' : `Word${i}` }));
    expect(ids(index, { terms: ['zeb'] })).toEqual(['w42']);
    expect(ids(index, { terms: ['mango'] })).toEqual(['a']);
  });
});
