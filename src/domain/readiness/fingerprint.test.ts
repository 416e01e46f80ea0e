import { describe, expect, it } from 'vitest';
import { cyrb53 } from './fingerprint.js';

describe('cyrb53', () => {
  it('is deterministic, 14 hex digits, and seed-dependent', () => {
    expect(cyrb53('a')).toBe(cyrb53('a'));
    expect(cyrb53('a')).toMatch(/^[0-9a-f]{14}$/);
    expect(cyrb53('a')).not.toBe(cyrb53('b'));
    expect(cyrb53('a', 1)).not.toBe(cyrb53('a'));
  });
});
