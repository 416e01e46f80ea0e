import { z } from 'zod';
import {
  closingSubstatuses,
  customerSizes,
  referralDirections,
  referralQualifications,
  referralSides,
  referralStatuses,
  referralSubstatuses,
  referralTypes,
} from '../referrals/referral-enums.js';
import { referralTransitions } from '../referrals/referral-transitions.js';
import { MessageSchema } from './messages.js';

/**
 * Referrals: the customer deals a co-sell profile exists for, shaped after Partner Center's referral resource
 * (docs/referrals.md maps every field and names each difference). Requests are strict: an unknown field is
 * refused, so a misspelt one is not silently dropped.
 */
export const referralLimits = {
  name: 200,
  notes: 4000,
  reason: 1000,
  externalReferenceId: 100,
  customerName: 200,
  addressLine: 200,
  contacts: 10,
  solutions: 10,
  dealValue: 1_000_000_000_000,
} as const;

const text = (max: number, what: string) =>
  z.string().trim().max(max, `${what} can have at most ${max} characters`);

export const ReferralStatusSchema = z.enum(referralStatuses).describe('New, Active or Closed');
export const ReferralSubstatusSchema = z
  .enum(referralSubstatuses)
  .describe(
    'New: Pending (waiting for the other party) or Received (yours to answer); Active: Accepted; Closed: Won, Lost, Declined or Expired',
  );
export const ReferralTypeSchema = z
  .enum(referralTypes)
  .describe(
    'Shared: worked by the partner with the vendor sellers; Independent: the partner alone (private)',
  );
export const ReferralQualificationSchema = z
  .enum(referralQualifications)
  .describe('The quality of the referral, as Partner Center names it');
export const CustomerSizeSchema = z.enum(customerSizes).describe('The customer organisation size band');
export const ReferralDirectionSchema = z
  .enum(referralDirections)
  .describe(
    'Seen from the partner: incoming (a seller referred a customer) or outgoing (the partner shares its deal)',
  );
export const ReferralSideSchema = z.enum(referralSides);

const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter country/region code, such as SE')
  .describe('ISO 3166 alpha-2 country/region code');

const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code, such as SEK')
  .describe('ISO 4217 currency code');

const dealValue = z
  .number()
  .nonnegative('A deal value cannot be negative')
  .max(referralLimits.dealValue, 'A deal value must be below one trillion')
  .describe('The deal value in `currency`');

const dateTime = z.iso.datetime({
  offset: true,
  message: 'Use an ISO 8601 date and time, such as 2026-12-31T00:00:00Z',
});

export const AddressSchema = z.strictObject({
  addressLine1: text(referralLimits.addressLine, 'An address line').optional(),
  addressLine2: text(referralLimits.addressLine, 'An address line').optional(),
  city: text(100, 'A city').optional(),
  state: text(100, 'A state').optional(),
  postalCode: text(20, 'A postal code').optional(),
  country: countryCode,
  region: text(100, 'A region').optional(),
});

/** A person at the customer, as Partner Center's Member (contactPreference aside). */
export const CustomerContactSchema = z.strictObject({
  firstName: text(100, 'A first name').min(1, 'Give the contact a first name'),
  lastName: text(100, 'A last name').default(''),
  email: z.string().trim().toLowerCase().email('Give a valid email address').max(254),
  phoneNumber: text(40, 'A phone number').optional(),
});
export type CustomerContact = z.infer<typeof CustomerContactSchema>;

export const CustomerProfileInputSchema = z.strictObject({
  name: text(referralLimits.customerName, 'A customer name').min(1, 'Name the customer organisation'),
  address: AddressSchema,
  size: CustomerSizeSchema.optional(),
  team: z
    .array(CustomerContactSchema)
    .max(referralLimits.contacts, `A referral can name at most ${referralLimits.contacts} customer contacts`)
    .default([])
    .describe(
      'The customer contacts: shown to the other party only after acceptance, with consent to contact',
    ),
});

export const ConsentSchema = z.strictObject({
  // Partner Center's own spelling (sic), kept so an integration maps without renaming.
  consentToToShareInfoWithOthers: z
    .boolean()
    .describe(
      "The customer agreed that the deal and their details are shared with the other party (Partner Center's spelling)",
    ),
  consentToContact: z.boolean().describe('The customer agreed to be contacted by the other party'),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const SolutionRefSchema = z.strictObject({
  id: z.string().trim().min(1).max(100).describe('A co-sell offer id'),
});

const detailsShape = {
  notes: text(referralLimits.notes, 'Notes').optional(),
  dealValue: dealValue.nullable().optional(),
  currency: currencyCode.nullable().optional(),
  closingDateTime: dateTime.nullable().optional().describe('When the customer means to close'),
};

export const CreateReferralRequestSchema = z.strictObject({
  name: text(referralLimits.name, 'A name').min(1, 'Give the referral a name').describe('What the deal is'),
  organizationId: z
    .string()
    .max(100)
    .optional()
    .describe(
      'The partner organisation; a seller leaves it out (the offer decides), a publisher of several gives it',
    ),
  type: ReferralTypeSchema.optional().describe('Shared unless given; a seller’s referral is always Shared'),
  qualification: ReferralQualificationSchema.optional(),
  externalReferenceId: text(referralLimits.externalReferenceId, 'An external reference id')
    .optional()
    .describe('Your CRM id for the deal'),
  customerProfile: CustomerProfileInputSchema,
  consent: ConsentSchema,
  details: z
    .strictObject({
      ...detailsShape,
      requirements: z
        .strictObject({
          solutions: z
            .array(SolutionRefSchema)
            .max(referralLimits.solutions)
            .default([])
            .describe('The co-sell offers the deal concerns (a seller names at least one)'),
        })
        .optional(),
    })
    .default({}),
});
export type CreateReferralRequest = z.input<typeof CreateReferralRequestSchema>;
export type CreateReferral = z.output<typeof CreateReferralRequestSchema>;

export const UpdateReferralRequestSchema = z.strictObject({
  name: text(referralLimits.name, 'A name').min(1, 'Give the referral a name').optional(),
  qualification: ReferralQualificationSchema.optional(),
  externalReferenceId: text(referralLimits.externalReferenceId, 'An external reference id')
    .nullable()
    .optional()
    .describe('Your side’s CRM id for the deal'),
  customerProfile: CustomerProfileInputSchema.optional().describe(
    'Replaces the whole profile (the creating side only)',
  ),
  consent: ConsentSchema.optional().describe('The creating side only'),
  details: z.strictObject(detailsShape).optional(),
});
export type UpdateReferralRequest = z.input<typeof UpdateReferralRequestSchema>;
export type UpdateReferral = z.output<typeof UpdateReferralRequestSchema>;

export const DeclineReferralRequestSchema = z.strictObject({
  statusReason: text(referralLimits.reason, 'A reason').min(1, 'Say why you decline').describe('Why'),
});
export type DeclineReferralRequest = z.infer<typeof DeclineReferralRequestSchema>;

export const CloseReferralRequestSchema = z.strictObject({
  substatus: z.enum(closingSubstatuses).describe('Won or Lost'),
  statusReason: text(referralLimits.reason, 'A reason')
    .optional()
    .describe('Why it was won or lost; required for Lost'),
  dealValue: dealValue
    .optional()
    .describe('The final value; required for Won unless the deal already has one'),
  currency: currencyCode.optional(),
});
export type CloseReferralRequest = z.input<typeof CloseReferralRequestSchema>;

export const ReferralNoteRequestSchema = z.strictObject({
  text: text(referralLimits.notes, 'A note').min(1, 'Write the note').describe('The note for the timeline'),
});
export type ReferralNoteRequest = z.infer<typeof ReferralNoteRequestSchema>;

export const ReferralMemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  side: ReferralSideSchema,
});
export type ReferralMember = z.infer<typeof ReferralMemberSchema>;

/** What the reader may do now, so clients need not repeat the rules. */
export const ReferralActionSchema = z.enum(['update', 'note', 'accept', 'decline', 'close']);
export type ReferralAction = z.infer<typeof ReferralActionSchema>;

export const ReferralSchema = z.object({
  id: z.string(),
  engagementId: z
    .string()
    .describe('Partner Center groups the referrals of one deal by it; here the same as id'),
  name: z.string(),
  organizationId: z.string().describe('The partner organisation (the publisher)'),
  organizationName: z.string(),
  direction: ReferralDirectionSchema,
  viewerSide: z.enum(['partner', 'vendor', 'admin']).describe('As whom you read the referral'),
  externalReferenceId: z.string().nullable().describe('Your side’s CRM id'),
  createdDateTime: z.string(),
  updatedDateTime: z.string(),
  expirationDateTime: z.string().describe('When a New referral left unanswered becomes Closed (Expired)'),
  status: ReferralStatusSchema,
  substatus: ReferralSubstatusSchema,
  statusReason: z.string().nullable(),
  type: ReferralTypeSchema,
  qualification: ReferralQualificationSchema,
  customerProfile: z.object({
    name: z.string(),
    address: AddressSchema,
    size: CustomerSizeSchema.nullable(),
    team: z
      .array(CustomerContactSchema)
      .optional()
      .describe('Left out when the reader may not see them (customerContactsHidden says why)'),
  }),
  customerContactsHidden: z
    .enum(['notAccepted', 'noConsent'])
    .nullable()
    .describe(
      'Why customerProfile.team is left out: not accepted yet, or the customer did not agree to be contacted',
    ),
  consent: ConsentSchema,
  details: z.object({
    notes: z.string(),
    dealValue: z.number().nullable(),
    currency: z.string().nullable(),
    closingDateTime: z.string().nullable(),
    requirements: z.object({
      solutions: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          type: z.literal('Name').describe("Partner Center's SolutionType"),
        }),
      ),
    }),
  }),
  team: z.array(ReferralMemberSchema).describe('The people working the deal on each side'),
  eTag: z.string(),
  allowedActions: z.array(ReferralActionSchema),
});
export type Referral = z.infer<typeof ReferralSchema>;

/** The filters of the pipeline list, its summary and its CSV export. */
export const ReferralFilterSchema = z.strictObject({
  status: z.enum(referralStatuses).optional(),
  substatus: z.enum(referralSubstatuses).optional().describe('As you see it (Pending or Received for New)'),
  direction: ReferralDirectionSchema.optional(),
  offer: z.string().max(100).optional().describe('A co-sell offer id the referral concerns'),
  country: countryCode.optional().describe("The customer's country/region"),
  currency: currencyCode.optional(),
  minValue: z.coerce.number().nonnegative().optional().describe('Smallest deal value'),
  maxValue: z.coerce.number().nonnegative().optional().describe('Largest deal value'),
  createdFrom: dateTime.optional().describe('Created at or after'),
  createdTo: dateTime.optional().describe('Created before'),
  closingFrom: dateTime.optional().describe('Expected close at or after'),
  closingTo: dateTime.optional().describe('Expected close before'),
  q: z.string().trim().max(200).optional().describe('Words in the name, the customer name or the notes'),
});
export type ReferralFilter = z.infer<typeof ReferralFilterSchema>;

export const ReferralListQuerySchema = ReferralFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(40).optional().describe('nextCursor of the previous page'),
});
export type ReferralListQuery = z.infer<typeof ReferralListQuerySchema>;

export const ReferralPageSchema = z.object({
  items: z.array(ReferralSchema),
  nextCursor: z.string().nullable(),
});
export type ReferralPage = z.infer<typeof ReferralPageSchema>;

export const ReferralSummarySchema = z.object({
  groups: z.array(
    z.object({
      status: ReferralStatusSchema,
      substatus: ReferralSubstatusSchema,
      count: z.number().int(),
      totals: z
        .array(z.object({ currency: z.string(), dealValue: z.number() }))
        .describe('Value sums per currency'),
    }),
  ),
});
export type ReferralSummary = z.infer<typeof ReferralSummarySchema>;

export const ReferralTimelineEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), name: z.string() }),
  side: z.enum(['partner', 'vendor', 'admin', 'system']),
  kind: z.enum(['created', 'updated', 'note', ...referralTransitions]),
  message: MessageSchema.describe('The entry in words: a key of the message catalogue and what it names'),
  summary: z.string().describe('The entry in English'),
  note: z.string().nullable().describe('The text of a note, or the reason given'),
});
export type ReferralTimelineEntry = z.infer<typeof ReferralTimelineEntrySchema>;

export const ReferralTimelineSchema = z.object({ items: z.array(ReferralTimelineEntrySchema) });
