import type { z } from 'zod';
import { type DecisionRequest, DecisionRequestSchema } from '../../../domain/schemas/reviews.js';
import { en } from '../../i18n/en.js';

/**
 * The decision request with every field present, `decision` set by the button pressed. A rejection must
 * say what to fix: the server refuses one without a comment, and the form says so first, in en.validation's
 * words so useIssueMessage translates them.
 */
export const reviewDecisionFormSchema = DecisionRequestSchema.required().superRefine((values, context) => {
  if (values.decision === 'reject' && values.comment === '') {
    context.addIssue({ code: 'custom', path: ['comment'], message: en.validation.rejectionCommentRequired });
  }
});
export type ReviewDecisionFormInput = z.input<typeof reviewDecisionFormSchema>;
export type ReviewDecisionFormValues = z.output<typeof reviewDecisionFormSchema>;

/**
 * What the API takes: the comment when there is one, and the technical validation and the revenue
 * confirmation only with an approval (the latter only when there is an attestation to confirm).
 */
export function toDecisionRequest(values: ReviewDecisionFormValues, hasRevenue: boolean): DecisionRequest {
  const { decision, comment, technicalValidationPassed, confirmAzureRevenue } = values;
  return {
    decision,
    ...(comment ? { comment } : {}),
    ...(decision === 'approve'
      ? { technicalValidationPassed, ...(hasRevenue ? { confirmAzureRevenue } : {}) }
      : {}),
  };
}
