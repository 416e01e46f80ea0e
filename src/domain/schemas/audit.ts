import { z } from 'zod';
import { LocaleSchema } from './messages.js';

/** A day (the whole day, UTC) or an instant with its offset. */
const DayOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** The formats the audit export is written in. */
export const auditFormats = ['ndjson', 'csv'] as const;
export type AuditFormat = (typeof auditFormats)[number];

export const AuditQuerySchema = z.strictObject({
  from: DayOrInstant.describe(
    'The start of the range (included): a date such as 2026-12-01 (its start, UTC) or a date and time',
  ),
  to: DayOrInstant.describe(
    'The end of the range: a date such as 2026-12-31 (the whole day is included, UTC) or a date and time (excluded)',
  ),
  format: z
    .enum(auditFormats)
    .default('ndjson')
    .describe('ndjson (the default): one JSON object a line; csv'),
  locale: LocaleSchema.optional().describe(
    "The language of the summary and details; the requester's chosen language, else English",
  ),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** What an audit record is about. */
export const auditCategories = ['offer', 'member', 'token', 'webhook'] as const;
export type AuditCategory = (typeof auditCategories)[number];

/** One line of the audit export (one row of its CSV, in this order). */
export const AuditRecordSchema = z.object({
  at: z.string().describe('When it happened (ISO 8601, UTC)'),
  category: z.enum(auditCategories),
  organizationId: z.string().nullable().describe('Null for platform-wide webhook endpoints'),
  organizationName: z.string().nullable(),
  subjectId: z.string().describe('The offer, user, API token or webhook endpoint it is about'),
  subjectName: z
    .string()
    .describe("The offer's name (as it was then), the member's or token's name, the URL"),
  action: z.string().describe('What was done, such as created, updated, deleted, revoked, disabled'),
  actor: z.string().describe('Who did it ("cosell" when cosell did it itself)'),
  summary: z
    .string()
    .describe("What happened, in the requested language, as the offer's history page says it"),
  details: z.array(z.string()).describe("Each field's change, in the requested language"),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;
