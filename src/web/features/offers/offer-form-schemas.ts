import { z } from 'zod';
import { CreateOfferRequestSchema, UpdateOfferRequestSchema } from '../../../domain/schemas/offers.js';
import { en } from '../../i18n/en.js';

/**
 * The create request as the server checks it, plus one rule the server can only answer after the fact:
 * a person who publishes for several organisations says which one. Messages in English so
 * useIssueMessage translates them: the shared offer type list refuses the unchosen "" with Zod's own words,
 * so the form says what to do instead.
 */
export function createOfferFormSchema(needsOrganization: boolean) {
  const offerTypes = CreateOfferRequestSchema.shape.offerType.options;
  return CreateOfferRequestSchema.extend({
    offerType: z.enum(offerTypes, en.validation.offerTypeRequired),
  }).superRefine((values, context) => {
    if (needsOrganization && !values.organizationId) {
      context.addIssue({
        code: 'custom',
        path: ['organizationId'],
        message: en.validation.organizationRequired,
      });
    }
  });
}
export type CreateOfferFormInput = z.input<ReturnType<typeof createOfferFormSchema>>;
export type CreateOfferFormValues = z.output<ReturnType<typeof createOfferFormSchema>>;

/** What "Offer setup" edits; the offer type is chosen at creation. */
export const OfferSetupSchema = UpdateOfferRequestSchema.pick({
  name: true,
  summary: true,
  description: true,
  markets: true,
  soldThroughCsp: true,
}).required();
export type OfferSetupInput = z.input<typeof OfferSetupSchema>;
export type OfferSetupValues = z.output<typeof OfferSetupSchema>;
