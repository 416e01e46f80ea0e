import { z } from 'zod';
import { type DecisionRequest, DecisionRequestSchema } from '../../../domain/schemas/reviews.js';
import { en } from '../../i18n/en.js';

/** One reason as the form holds it: an item chosen from the submitted report, and what to fix there. */
const FormReasonSchema = z.object({
  itemId: z.string().min(1, en.validation.reasonItemRequired),
  reason: z.string().trim().min(1, en.validation.reasonRequired).max(1000, en.validation.tooLong),
});

/**
 * The decision request with every field present, `decision` set by the button pressed. A rejection must
 * say what to fix, in the comment or in a reason for an item: the server refuses one without either, and the
 * form says so first, in en.validation's words so useIssueMessage translates them.
 */
export const reviewDecisionFormSchema = DecisionRequestSchema.required()
  .extend({ reasons: z.array(FormReasonSchema).default([]) })
  .superRefine((values, context) => {
    if (values.decision === 'reject' && values.comment === '' && values.reasons.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['comment'],
        message: en.validation.rejectionCommentRequired,
      });
    }
    const seen = new Set<string>();
    values.reasons.forEach(({ itemId }, index) => {
      if (itemId && seen.has(itemId))
        context.addIssue({
          code: 'custom',
          path: ['reasons', index, 'itemId'],
          message: en.validation.reasonItemTwice,
        });
      seen.add(itemId);
    });
  });
export type ReviewDecisionFormInput = z.input<typeof reviewDecisionFormSchema>;
export type ReviewDecisionFormValues = z.output<typeof reviewDecisionFormSchema>;

/**
 * What the API takes: the comment when there is one, the reasons with a rejection, and the technical
 * validation and the revenue confirmation only with an approval (the latter only when there is an attestation
 * to confirm).
 */
export function toDecisionRequest(values: ReviewDecisionFormValues, hasRevenue: boolean): DecisionRequest {
  const { decision, comment, reasons, technicalValidationPassed, confirmAzureRevenue } = values;
  return {
    decision,
    ...(comment ? { comment } : {}),
    ...(decision === 'reject' && reasons.length > 0 ? { reasons } : {}),
    ...(decision === 'approve'
      ? { technicalValidationPassed, ...(hasRevenue ? { confirmAzureRevenue } : {}) }
      : {}),
  };
}
