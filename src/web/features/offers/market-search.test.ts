import { describe, expect, it } from 'vitest';
import { parseMarketCodes, searchMarkets } from './market-search.js';

const options = [
  { code: 'SN', name: 'Senegal' },
  { code: 'SE', name: 'Sweden' },
  { code: 'CH', name: 'Switzerland' },
  { code: 'US', name: 'United States' },
];
const known = new Set(options.map((o) => o.code));

describe('parseMarketCodes', () => {
  it('reads one or more codes in any case', () => {
    expect(parseMarketCodes('se', known)).toEqual(['SE']);
    expect(parseMarketCodes('SE, us  se', known)).toEqual(['SE', 'US']);
  });

  it('treats anything else as a search', () => {
    expect(parseMarketCodes('Swe', known)).toBeNull();
    expect(parseMarketCodes('SE, XX', known)).toBeNull();
    expect(parseMarketCodes('  ', known)).toBeNull();
  });
});

describe('searchMarkets', () => {
  it('puts the exact code first, then names', () => {
    expect(searchMarkets(options, 'se').map((o) => o.code)).toEqual(['SE', 'SN']);
    expect(searchMarkets(options, 'sw').map((o) => o.code)).toEqual(['SE', 'CH']);
    expect(searchMarkets(options, 'states').map((o) => o.code)).toEqual(['US']);
    expect(searchMarkets(options, '')).toHaveLength(4);
  });
});
