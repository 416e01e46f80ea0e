import { afterEach, describe, expect, it, vi } from 'vitest';
import { countryName, namedCountries } from './country-names.js';
import { countries } from './taxonomy.js';

describe('country names in the reader’s language', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names a code in Swedish and in English from the runtime', () => {
    expect(countryName('SE', 'sv', 'Alla länder/regioner')).toBe('Sverige');
    expect(countryName('DE', 'sv', 'Alla länder/regioner')).toBe('Tyskland');
    expect(countryName('US', 'sv', 'Alla länder/regioner')).toBe('USA');
    expect(countryName('SE', 'en', 'All countries/regions')).toBe('Sweden');
  });

  it('names OOO with the words the caller gives for all countries', () => {
    expect(countryName('OOO', 'sv', 'Alla länder/regioner')).toBe('Alla länder/regioner');
    expect(countryName('OOO', 'en', 'All countries/regions')).toBe('All countries/regions');
  });

  it('falls back to the reference table’s name for a code the runtime does not name, else the code', () => {
    vi.spyOn(Intl.DisplayNames.prototype, 'of').mockReturnValue(undefined);
    expect(countryName('KR', 'sv', 'Alla')).toBe('Korea (South)');
    expect(countryName('ZZ', 'sv', 'Alla')).toBe('ZZ');
  });

  it('keeps a malformed code, and the reference names for a language the runtime refuses', () => {
    expect(countryName('S1', 'sv', 'Alla')).toBe('S1');
    expect(countryName('SE', 'not a locale!', 'All')).toBe('Sweden');
  });

  it('lists every reference country once, in the language’s alphabetical order', () => {
    const swedish = namedCountries('sv');
    expect(swedish.map((c) => c.code).sort()).toEqual(countries.map((c) => c.code).sort());
    expect(swedish.find((c) => c.code === 'AT')?.name).toBe('Österrike');
    // Swedish puts Ö after Z; English sorting would put Österrike among the O's.
    const index = (code: string) => swedish.findIndex((c) => c.code === code);
    expect(index('AT')).toBeGreaterThan(index('ZM'));
    expect(index('NO')).toBeLessThan(index('SE'));
  });
});
