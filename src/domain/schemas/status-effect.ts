import { z } from 'zod';
import { coSellStatuses, ReadinessMessageSchema } from './readiness.js';

/**
 * What a change would do to an offer's co-sell status, as a dry run answers it (`?dryRun=true` on the writes
 * that can change the status) and as the web shows it before asking to confirm.
 */
export const StatusEffectSchema = z.object({
  before: z.enum(coSellStatuses).describe('The co-sell status now'),
  after: z.enum(coSellStatuses).describe('The co-sell status the change would leave'),
  reasons: z
    .array(
      z.object({
        itemId: z.string().describe("The readiness item the change leaves unmet, such as 'offerLive'"),
        reason: z.string().describe('Why, in English, naming the data'),
        reasonMessage: ReadinessMessageSchema.optional().describe('The reason as a key and parameters'),
      }),
    )
    .describe('The requirements the change leaves unmet that are met now, the main cause first'),
  changedContent: z
    .array(z.string())
    .describe(
      "The reviewed content the change alters (approval dependencies: 'markets', 'listing', a required slot such as 'customerOnePager', 'offerType', 'partnerId')",
    ),
  leavesCatalogue: z
    .boolean()
    .describe('Whether the offer is in the seller catalogue now and would not be after the change'),
  startsNewReview: z
    .boolean()
    .describe(
      'Whether the change alters content a review covers (an approval that holds, or a submission waiting for a reviewer): co-sell ready then needs a new review',
    ),
  needsConfirmation: z
    .boolean()
    .describe(
      'Whether a client should ask before making the change: it lowers the status, takes the offer out of the catalogue or starts a new review',
    ),
});
export type StatusEffect = z.infer<typeof StatusEffectSchema>;

/** The answer of a write route asked with `?dryRun=true`: nothing was changed. */
export const DryRunAnswerSchema = z
  .object({
    dryRun: z.literal(true),
    statusEffect: StatusEffectSchema,
  })
  .describe('A dry run: the change was checked and rolled back; this is what it would do to the status');
export type DryRunAnswer = z.infer<typeof DryRunAnswerSchema>;

/** The query of a write route that can change the co-sell status. */
export const DryRunQuerySchema = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .describe(
      'true: check the change and answer its effect on the co-sell status (before, after, reasons, whether it leaves the catalogue or starts a new review) without changing anything',
    ),
});
