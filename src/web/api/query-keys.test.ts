import { describe, expect, it } from 'vitest';
import { queryKeys } from './query-keys.js';

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) =>
  prefix.every((part, index) => key[index] === part);

// Invalidation works by prefix: these nestings are what the mutations' invalidations rely on.
describe('queryKeys', () => {
  it('puts everything read about an offer under its key, so forgetting the offer forgets all of it', () => {
    const offer = queryKeys.offer('o1');
    for (const key of [
      queryKeys.listing('o1'),
      queryKeys.history('o1'),
      queryKeys.contacts('o1'),
      queryKeys.contactsWithCoverage('o1', ['US', 'SE']),
      queryKeys.documents('o1'),
      queryKeys.readiness('o1'),
      queryKeys.submissions('o1'),
    ]) {
      expect(startsWith(key, offer), key.join('/')).toBe(true);
    }
    expect(startsWith(queryKeys.listing('o2'), offer)).toBe(false);
  });

  it('puts the offer list and every offer under everyOffer (a profile change invalidates them all)', () => {
    expect(startsWith(queryKeys.offers, queryKeys.everyOffer)).toBe(true);
    expect(startsWith(queryKeys.readiness('o1'), queryKeys.everyOffer)).toBe(true);
  });

  it('puts the review queue and each review under everyReview (a decision invalidates both)', () => {
    expect(startsWith(queryKeys.reviewQueue, queryKeys.everyReview)).toBe(true);
    expect(startsWith(queryKeys.review('s1'), queryKeys.everyReview)).toBe(true);
  });

  it('keys the coverage by the set of markets, not their order', () => {
    expect(queryKeys.contactsWithCoverage('o1', ['US', 'SE'])).toEqual(
      queryKeys.contactsWithCoverage('o1', ['SE', 'US']),
    );
  });
});
