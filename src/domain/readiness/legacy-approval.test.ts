import { describe, expect, it } from 'vitest';
import { approve, makeInput } from '../../../test/support/readiness-fixtures.js';
import { computeApprovalFingerprint } from './approval-dependencies.js';
import { evaluateReadiness } from './evaluate-readiness.js';
import { approvedFingerprintOf } from './legacy-approval.js';
import { programme2020_12 } from './programme-2020-12.js';
import type { ReadinessInput } from './readiness-types.js';

const { approvalDependencies: dependencies, requiredDocumentSlots: slots } = programme2020_12;
// An approval stored before approval fingerprints: one hash per category, the format this release replaced.
const R1 = 'r1.0123456789abcd.0123456789abcd.0123456789abcd.0123456789abcd.0123456789abcd';
const hashed = makeInput({
  documents: [
    { slot: 'customerOnePager', sha256: 'a'.repeat(64) },
    { slot: 'customerPresentation', sha256: 'b'.repeat(64) },
  ],
});
/** The status of `current` under an approval stored as `stored` with `frozen` as its submission's input. */
const statusWith = (current: ReadinessInput, stored: string, frozen: unknown) =>
  evaluateReadiness({
    ...current,
    review: {
      status: 'approved',
      technicalValidationPassed: false,
      approvedFingerprint: approvedFingerprintOf(stored, frozen, dependencies, slots),
    },
  });

describe('approvals stored with the older fingerprint format', () => {
  it('keeps a fingerprint of the current format as it is', () => {
    const current = approve(hashed).review.approvedFingerprint ?? '';
    expect(approvedFingerprintOf(current, null, dependencies, slots)).toBe(current);
  });

  it('hold while the content frozen in the submission is unchanged, by today’s rule', () => {
    const report = statusWith(hashed, R1, hashed);
    expect(report.status).toBe('CoSellReady');
    // The older format counted every contact; today a Partner marketing contact does not end an approval.
    const fewerContacts = {
      ...hashed,
      contacts: hashed.contacts.filter((c) => c.role !== 'PartnerMarketing'),
    };
    expect(statusWith(fewerContacts, R1, hashed).status).toBe('CoSellReady');
  });

  it('end with the real reason when frozen content changed', () => {
    const replaced = {
      ...hashed,
      documents: [
        { slot: 'customerOnePager', sha256: 'c'.repeat(64) },
        { slot: 'customerPresentation', sha256: 'b'.repeat(64) },
      ],
    };
    const approval = statusWith(replaced, R1, hashed).tiers[0]?.items.find((i) => i.id === 'approved');
    expect(approval).toMatchObject({ met: false, missing: ['customerOnePager'] });
  });

  it('cannot be compared, and say so, without a frozen input or without the files’ sha256', () => {
    const unhashed = makeInput();
    for (const frozen of [null, { offer: 'garbage' }, unhashed]) {
      expect(approvedFingerprintOf(R1, frozen, dependencies, slots)).toBe(R1);
      const approval = statusWith(hashed, R1, frozen).tiers[0]?.items.find((i) => i.id === 'approved');
      expect(approval).toMatchObject({ met: false, reasonMessage: { key: 'approved.incomparable' } });
    }
  });

  it('reads only what the rule needs from the frozen input, so extra or older fields do not matter', () => {
    const frozen = { ...hashed, somethingOld: true, review: 'whatever' };
    expect(approvedFingerprintOf(R1, frozen, dependencies, slots)).toBe(
      computeApprovalFingerprint(hashed, dependencies),
    );
  });
});
