import { z } from 'zod';

const ReadinessMessageSchema = z.object({
  key: z.string().describe('A stable message key, such as partnerId.missing'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).describe('The data the message names'),
});

const ReadinessItemSchema = z.object({
  id: z.string(),
  met: z.boolean(),
  reason: z.string().describe('Why, naming the data looked at'),
  action: z.string().describe('What to do'),
  reasonMessage: ReadinessMessageSchema.optional().describe(
    'The reason as a key and parameters, to translate',
  ),
  actionMessage: ReadinessMessageSchema.optional().describe(
    'The action as a key and parameters, to translate',
  ),
  fix: z.object({ section: z.string(), field: z.string() }),
  byReviewer: z.boolean().optional().describe('Only a reviewer can meet it'),
  label: z.string().optional(),
  missing: z.array(z.string()).optional().describe('The values the item lacks'),
});

/** Every requirement per status tier: met or not, why, and how to fix it. */
export const ReadinessReportSchema = z.object({
  taxonomyVersion: z.string(),
  status: z.string().describe('A co-sell status id'),
  tiers: z.array(
    z.object({ id: z.string(), label: z.string(), met: z.boolean(), items: z.array(ReadinessItemSchema) }),
  ),
  canSubmit: z.boolean().describe('Whether everything but the approval is met: the publisher may submit'),
  fingerprint: z.string(),
});

export const SubmissionStatusSchema = z.enum(['pending', 'approved', 'rejected']);

export const SubmissionSchema = z.object({
  id: z.string(),
  offerId: z.string(),
  status: SubmissionStatusSchema,
  submittedAt: z.string(),
  submittedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  fingerprint: z.string(),
  decision: z
    .object({
      decision: z.enum(['approve', 'reject']),
      at: z.string(),
      by: z.object({ id: z.string().nullable(), name: z.string() }),
      comment: z.string().nullable(),
      technicalValidationPassed: z.boolean().nullable(),
    })
    .nullable(),
});
export type Submission = z.infer<typeof SubmissionSchema>;

export const SubmissionListSchema = z.object({ items: z.array(SubmissionSchema) });

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
  current: ReadinessReportSchema.describe('The readiness report now'),
});

export const DecisionRequestSchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().trim().max(3000).optional().describe('Required to reject: what to fix'),
  technicalValidationPassed: z.boolean().optional().describe('The technical validation result (approve)'),
  confirmAzureRevenue: z
    .boolean()
    .optional()
    .describe("Confirms the organisation's Azure consumed revenue attestation (approve)"),
});
export type DecisionRequest = z.infer<typeof DecisionRequestSchema>;

export const NotificationSchema = z.object({
  id: z.string(),
  offerId: z.string().nullable(),
  kind: z.string(),
  message: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const NotificationListSchema = z.object({ items: z.array(NotificationSchema) });

export const OutboxListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      to: z.string(),
      subject: z.string(),
      body: z.string(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
});
