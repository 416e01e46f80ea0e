import { describe, expect, it } from 'vitest';
import { findUnstorableText, isStorableText, showUnstorableText } from './storable-text.js';

describe('storable text', () => {
  it.each([
    ['plain', 'Contoso Analytics'],
    ['letters in any language', 'Åsa Öberg 王小明 Ωμέγα'],
    ['a whole surrogate pair (an emoji)', 'ship it 🚀'],
    ['other control characters (the field rules judge those)', 'tab\tbell\u0007'],
    ['the empty string', ''],
  ])('takes %s', (_what, text) => {
    expect(isStorableText(text)).toBe(true);
  });

  it.each([
    ['U+0000', 'Åsa\u0000Öberg'],
    ['a lone high surrogate', 'a\uD800b'],
    ['a lone low surrogate', 'a\uDC00b'],
    ['a high surrogate at the end', 'end\uD83D'],
    ['two high surrogates', '\uD83D\uD83D\uDE80'],
    ['a pair the wrong way round', '\uDE80\uD83D'],
  ])('refuses %s', (_what, text) => {
    expect(isStorableText(text)).toBe(false);
  });

  it('shows each unstorable character as U+FFFD and leaves pairs alone', () => {
    expect(showUnstorableText('a\u0000b\uD800c🚀')).toBe('a\uFFFDb\uFFFDc🚀');
  });

  it('finds every unstorable string and key with its path, in document order', () => {
    expect(
      findUnstorableText({
        name: 'ok',
        contacts: [{ email: 'a\u0000@x' }, { email: 'fine' }, { email: 'b\uDC00' }],
        'bad\u0000key': 'whatever',
        nested: { deeper: ['\uD800'] },
      }),
    ).toEqual([
      ['contacts', 0, 'email'],
      ['contacts', 2, 'email'],
      ['bad\uFFFDkey'],
      ['nested', 'deeper', 0],
    ]);
    expect(findUnstorableText({ a: 1, b: true, c: null, d: ['x'] })).toEqual([]);
    expect(findUnstorableText('\u0000')).toEqual([[]]);
  });

  it('walks deep nesting without exhausting the stack, and reports a bounded number of paths', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableText(deep)).toHaveLength(1);
    expect(findUnstorableText(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
  });
});
