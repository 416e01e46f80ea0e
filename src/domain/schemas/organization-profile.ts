import { z } from 'zod';

/** Programme enrolments an organisation may declare. */
export const PROGRAMME_ENROLMENTS = ['IsvConnect'] as const;

/** Limits of the profile's text fields, shared by the API and the web form. */
export const profileLimits = { legalName: 200, partnerId: 20, website: 500, description: 3000 } as const;

const optionalText = (max: number, describe: string) =>
  z.string().trim().max(max).nullable().optional().describe(describe);

/**
 * The organisation profile as saved: every field optional (a partial profile is fine). Values that break a
 * rule (a Partner ID that is not digits, a website that is not https, an unknown country) are refused 422.
 */
export const OrganizationProfileInputSchema = z.strictObject({
  legalName: optionalText(profileLimits.legalName, 'The registered legal name'),
  partnerId: optionalText(profileLimits.partnerId, 'The Partner ID (digits only)'),
  website: optionalText(profileLimits.website, 'The public website, an absolute https URL'),
  headquartersCountry: optionalText(2, 'Two-letter code of the headquarters country'),
  description: optionalText(profileLimits.description, 'What the business does'),
  enrolments: z
    .array(z.string())
    .max(10)
    .optional()
    .describe(`Programme enrolments: ${PROGRAMME_ENROLMENTS.join(', ')}`),
  azureConsumedRevenue: z
    .strictObject({
      amountUsd: z.number().nonnegative().describe('Azure consumed revenue, US dollars'),
      periodEnd: z.iso.date().describe('The last day of the attested twelve months, YYYY-MM-DD'),
    })
    .nullable()
    .optional()
    .describe('The attestation of Azure consumed revenue; a reviewer confirms it'),
});
export type OrganizationProfileInput = z.infer<typeof OrganizationProfileInputSchema>;

export const OrganizationProfileSchema = z.object({
  organizationId: z.string(),
  legalName: z.string().nullable(),
  partnerId: z.string().nullable(),
  website: z.string().nullable(),
  headquartersCountry: z.string().nullable(),
  description: z.string().nullable(),
  enrolments: z.array(z.string()),
  azureConsumedRevenue: z
    .object({
      amountUsd: z.number(),
      periodEnd: z.string(),
      attestedAt: z.string(),
      confirmedByReviewer: z.boolean(),
      confirmedAt: z.string().nullable(),
    })
    .nullable(),
  version: z.number().int().describe('0 before the first save; the ETag'),
  updatedAt: z.string().nullable(),
});
export type OrganizationProfile = z.infer<typeof OrganizationProfileSchema>;
