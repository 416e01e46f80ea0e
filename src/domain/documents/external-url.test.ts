import { describe, expect, it } from 'vitest';
import { checkExternalReferenceUrl } from './external-url.js';

describe('checkExternalReferenceUrl', () => {
  it('accepts absolute https addresses, trimmed', () => {
    expect(checkExternalReferenceUrl(' https://contoso.example/a?b=c#d ')).toEqual({
      ok: true,
      url: 'https://contoso.example/a?b=c#d',
    });
  });

  it.each([
    'http://contoso.example',
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'ftp://contoso.example',
    '//contoso.example/path',
    '/relative',
    'contoso.example',
    'https://user:pw@contoso.example',
    'https:contoso.example',
    'https://contoso.example/has space',
    '',
    `https://contoso.example/${'a'.repeat(2048)}`,
  ])('refuses %j', (url) => {
    expect(checkExternalReferenceUrl(url).ok).toBe(false);
  });
});
