import { describe, expect, it } from 'vitest';
import { createTokenFormSchema, toCreateTokenRequest } from './token-form-schema.js';

const schema = createTokenFormSchema(() => new Date('2026-05-10T12:00:00Z'));

describe('createTokenFormSchema', () => {
  it('accepts a name without expiry and trims it, as the shared schema does', () => {
    expect(schema.parse({ name: '  CI import ', expiresOn: '' })).toEqual({
      name: 'CI import',
      expiresOn: '',
    });
  });

  it('uses the shared schema message for a missing name', () => {
    const result = schema.safeParse({ name: '  ', expiresOn: '' });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['Name the token']);
  });

  it('refuses today and past days, and malformed dates', () => {
    expect(schema.safeParse({ name: 'a', expiresOn: '2026-05-10' }).success).toBe(false);
    expect(schema.safeParse({ name: 'a', expiresOn: '2026-13-40' }).success).toBe(false);
    expect(schema.safeParse({ name: 'a', expiresOn: '2026-05-11' }).success).toBe(true);
  });
});

describe('toCreateTokenRequest', () => {
  it('turns the day into midnight UTC and leaves out an empty expiry', () => {
    expect(toCreateTokenRequest({ name: 'CI', expiresOn: '2027-01-31' })).toEqual({
      name: 'CI',
      expiresAt: '2027-01-31T00:00:00Z',
    });
    expect(toCreateTokenRequest({ name: 'CI', expiresOn: '' })).toEqual({ name: 'CI' });
  });
});
