import { afterEach, describe, expect, it, vi } from 'vitest';
import { englishForThisBrowser } from './test-dictionary.js';

const dictionary = { signIn: { submit: 'Sign in' } };
const rewrite = <T>(words: T): T => JSON.parse(JSON.stringify(words).replace('Sign in', '⟦Šîĝñ îñ⟧')) as T;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the e2e pseudo-locale hook', () => {
  it('keeps the dictionary outside a browser', () => {
    expect(englishForThisBrowser(dictionary)).toBe(dictionary);
  });

  it("ignores a rewrite in a person's browser, which automation does not drive", () => {
    vi.stubGlobal('window', { navigator: { webdriver: false }, cosellRewriteEnglish: rewrite });
    expect(englishForThisBrowser(dictionary)).toBe(dictionary);
  });

  it('takes the harness rewrite in a browser under automation', () => {
    vi.stubGlobal('window', { navigator: { webdriver: true }, cosellRewriteEnglish: rewrite });
    expect(englishForThisBrowser(dictionary)).toEqual({ signIn: { submit: '⟦Šîĝñ îñ⟧' } });
    expect(dictionary.signIn.submit).toBe('Sign in');
  });

  it('keeps the dictionary under automation without a rewrite', () => {
    vi.stubGlobal('window', { navigator: { webdriver: true } });
    expect(englishForThisBrowser(dictionary)).toBe(dictionary);
  });
});
