import { describe, expect, it } from 'vitest';
import { findMarketProblems } from './markets.js';
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
      { path: 'markets[1]', message: '"XX" is not a country or region code (use two letters, such as SE)' },
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
      { path: 'markets[2]', message: 'SE is listed twice' },
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
