import { describe, expect, it } from 'vitest';
import { initialLanguage } from './initial-language.js';

describe('the language of a first visit', () => {
  it('follows the browser’s languages when nothing was chosen', () => {
    expect(initialLanguage(undefined, ['sv-SE', 'en-US'])).toBe('sv');
    expect(initialLanguage(undefined, ['de-DE', 'en-GB'])).toBe('en');
  });

  it('keeps a choice made before over the browser’s languages', () => {
    expect(initialLanguage('en', ['sv-SE'])).toBe('en');
    expect(initialLanguage('sv', ['en-US'])).toBe('sv');
  });

  it('is English when the browser names no language the product speaks', () => {
    expect(initialLanguage(undefined, ['fr-FR'])).toBe('en');
    expect(initialLanguage(undefined, [])).toBe('en');
  });
});
