import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, localeFromLanguages } from './preferred-locale.js';

describe('the language a browser prefers', () => {
  it('takes the first of navigator.languages the product speaks, whatever its region', () => {
    expect(localeFromLanguages(['sv-SE', 'en-US'])).toBe('sv');
    expect(localeFromLanguages(['de-DE', 'sv_FI', 'en'])).toBe('sv');
    expect(localeFromLanguages(['en-GB', 'sv'])).toBe('en');
    expect(localeFromLanguages(['SV'])).toBe('sv');
  });

  it('says nothing when the browser names no language the product speaks', () => {
    expect(localeFromLanguages(['de-DE', 'fr'])).toBeUndefined();
    expect(localeFromLanguages([])).toBeUndefined();
    // "sve" is not Swedish's tag, and a prefix alone must not match.
    expect(localeFromLanguages(['sve', 'english'])).toBeUndefined();
  });

  it('reads Accept-Language by weight, then by order, skipping q=0', () => {
    expect(localeFromAcceptLanguage('sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('sv');
    expect(localeFromAcceptLanguage('en;q=0.5, sv;q=0.8')).toBe('sv');
    expect(localeFromAcceptLanguage('de, en;q=0.9, sv;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('sv;q=0, en;q=0.1')).toBe('en');
    expect(localeFromAcceptLanguage('sv;Q=0.2, de')).toBe('sv');
  });

  it('says nothing for a missing, empty, wildcard or foreign header', () => {
    expect(localeFromAcceptLanguage(undefined)).toBeUndefined();
    expect(localeFromAcceptLanguage('')).toBeUndefined();
    expect(localeFromAcceptLanguage('*')).toBeUndefined();
    expect(localeFromAcceptLanguage('de-CH, fr;q=0.5')).toBeUndefined();
    expect(localeFromAcceptLanguage('sv;q=abc')).toBeUndefined();
  });
});
