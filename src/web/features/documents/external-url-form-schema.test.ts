import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.js';
import { externalUrlFormSchema } from './external-url-form-schema.js';

const messagesFor = (url: string) =>
  (externalUrlFormSchema.safeParse({ url }).error?.issues ?? []).map((issue) => issue.message);

describe('externalUrlFormSchema', () => {
  it('says in dictionary words why a URL is refused', () => {
    expect(messagesFor('  ')).toEqual([en.validation.urlRequired]);
    expect(messagesFor('http://contoso.example')).toEqual([en.validation.urlHttpsOnly]);
    expect(messagesFor('contoso.example')).toEqual([en.validation.urlInvalid]);
    expect(messagesFor('https://user:secret@contoso.example')).toEqual([en.validation.urlInvalid]);
  });

  it('accepts an https address and trims it', () => {
    expect(externalUrlFormSchema.parse({ url: ' https://contoso.example/insights ' })).toEqual({
      url: 'https://contoso.example/insights',
    });
  });
});
