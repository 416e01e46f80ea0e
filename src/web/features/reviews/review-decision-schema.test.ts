import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.js';
import { reviewDecisionFormSchema, toDecisionRequest } from './review-decision-schema.js';

const values = { comment: '', technicalValidationPassed: true, confirmAzureRevenue: true };

describe('reviewDecisionFormSchema', () => {
  it('asks a rejection for a comment, and nothing of an approval', () => {
    const rejected = reviewDecisionFormSchema.safeParse({ ...values, decision: 'reject', comment: '  ' });
    expect(rejected.error?.issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: ['comment'], message: en.validation.rejectionCommentRequired },
    ]);
    expect(reviewDecisionFormSchema.safeParse({ ...values, decision: 'approve' }).success).toBe(true);
  });
});

describe('toDecisionRequest', () => {
  it('sends the approval checks only with an approval, and the revenue only when there is one', () => {
    const approve = reviewDecisionFormSchema.parse({ ...values, decision: 'approve' });
    expect(toDecisionRequest(approve, true)).toEqual({
      decision: 'approve',
      technicalValidationPassed: true,
      confirmAzureRevenue: true,
    });
    expect(toDecisionRequest(approve, false)).toEqual({
      decision: 'approve',
      technicalValidationPassed: true,
    });
    const reject = reviewDecisionFormSchema.parse({ ...values, decision: 'reject', comment: ' Add a deck ' });
    expect(toDecisionRequest(reject, true)).toEqual({ decision: 'reject', comment: 'Add a deck' });
  });
});

describe('reasons per item', () => {
  const reason = { itemId: 'customerOnePager', reason: ' Names another product ' };

  it('let a rejection go without a comment, and are sent with it only', () => {
    const reject = reviewDecisionFormSchema.parse({ ...values, decision: 'reject', reasons: [reason] });
    expect(toDecisionRequest(reject, false)).toEqual({
      decision: 'reject',
      reasons: [{ itemId: 'customerOnePager', reason: 'Names another product' }],
    });
    const approve = reviewDecisionFormSchema.parse({ ...values, decision: 'approve', reasons: [reason] });
    expect(toDecisionRequest(approve, false)).not.toHaveProperty('reasons');
  });

  it('need an item and words, each item once, each problem at its place', () => {
    const result = reviewDecisionFormSchema.safeParse({
      ...values,
      decision: 'reject',
      reasons: [{ itemId: '', reason: ' ' }, reason, reason],
    });
    expect(result.error?.issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: ['reasons', 0, 'itemId'], message: en.validation.reasonItemRequired },
      { path: ['reasons', 0, 'reason'], message: en.validation.reasonRequired },
      { path: ['reasons', 2, 'itemId'], message: en.validation.reasonItemTwice },
    ]);
  });
});
