import { z } from 'zod';
import { MessageSchema } from './messages.js';

/** The parts of an offer's co-sell tab a notification can open at. */
export const offerSections = ['readiness', 'listing', 'documents', 'contacts'] as const;

export const NotificationTargetSchema = z
  .discriminatedUnion('page', [
    z.object({
      page: z.literal('offer'),
      offerId: z.string(),
      section: z.enum(offerSections).describe("The section of the offer's co-sell tab"),
    }),
    z.object({ page: z.literal('review'), submissionId: z.string().describe('The submission to review') }),
    z.object({ page: z.literal('webhook'), endpointId: z.string().describe('The webhook endpoint') }),
  ])
  .describe('What the notification is about, for a link there');
export type NotificationTarget = z.infer<typeof NotificationTargetSchema>;

export const NotificationSchema = z.object({
  id: z.string(),
  offerId: z.string().nullable(),
  kind: z.string().describe('What happened, such as coSellStatusChanged'),
  message: z.string().describe('The notification in English'),
  content: MessageSchema.nullable().describe(
    "The notification as a message key (notifications.messages.*) and parameters, to show in the reader's " +
      'language; null for notifications written before there were any',
  ),
  target: NotificationTargetSchema.nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = z.object({ items: z.array(NotificationSchema) });

export const ReadAllResponseSchema = z.object({
  marked: z.number().int().describe('How many notifications were unread and are read now'),
});

/** Where an email's delivery stands. */
export const outboxStates = ['waiting', 'retrying', 'sent', 'failed'] as const;

export const OutboxEmailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string().describe("In the recipient's language"),
  body: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  state: z
    .enum(outboxStates)
    .describe(
      'waiting: not tried yet (or no SMTP server is configured); retrying: an attempt failed and another ' +
        'will follow with backoff; sent: delivered; failed: given up after the last attempt, until an admin ' +
        'retries it',
    ),
  attempts: z.number().int().describe('Delivery attempts so far'),
  lastAttemptAt: z.string().nullable().describe('When the last attempt started'),
  lastError: z.string().nullable().describe("Why the last attempt failed (the mail server's answer)"),
  failedAt: z.string().nullable().describe('When delivery was given up'),
});
export type OutboxEmail = z.infer<typeof OutboxEmailSchema>;

export const OutboxListSchema = z.object({ items: z.array(OutboxEmailSchema) });
