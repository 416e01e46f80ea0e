import { describe, expect, it } from 'vitest';
import { formatMoney } from './referral-format.js';

describe('formatMoney', () => {
  it('writes a value in the currency, as each language does', () => {
    expect(formatMoney(250000, 'SEK', 'en').replace(/\s/g, ' ')).toBe('SEK 250,000');
    expect(formatMoney(250000, 'SEK', 'sv').replace(/\s/g, ' ')).toBe('250 000 kr');
  });

  it('falls back to the number and code for a code the runtime does not know', () => {
    expect(formatMoney(5, 'ZZZZ', 'en')).toBe('5 ZZZZ');
  });
});
