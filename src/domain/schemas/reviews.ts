import { z } from 'zod';
import { ReadinessReportSchema } from './readiness.js';

export const SubmissionStatusSchema = z.enum(['pending', 'approved', 'rejected', 'withdrawn']);

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
