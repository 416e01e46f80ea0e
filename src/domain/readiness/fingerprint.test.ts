import { describe, expect, it } from 'vitest';
import { makeInput } from '../../../test/support/readiness-fixtures.js';
import { computeReadinessFingerprint, cyrb53, findChangedCategories } from './fingerprint.js';
import type { ReadinessInput } from './readiness-types.js';

const slots = ['customerOnePager', 'customerPresentation'];
const fp = (input: ReadinessInput) => computeReadinessFingerprint(input, slots);

describe('cyrb53', () => {
  it('is deterministic, 14 hex digits, and seed-dependent', () => {
    expect(cyrb53('a')).toBe(cyrb53('a'));
    expect(cyrb53('a')).toMatch(/^[0-9a-f]{14}$/);
    expect(cyrb53('a')).not.toBe(cyrb53('b'));
    expect(cyrb53('a', 1)).not.toBe(cyrb53('a'));
  });
});

describe('computeReadinessFingerprint', () => {
  const base = makeInput();
  it('has a format tag and one hash per category', () => {
    expect(fp(base)).toMatch(/^r1(\.[0-9a-f]{14}){5}$/);
  });
  it('is stable under the order of contacts, their countries, markets and listing values', () => {
    const reordered = makeInput({
      contacts: [...base.contacts].reverse().map((c) => ({ ...c, countries: [...c.countries].reverse() })),
      offer: { ...base.offer, markets: [...base.offer.markets].reverse() },
    });
    expect(fp(reordered)).toBe(fp(base));
  });
  it('ignores what co-sell ready does not look at', () => {
    const other = makeInput({
      organization: { ...base.organization, enrolments: ['IsvConnect'], azureConsumedRevenue: null },
      documents: [...base.documents, { slot: 'customerCaseStudy', sha256: 'c'.repeat(64) }],
      review: { status: 'pending', approvedFingerprint: 'x', technicalValidationPassed: false },
      today: '2030-01-01',
    });
    expect(fp(other)).toBe(fp(base));
  });
  it('changes when a required document is replaced (sha256) or removed', () => {
    const a = makeInput({
      documents: [{ slot: 'customerOnePager', sha256: 'a'.repeat(64) }, { slot: 'customerPresentation' }],
    });
    const b = makeInput({
      documents: [{ slot: 'customerOnePager', sha256: 'b'.repeat(64) }, { slot: 'customerPresentation' }],
    });
    const removed = makeInput({ documents: [{ slot: 'customerPresentation' }] });
    expect(fp(a)).not.toBe(fp(b));
    expect(findChangedCategories(fp(a), fp(b))).toEqual(['documents']);
    expect(findChangedCategories(fp(base), fp(removed))).toEqual(['documents']);
  });
  it('changes per category for profile, offer, listing and contacts edits', () => {
    const edited = makeInput({
      organization: { ...base.organization, description: 'New text' },
      offer: { ...base.offer, markets: ['SE'] },
      contacts: base.contacts.slice(1),
    });
    expect(findChangedCategories(fp(base), fp(edited))).toEqual(['organization', 'offer', 'contacts']);
    expect(findChangedCategories(fp(base), fp(makeInput({ listing: null })))).toEqual(['listing']);
  });
  it('cannot compare fingerprints of another format', () => {
    expect(findChangedCategories('legacy', fp(base))).toBeNull();
    expect(findChangedCategories(fp(base), fp(base))).toEqual([]);
  });
});
