import { describe, expect, it } from 'vitest';
import type { Submission } from '../../../domain/schemas/reviews.js';
import { standingReasons } from './rejection-reasons.js';

const submission = (
  status: Submission['status'],
  reasons: Submission['decision'] extends infer D ? (D extends { reasons: infer R } ? R : never) : never = [],
): Submission => ({
  id: `sub_${status}`,
  offerId: 'off_1',
  status,
  submittedAt: '2026-12-01T10:00:00.000Z',
  submittedBy: { id: 'usr_1', name: 'Olivia' },
  note: null,
  fingerprint: 'x',
  decision:
    status === 'approved' || status === 'rejected'
      ? {
          decision: status === 'approved' ? 'approve' : 'reject',
          at: '2026-12-02T10:00:00.000Z',
          by: { id: 'usr_2', name: 'Rune' },
          comment: null,
          reasons,
          technicalValidationPassed: null,
        }
      : null,
  withdrawn:
    status === 'withdrawn' ? { at: '2026-12-01T11:00:00.000Z', by: { id: 'usr_1', name: 'Olivia' } } : null,
});

const reasons = [{ itemId: 'customerOnePager', reason: 'Names another product' }];

describe('standingReasons', () => {
  it('are the latest rejection’s, by item, also after a withdrawn submission', () => {
    expect([...standingReasons([submission('rejected', reasons)])]).toEqual([
      ['customerOnePager', 'Names another product'],
    ]);
    expect(
      standingReasons([submission('withdrawn'), submission('rejected', reasons)]).get('customerOnePager'),
    ).toBe('Names another product');
  });

  it('are gone once the offer waits for review again or was approved since', () => {
    expect(standingReasons([submission('pending'), submission('rejected', reasons)]).size).toBe(0);
    expect(standingReasons([submission('approved'), submission('rejected', reasons)]).size).toBe(0);
    expect(standingReasons(undefined).size).toBe(0);
  });
});
