import { describe, expect, it } from 'vitest';
import { coversEveryCountry, findMarketProblems } from './markets.js';
import { countries } from './reference/taxonomy.js';

describe('findMarketProblems', () => {
  it('accepts no markets: a draft offer need not have any yet', () => {
    expect(findMarketProblems([])).toEqual([]);
  });

  it('accepts known country and region codes', () => {
    expect(findMarketProblems(['SE', 'US', 'NO', 'DE'])).toEqual([]);
  });

  it('accepts every country of the country table at once', () => {
    expect(findMarketProblems(countries.map((c) => c.code))).toEqual([]);
  });

  it('refuses a code that is not in the country table, at its index', () => {
    expect(findMarketProblems(['SE', 'XX', 'US'])).toEqual([
      {
        path: 'markets[1]',
        message: '"XX" is not a country or region code (use two letters, such as SE)',
        key: 'problems.offers.marketUnknown',
        params: { value: 'XX' },
      },
    ]);
  });

  it('refuses OOO: "all countries" is for contacts, not a market', () => {
    expect(findMarketProblems(['OOO']).map((p) => p.path)).toEqual(['markets[0]']);
  });

  it('refuses names, three-letter codes and lower case (the API upper-cases before checking)', () => {
    expect(findMarketProblems(['Sweden', 'SWE', 'se', '']).map((p) => p.path)).toEqual([
      'markets[0]',
      'markets[1]',
      'markets[2]',
      'markets[3]',
    ]);
  });

  it('refuses a code listed twice, at the second occurrence', () => {
    expect(findMarketProblems(['SE', 'US', 'SE'])).toEqual([
      {
        path: 'markets[2]',
        message: 'SE is listed twice',
        key: 'problems.common.listedTwice',
        params: { value: 'SE' },
      },
    ]);
  });

  it('reports every problem, one per entry', () => {
    expect(findMarketProblems(['ZZ', 'SE', 'SE', 'QQ']).map((p) => p.path)).toEqual([
      'markets[0]',
      'markets[2]',
      'markets[3]',
    ]);
  });
});

describe('coversEveryCountry', () => {
  const every = countries.map((c) => c.code);

  it('is true for every country and region, in any order', () => {
    expect(coversEveryCountry(every)).toBe(true);
    expect(coversEveryCountry([...every].reverse())).toBe(true);
  });

  it('is false when one is missing, or when none are listed', () => {
    expect(coversEveryCountry(every.slice(1))).toBe(false);
    expect(coversEveryCountry([])).toBe(false);
    // As long as the table, but with one code twice instead of the last country.
    expect(coversEveryCountry([...every.slice(0, -1), every[0] ?? 'SE'])).toBe(false);
  });
});
