import { z } from 'zod';
import { MAX_ENDPOINT_URL_LENGTH } from '../webhooks/endpoint-url.js';
import { EventTypeSchema } from './events.js';

const dateTime = z.iso.datetime({
  offset: true,
  message: 'Use an ISO 8601 date and time, such as 2027-01-31T00:00:00Z',
});

/** Why an endpoint is disabled: by a person, because it answered 410 Gone, or after failing for days. */
export const DisabledReasonSchema = z.enum(['manual', 'gone', 'failing']);
export type DisabledReason = z.infer<typeof DisabledReasonSchema>;

export const WebhookEndpointSchema = z.object({
  id: z.string(),
  organizationId: z
    .string()
    .nullable()
    .describe('The organisation whose events it receives; null: platform-wide'),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(EventTypeSchema).describe('The event types it receives; empty: all of them'),
  enabled: z.boolean(),
  disabledReason: DisabledReasonSchema.nullable(),
  secretPrefix: z.string().describe('The first characters of the signing secret, to recognise it'),
  previousSecretExpiresAt: z
    .string()
    .nullable()
    .describe('Until then deliveries are signed with the previous secret too (after a rotation)'),
  failingSince: z.string().nullable().describe('Since when its deliveries fail, if they do'),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int().describe('Its ETag is this number in quotes'),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

export const WebhookEndpointListSchema = z.object({ items: z.array(WebhookEndpointSchema) });

const url = z
  .string()
  .max(MAX_ENDPOINT_URL_LENGTH)
  .describe('Where deliveries are sent: https, at a public address');
const description = z.string().trim().max(500).describe('What the endpoint is for');
const eventTypes = z
  .array(EventTypeSchema)
  .max(50)
  .describe('The event types to receive; empty or left out: all of them');

export const CreateWebhookEndpointRequestSchema = z.strictObject({
  url,
  description: description.optional(),
  eventTypes: eventTypes.optional(),
  enabled: z.boolean().optional().describe('true when left out'),
});
export type CreateWebhookEndpointRequest = z.infer<typeof CreateWebhookEndpointRequestSchema>;

export const UpdateWebhookEndpointRequestSchema = z.strictObject({
  url: url.optional(),
  description: description.optional(),
  eventTypes: eventTypes.optional(),
  enabled: z.boolean().optional().describe('Enabling clears the reason it was disabled'),
});
export type UpdateWebhookEndpointRequest = z.infer<typeof UpdateWebhookEndpointRequestSchema>;

const secret = z
  .string()
  .describe('The signing secret (whsec_ and base64): shown in this reply only, never again');

export const CreatedWebhookEndpointSchema = z.object({ endpoint: WebhookEndpointSchema, secret });
export type CreatedWebhookEndpoint = z.infer<typeof CreatedWebhookEndpointSchema>;

export const RotateSecretRequestSchema = z.strictObject({
  overlapHours: z
    .number()
    .int()
    .min(0)
    .max(168)
    .optional()
    .describe('Hours the previous secret keeps signing beside the new one; 24 when left out'),
});
export type RotateSecretRequest = z.infer<typeof RotateSecretRequestSchema>;

export const DeliveryStatusSchema = z.enum(['pending', 'delivered', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

export const DeliveryAttemptSchema = z.object({
  attempt: z.number().int().describe('1 for the first'),
  at: z.string(),
  durationMs: z.number().int(),
  statusCode: z.number().int().nullable().describe("The receiver's HTTP status; null when none came"),
  error: z.string().nullable().describe('Why no answer came, or why the answer was a failure'),
  responseBody: z.string().nullable().describe('The start of what the receiver answered'),
  requestHeaders: z
    .record(z.string(), z.string())
    .describe('The headers sent: webhook-id, -timestamp, -signature'),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttemptSchema>;

export const WebhookDeliverySchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  eventId: z.string().nullable().describe('The event delivered; null for a test event'),
  eventType: z.string(),
  messageId: z.string().describe('webhook-id: the same on every attempt and replay of one event'),
  status: DeliveryStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  replayOf: z.string().nullable().describe('The delivery this one sends again'),
  body: z.string().describe('The request body, exactly as signed'),
  attemptLog: z.array(DeliveryAttemptSchema).describe('Oldest first'),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const DeliveryPageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional()
    .describe('nextCursor of the previous page'),
});
export type DeliveryPageQuery = z.infer<typeof DeliveryPageQuerySchema>;

export const DeliveryPageSchema = z.object({
  items: z.array(WebhookDeliverySchema).describe('Newest first'),
  nextCursor: z.string().nullable(),
});
export type DeliveryPage = z.infer<typeof DeliveryPageSchema>;

export const ReplayRequestSchema = z.strictObject({
  since: dateTime.describe(
    'Every event the endpoint receives, recorded at or after this time, is sent again',
  ),
});
export type ReplayRequest = z.infer<typeof ReplayRequestSchema>;

export const ReplayResultSchema = z.object({
  queued: z.number().int().describe('Deliveries queued'),
});
export type ReplayResult = z.infer<typeof ReplayResultSchema>;
