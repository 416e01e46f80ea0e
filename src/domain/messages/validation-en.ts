import { offerLimits } from '../schemas/offer-limits.js';

/**
 * The messages the shared Zod schemas give for their own checks, in English, under problems.validation in
 * the message catalogue. A file of its own, without the rest of the catalogue, because the schemas load on
 * every page (the sign-in form's among them). The schemas quote these strings, so an issue's message is
 * always one of them and its key can be found from it (zod-issues.ts); no placeholders for that reason.
 */
export const validationEn = {
  emailRequired: 'Enter your email address',
  passwordRequired: 'Enter your password',
  emailAddress: 'Enter an email address such as name@example.com',
  emailInvalid: 'Give a valid email address',
  offerNameRequired: 'Give the offer a name',
  offerNameTooLong: `A name can have at most ${offerLimits.name} characters`,
  summaryTooLong: `A short description can have at most ${offerLimits.summary} characters`,
  descriptionTooLong: `A description can have at most ${offerLimits.description} characters`,
  tokenNameRequired: 'Name the token',
  tokenExpiryFormat: 'Use an ISO 8601 date and time, such as 2027-01-31T00:00:00Z',
  dateTimeFormat: 'Use an ISO 8601 date and time, such as 2026-12-31T00:00:00Z',
  countryCode: 'Use a two-letter country/region code, such as SE',
  currencyCode: 'Use a three-letter currency code, such as SEK',
  dealValueNegative: 'A deal value cannot be negative',
  dealValueTooLarge: 'A deal value must be below one trillion',
  contactFirstNameRequired: 'Give the contact a first name',
  customerNameRequired: 'Name the customer organisation',
  referralNameRequired: 'Give the referral a name',
};

export type ValidationKey = keyof typeof validationEn;
