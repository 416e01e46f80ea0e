import { z } from 'zod';
import type { OrganizationProfileValues } from '../../../domain/readiness/readiness-types.js';
import {
  type OrganizationProfileInput,
  type PROGRAMME_ENROLMENTS,
  profileLimits,
} from '../../../domain/schemas/organization-profile.js';
import type { FieldAliases } from '../../components/form-issues.js';
import { en } from '../../i18n/en.js';

/** The enrolment a publisher declares with the ISV Connect checkbox. */
export const isvConnectEnrolment: (typeof PROGRAMME_ENROLMENTS)[number] = 'IsvConnect';

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

const messages = en.validation;

// Messages in English from en.validation, so useIssueMessage translates them.
export const profileFormSchema = z
  .object({
    legalName: z.string().trim().max(profileLimits.legalName, messages.tooLong),
    partnerId: z
      .string()
      .trim()
      .refine(
        (value) => value === '' || new RegExp(`^\\d{1,${profileLimits.partnerId}}$`).test(value),
        messages.partnerIdDigits,
      ),
    website: z
      .string()
      .trim()
      .max(profileLimits.website, messages.tooLong)
      .refine((value) => value === '' || isHttpsUrl(value), messages.websiteHttps),
    headquartersCountry: z.string(),
    description: z.string().max(profileLimits.description, messages.tooLong),
    isvConnect: z.boolean(),
    revenueAmount: z
      .string()
      .trim()
      .refine(
        (value) => value === '' || (/^\d+(\.\d{1,2})?$/.test(value) && Number(value) >= 0),
        messages.amountInvalid,
      ),
    revenuePeriodEnd: z
      .string()
      .refine((value) => value === '' || z.iso.date().safeParse(value).success, messages.dateInvalid),
  })
  .refine((values) => (values.revenueAmount === '') === (values.revenuePeriodEnd === ''), {
    message: messages.revenueBoth,
    path: ['revenuePeriodEnd'],
  });

export type ProfileFormValues = z.infer<typeof profileFormSchema>;

/**
 * The profile's own fields (in the API's issues and readiness items) that the form spreads over controls
 * of other names.
 */
export const profileFieldAliases: FieldAliases = {
  enrolments: 'isvConnect',
  azureConsumedRevenue: 'revenueAmount',
  'azureConsumedRevenue.periodEnd': 'revenuePeriodEnd',
};

/** The form's view of a profile: empty strings for what is not set. */
export function profileToForm(profile: OrganizationProfileValues): ProfileFormValues {
  return {
    legalName: profile.legalName ?? '',
    partnerId: profile.partnerId ?? '',
    website: profile.website ?? '',
    headquartersCountry: profile.headquartersCountry ?? '',
    description: profile.description ?? '',
    isvConnect: profile.enrolments.includes(isvConnectEnrolment),
    revenueAmount: profile.azureConsumedRevenue ? String(profile.azureConsumedRevenue.amountUsd) : '',
    revenuePeriodEnd: profile.azureConsumedRevenue?.periodEnd.slice(0, 10) ?? '',
  };
}

/** What PUT sends: nulls for empty fields; the attestation keeps only what the owner states. */
export function formToProfileRequest(
  values: ProfileFormValues,
  current: OrganizationProfileValues,
): OrganizationProfileInput {
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
  const others = current.enrolments.filter((enrolment) => enrolment !== isvConnectEnrolment);
  return {
    legalName: orNull(values.legalName),
    partnerId: orNull(values.partnerId),
    website: orNull(values.website),
    headquartersCountry: orNull(values.headquartersCountry),
    description: orNull(values.description),
    enrolments: values.isvConnect ? [...others, isvConnectEnrolment] : others,
    azureConsumedRevenue:
      values.revenueAmount === ''
        ? null
        : { amountUsd: Number(values.revenueAmount), periodEnd: values.revenuePeriodEnd },
  };
}
