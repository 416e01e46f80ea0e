import { z } from 'zod';
import { ReadinessReportSchema } from './readiness.js';
import { RejectedItemsSchema, ReviewContentSchema, SubmissionChangesSchema } from './review-content.js';

export const SubmissionStatusSchema = z.enum(['pending', 'approved', 'rejected', 'withdrawn']);

/** A rejection's reason for one readiness item of the submitted report. */
export const ItemReasonSchema = z.strictObject({
  itemId: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('A readiness item id of the submitted report, such as customerOnePager'),
  reason: z.string().trim().min(1).max(1000).describe('What is wrong with it and what to change'),
});
export type ItemReason = z.infer<typeof ItemReasonSchema>;

const PersonSchema = z.object({ id: z.string().nullable(), name: z.string() });

export const SubmissionSchema = z.object({
  id: z.string(),
  offerId: z.string(),
  status: SubmissionStatusSchema,
  submittedAt: z.string(),
  submittedBy: PersonSchema,
  note: z.string().nullable().describe("The publisher's note to the reviewer"),
  fingerprint: z.string(),
  decision: z
    .object({
      decision: z.enum(['approve', 'reject']),
      at: z.string(),
      by: PersonSchema,
      comment: z.string().nullable(),
      reasons: z.array(ItemReasonSchema).describe("A rejection's reasons, each beside the item it concerns"),
      technicalValidationPassed: z.boolean().nullable(),
    })
    .nullable(),
  withdrawn: z
    .object({ at: z.string(), by: PersonSchema })
    .nullable()
    .describe('When and by whom the publisher withdrew it while it waited'),
});
export type Submission = z.infer<typeof SubmissionSchema>;

export const SubmissionListSchema = z.object({ items: z.array(SubmissionSchema) });

export const NOTE_MAX_LENGTH = 2000;

/** What a publisher may send with a submission. */
export const SubmitRequestSchema = z.strictObject({
  note: z
    .string()
    .trim()
    .max(NOTE_MAX_LENGTH)
    .optional()
    .describe('A note to the reviewer: what changed, what to look at'),
});
export type SubmitRequest = z.infer<typeof SubmitRequestSchema>;

export const ReviewQueueItemSchema = z.object({
  submissionId: z.string(),
  offerId: z.string(),
  offerName: z.string(),
  offerType: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  submittedAt: z.string(),
  submittedByName: z.string(),
  waitingSeconds: z.number().int().describe('How long it has waited, by the server clock'),
});
export const ReviewQueueSchema = z.object({ items: z.array(ReviewQueueItemSchema) });

export const ReviewDetailSchema = z.object({
  submission: SubmissionSchema,
  offerName: z.string(),
  organizationName: z.string(),
  snapshot: z
    .object({ input: z.unknown(), report: ReadinessReportSchema })
    .describe('The readiness input and report frozen at submit time'),
  content: ReviewContentSchema.describe('What was submitted, in words'),
  canOpenDocuments: z
    .boolean()
    .describe(
      'Whether the caller may open the submitted files: any reviewer while it waits, then the one who decided it',
    ),
  changes: SubmissionChangesSchema.nullable().describe(
    'What changed since the last approved submission (else the last rejected one); null for a first submission',
  ),
  rejectedItems: RejectedItemsSchema.nullable().describe(
    "The previous decision's reasons, when it was a rejection with reasons, and whether each item changed since",
  ),
  current: ReadinessReportSchema.describe('The readiness report now'),
});

export const DecisionRequestSchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: z
    .string()
    .trim()
    .max(3000)
    .optional()
    .describe('What to fix; a rejection needs a comment or at least one reason'),
  reasons: z
    .array(ItemReasonSchema)
    .max(50)
    .optional()
    .describe('Reject: reasons attached to items of the submitted readiness report, shown beside each item'),
  technicalValidationPassed: z.boolean().optional().describe('The technical validation result (approve)'),
  confirmAzureRevenue: z
    .boolean()
    .optional()
    .describe("Confirms the organisation's Azure consumed revenue attestation (approve)"),
});
export type DecisionRequest = z.infer<typeof DecisionRequestSchema>;
