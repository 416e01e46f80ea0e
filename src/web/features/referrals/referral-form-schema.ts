import { z } from 'zod';
import type { CreateReferralRequest } from '../../../domain/schemas/referrals.js';
import { en } from '../../i18n/en.js';

const v = en.validation;
const optionalText = (max: number) => z.string().trim().max(max, v.tooLong);

/**
 * The "Refer to this partner" form: flat text fields for what the request nests, with messages in English
 * from en.validation so useIssueMessage shows them in the person's language. One customer contact, optional:
 * given at all, it needs a first name and an email.
 */
export const referFormSchema = z
  .object({
    name: z.string().trim().min(1, v.referralNameRequired).max(200, v.tooLong),
    customerName: z.string().trim().min(1, v.customerNameRequired).max(200, v.tooLong),
    country: z.string().regex(/^[A-Z]{2}$/, v.countryRequired),
    size: z.string(),
    firstName: optionalText(100),
    lastName: optionalText(100),
    email: optionalText(254),
    phoneNumber: optionalText(40),
    notes: optionalText(4000),
    dealValue: z
      .string()
      .trim()
      .regex(/^(\d+(\.\d{1,2})?)?$/, v.valueInvalid),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^([A-Z]{3})?$/, v.currencyInvalid),
    consentShare: z.boolean().refine((given) => given, v.consentShareRequired),
    consentContact: z.boolean(),
  })
  .superRefine((values, context) => {
    const hasContact = values.firstName || values.lastName || values.email || values.phoneNumber;
    if (hasContact && !values.firstName)
      context.addIssue({ code: 'custom', path: ['firstName'], message: v.contactFirstNameRequired });
    if (hasContact && !z.email().safeParse(values.email).success)
      context.addIssue({ code: 'custom', path: ['email'], message: v.emailInvalid });
    if (values.dealValue && !values.currency)
      context.addIssue({ code: 'custom', path: ['currency'], message: v.currencyInvalid });
  });
export type ReferFormValues = z.infer<typeof referFormSchema>;

export const emptyReferForm: ReferFormValues = {
  name: '',
  customerName: '',
  country: '',
  size: '',
  firstName: '',
  lastName: '',
  email: '',
  phoneNumber: '',
  notes: '',
  dealValue: '',
  currency: '',
  consentShare: false,
  consentContact: false,
};

/** The request a seller sends from an offer's page: the customer, one contact, the deal, the offer. */
export function toReferRequest(values: ReferFormValues, offerId: string): CreateReferralRequest {
  const contact = values.firstName
    ? [
        {
          firstName: values.firstName,
          lastName: values.lastName,
          email: values.email,
          ...(values.phoneNumber && { phoneNumber: values.phoneNumber }),
        },
      ]
    : [];
  return {
    name: values.name,
    customerProfile: {
      name: values.customerName,
      address: { country: values.country },
      ...(values.size && {
        size: values.size as NonNullable<CreateReferralRequest['customerProfile']['size']>,
      }),
      team: contact,
    },
    consent: { consentToToShareInfoWithOthers: values.consentShare, consentToContact: values.consentContact },
    details: {
      notes: values.notes,
      ...(values.dealValue && { dealValue: Number(values.dealValue), currency: values.currency }),
      requirements: { solutions: [{ id: offerId }] },
    },
  };
}

/** Request paths the form shows under its own field names. */
export const referFormAliases = {
  'customerProfile.name': 'customerName',
  'customerProfile.address.country': 'country',
  'customerProfile.team.0.firstName': 'firstName',
  'customerProfile.team.0.email': 'email',
  'details.notes': 'notes',
  'details.dealValue': 'dealValue',
  'details.currency': 'currency',
  'consent.consentToToShareInfoWithOthers': 'consentShare',
} as const;
