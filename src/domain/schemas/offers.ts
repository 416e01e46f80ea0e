import { z } from 'zod';
import { CURRENT_TAXONOMY_VERSION, getTaxonomy } from '../reference/taxonomy.js';
import { MessageSchema } from './messages.js';
import { offerLimits } from './offer-limits.js';

export { offerLimits };

const offerTypeIds = getTaxonomy(CURRENT_TAXONOMY_VERSION).offerTypes.map((t) => t.id) as [
  string,
  ...string[],
];

export const OfferStateSchema = z.enum(['draft', 'live']);
export type OfferState = z.infer<typeof OfferStateSchema>;

const name = z
  .string()
  .trim()
  .min(1, 'Give the offer a name')
  .max(offerLimits.name, `A name can have at most ${offerLimits.name} characters`)
  .describe('The offer name people see');
const summary = z
  .string()
  .trim()
  .max(offerLimits.summary, `A short description can have at most ${offerLimits.summary} characters`)
  .describe('A short description, one or two sentences');
const description = z
  .string()
  .max(offerLimits.description, `A description can have at most ${offerLimits.description} characters`)
  .describe(`The long description, up to ${offerLimits.description} characters`);
const markets = z
  .array(z.string().trim().toUpperCase())
  .max(offerLimits.markets)
  .describe('Two-letter codes of the countries and regions where the offer is available');

export const CreateOfferRequestSchema = z.strictObject({
  organizationId: z
    .string()
    .optional()
    .describe('The publishing organisation; needed only when you are an owner or editor of more than one'),
  name,
  offerType: z.enum(offerTypeIds).describe('An offer type id from the taxonomy'),
  summary: summary.default(''),
  description: description.default(''),
  markets: markets.default([]),
  soldThroughCsp: z.boolean().default(false).describe('Whether CSP channel resellers sell the offer'),
});
export type CreateOfferRequest = z.input<typeof CreateOfferRequestSchema>;

export const UpdateOfferRequestSchema = z.strictObject({
  name: name.optional(),
  offerType: z.enum(offerTypeIds).optional(),
  summary: summary.optional(),
  description: description.optional(),
  markets: markets.optional(),
  soldThroughCsp: z.boolean().optional(),
});
export type UpdateOfferRequest = z.input<typeof UpdateOfferRequestSchema>;

export const OfferSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  name: z.string(),
  offerType: z.string(),
  coSellAvailable: z.boolean().describe('Whether the offer type has a co-sell profile'),
  summary: z.string(),
  description: z.string(),
  markets: z.array(z.string()),
  soldThroughCsp: z.boolean(),
  state: OfferStateSchema,
  coSellStatus: z.string().describe('A co-sell status id from the taxonomy'),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type Offer = z.infer<typeof OfferSchema>;

export const OfferListSchema = z.object({ items: z.array(OfferSchema) });

export const HistoryEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), name: z.string() }),
  subject: z.string().describe('What changed: offer, listing, ...'),
  action: z.string().describe('created, updated, published, unpublished, ...'),
  summary: z.string().nullable().describe('The change in an English sentence, such as why a status changed'),
  summaryMessage: MessageSchema.nullable().describe(
    'The summary as a message key (history.summaries.*, history.because.*) and parameters, to show in the ' +
      "reader's language; null for entries written before there were any",
  ),
  changes: z
    .array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }))
    .describe('Each field that changed, with ids, codes, file names and counts as values'),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const HistoryPageSchema = z.object({
  items: z.array(HistoryEntrySchema),
  nextCursor: z.string().nullable(),
});
