import { z } from 'zod';

/**
 * The readiness report as the engine makes it, the server answers it and the web reads it: the engine's types
 * (readiness/readiness-types.ts) are inferred from these schemas, so none of the three can drop a field.
 */

/** The statuses an offer can have, lowest first; 'InReview' while a submission waits and the offer is not ready. */
export const coSellStatuses = [
  'NotCoSellReady',
  'InReview',
  'CoSellReady',
  'AzureIpCoSellIncentivized',
  'BusinessApplicationsCoSellIncentivized',
] as const;

/** The tiers the engine evaluates: the statuses an offer earns by meeting every item. */
export const readinessTierIds = [
  'CoSellReady',
  'AzureIpCoSellIncentivized',
  'BusinessApplicationsCoSellIncentivized',
] as const satisfies readonly (typeof coSellStatuses)[number][];

/** Where a Fix button goes: the part of the offer's profile that holds the field. */
export const readinessSections = [
  'organization',
  'offer',
  'listing',
  'documents',
  'contacts',
  'review',
] as const;

/**
 * A machine-readable form of a reason or action: a stable key (such as 'partnerId.missing') and the data it
 * names (ids, codes, counts; lists joined with ", "). The web translates it; the English text stays beside it.
 */
export const ReadinessMessageSchema = z.object({
  key: z.string().describe('A stable message key, such as partnerId.missing'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).describe('The data the message names'),
});

export const ReadinessItemSchema = z.object({
  id: z.string().describe("Stable, such as 'partnerId', 'offerLive', 'contactsEveryMarket', 'approved'"),
  met: z.boolean(),
  reason: z.string().describe('Why, naming the data looked at ("Markets SE, US; no contact covers US")'),
  action: z.string().describe('What to do ("Add a contact for US")'),
  // Optional, as are label and missing: reports frozen in a submission by an older engine lack them.
  reasonMessage: ReadinessMessageSchema.optional().describe(
    'The reason as a key and parameters, to translate',
  ),
  actionMessage: ReadinessMessageSchema.optional().describe(
    'The action as a key and parameters, to translate',
  ),
  fix: z
    .object({ section: z.enum(readinessSections), field: z.string() })
    .describe('Where the Fix button goes'),
  byReviewer: z
    .boolean()
    .optional()
    .describe('Only a reviewer can meet it (approval, confirmations): editing the profile cannot'),
  actionBy: z
    .enum(['publisher', 'reviewer'])
    .optional()
    .describe(
      'Who takes the action of an unmet item: the publisher (such as submitting for review) or a reviewer',
    ),
  label: z.string().optional().describe('A short English name of the requirement, such as "Partner ID"'),
  missing: z
    .array(z.string())
    .optional()
    .describe(
      'The values the item lacks: countries without a contact, empty profile fields, the approval dependencies that changed',
    ),
});

/** A tier the offer's type can reach; tiers for other offer types are left out of the report. */
export const ReadinessTierSchema = z.object({
  id: z.enum(readinessTierIds),
  label: z.string(),
  met: z.boolean(),
  items: z.array(ReadinessItemSchema),
});

/** Every requirement per status tier: met or not, why, and how to fix it. */
export const ReadinessReportSchema = z.object({
  taxonomyVersion: z.string(),
  status: z
    .enum(coSellStatuses)
    .describe(
      "The highest tier met; 'InReview' when a submission is pending and co-sell ready is not met; otherwise NotCoSellReady",
    ),
  tiers: z.array(ReadinessTierSchema),
  canSubmit: z.boolean().describe('Whether everything but the approval is met: the publisher may submit'),
  fingerprint: z
    .string()
    .describe(
      'The approval fingerprint: a hash of each piece of reviewed content (required files, listing, markets, coverage, offer type, Partner ID); an approval holds while its parts are unchanged and every requirement is met',
    ),
});
