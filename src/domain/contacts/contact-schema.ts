import { z } from 'zod';
import { StatusEffectSchema } from '../schemas/status-effect.js';

export const contactLimits = {
  name: 100,
  email: 254,
  jobTitle: 100,
  countries: 260,
  states: 100,
  contacts: 10_000,
} as const;

/**
 * A contact as a client sends it. The shape only: the taxonomy's rules (roles, countries, states, OOO,
 * duplicates) are checked by findContactProblems, so the CSV import and the JSON API report them alike.
 */
export const ContactInputSchema = z.strictObject({
  name: z
    .string()
    .max(contactLimits.name * 4)
    .describe('Full name; any language, no control characters'),
  email: z
    .string()
    .max(contactLimits.email * 2)
    .describe('Email address'),
  jobTitle: z
    .string()
    .max(contactLimits.jobTitle * 4)
    .describe('Job title'),
  role: z.string().max(100).describe('A contact role id from the taxonomy, such as PartnerSales'),
  countries: z
    .array(z.string().max(10))
    .max(contactLimits.countries)
    .describe('Two-letter country/region codes, or ["OOO"] alone for all countries/regions'),
  states: z
    .array(z.string().max(10))
    .max(contactLimits.states)
    .default([])
    .describe('Optional state/province codes such as US-WA'),
});
export type ContactInput = z.input<typeof ContactInputSchema>;

export const ContactSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  jobTitle: z.string(),
  role: z.string(),
  countries: z.array(z.string()),
  states: z.array(z.string()),
});
export type Contact = z.infer<typeof ContactSchema>;

/** What adding or changing one contact answers: the contact as stored and the list's new version (its ETag). */
export const ContactAnswerSchema = z.object({ contact: ContactSchema, version: z.number().int() });

/** What replacing every contact answers: the list's new version and how many contacts each change touched. */
export const ReplaceContactsAnswerSchema = z.object({
  version: z.number().int(),
  summary: z.object({
    added: z.number(),
    removed: z.number(),
    changed: z.number(),
    unchanged: z.number(),
  }),
});

/**
 * A change to some fields. Without the input's default for states: in Zod 4 a default still applies inside
 * .partial(), so a PATCH that left states out would clear them.
 */
export const ContactPatchSchema = ContactInputSchema.extend({
  states: ContactInputSchema.shape.states.unwrap().describe('Optional state/province codes such as US-WA'),
}).partial();

export const ReplaceContactsRequestSchema = z.strictObject({
  contacts: z.array(ContactInputSchema).max(contactLimits.contacts),
});

const RoleCoverageSchema = z
  .enum(['direct', 'global', 'none'])
  .describe('direct: a contact names the country; global: only an OOO contact');

export const CoverageSchema = z.object({
  countries: z.array(
    z.object({
      country: z.string(),
      roles: z.record(z.string(), RoleCoverageSchema),
      hasContact: z.boolean(),
      hasPartnerSales: z.boolean(),
    }),
  ),
  countriesWithoutContact: z.array(z.string()),
  countriesWithoutPartnerSales: z.array(z.string()),
  complete: z.boolean().describe('Every market has a contact and a Partner sales contact'),
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const ContactListSchema = z.object({
  items: z.array(ContactSchema),
  version: z.number().int(),
  coverage: CoverageSchema.optional(),
});

const MessageParamsSchema = z
  .record(z.string(), z.union([z.string(), z.number()]))
  .describe('The data the message names (ids, codes, counts), to fill its template in any language');

export const ImportErrorSchema = z.object({
  sheet: z.string().optional().describe('The worksheet, for a workbook (.xlsx)'),
  row: z.number().int().describe('The row as a spreadsheet numbers it: the header is row 1'),
  column: z.string().describe('The column name as in the file, or empty for a whole-file problem'),
  cell: z.string().optional().describe('The cell reference, such as C5, for a workbook (.xlsx)'),
  value: z.string(),
  message: z.string().describe('What is wrong, in English'),
  key: z
    .string()
    .describe(
      "What is wrong as a stable key of the message catalogue (problems.*), in the reader's language",
    ),
  params: MessageParamsSchema,
  allowed: z.string().optional().describe('What is allowed there, in English'),
  allowedKey: z.string().optional().describe('What is allowed there as a message key (problems.*)'),
  allowedParams: MessageParamsSchema.optional(),
});
export type ImportError = z.infer<typeof ImportErrorSchema>;

/** Something in the file worth a look that does not stop the import, such as signs of a lossy save. */
export const ImportWarningSchema = z.object({
  rows: z.array(z.number().int()).describe('The rows it concerns, as a spreadsheet numbers them'),
  message: z.string().describe('The warning, in English'),
  key: z.string().describe('The warning as a stable key of the message catalogue (problems.*)'),
  params: MessageParamsSchema,
});
export type ImportWarning = z.infer<typeof ImportWarningSchema>;

export const ContactDiffSchema = z.object({
  added: z.array(ContactSchema.omit({ id: true })),
  removed: z.array(ContactSchema),
  changed: z.array(z.object({ before: ContactSchema, after: ContactSchema.omit({ id: true }) })),
  unchanged: z.number().int(),
});
export type ContactDiff = z.infer<typeof ContactDiffSchema>;

export const ImportReportSchema = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  applied: z.boolean().describe('Whether the contacts were replaced'),
  format: z.enum(['csv', 'xlsx']).optional().describe('What the file was read as, decided by its content'),
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  sheet: z.string().optional().describe('The worksheet read, for a workbook (.xlsx)'),
  rows: z.number().int().describe('Data rows read'),
  errors: z.array(ImportErrorSchema),
  warnings: z
    .array(ImportWarningSchema)
    .optional()
    .describe('What does not stop the import but may be wrong; absent when there is none'),
  diff: ContactDiffSchema.nullable(),
  version: z.number().int().optional(),
  statusEffect: StatusEffectSchema.optional().describe(
    'A dry run of a file that would import: what the import would do to the co-sell status',
  ),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;
