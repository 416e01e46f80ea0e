import { describe, expect, it } from 'vitest';
import { LoginRequestSchema } from '../../src/domain/schemas/auth.js';
import { CreateOfferRequestSchema, offerLimits } from '../../src/domain/schemas/offers.js';
import { CreateTokenRequestSchema } from '../../src/domain/schemas/tokens.js';
import { createOfferFormSchema } from '../../src/web/features/offers/offer-form-schemas.js';
import { profileFormSchema } from '../../src/web/features/organization/organization-schemas.js';
import { en } from '../../src/web/i18n/en.js';
import { translateIssueKey } from '../../src/web/i18n/use-issue-message.js';

// The forms show schema messages in the chosen language by matching them against en.validation. If a
// schema's wording changes, this fails instead of Swedish readers quietly getting English.
describe('schema messages the forms translate', () => {
  it('are told apart by their English: no two keys share a message', () => {
    const messages = Object.values(en.validation);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it("knows the create offer form's own messages", () => {
    const keysOf = (input: unknown) =>
      (createOfferFormSchema(true).safeParse(input).error?.issues ?? []).map((issue) =>
        translateIssueKey(issue.message),
      );
    expect(keysOf({ name: 'Contoso', offerType: '', organizationId: 'org_1' })).toEqual([
      'offerTypeRequired',
    ]);
    expect(keysOf({ name: 'Contoso', offerType: 'SaaS', organizationId: '' })).toEqual([
      'organizationRequired',
    ]);
  });

  it('knows the organisation profile messages', () => {
    const blank = {
      legalName: '',
      partnerId: '',
      website: '',
      headquartersCountry: '',
      description: '',
      isvConnect: false,
      revenueAmount: '',
      revenuePeriodEnd: '',
    };
    const keysOf = (input: typeof blank) =>
      (profileFormSchema.safeParse(input).error?.issues ?? []).map((issue) =>
        translateIssueKey(issue.message),
      );
    expect(
      keysOf({
        ...blank,
        legalName: 'x'.repeat(1000),
        partnerId: 'P-1',
        website: 'http://contoso.example',
        revenueAmount: 'lots',
        revenuePeriodEnd: '2026-02-30',
      }),
    ).toEqual(['tooLong', 'partnerIdDigits', 'websiteHttps', 'amountInvalid', 'dateInvalid']);
    expect(keysOf({ ...blank, revenueAmount: '125000' })).toEqual(['revenueBoth']);
  });

  it('knows the login messages', () => {
    const issues = LoginRequestSchema.safeParse({ email: '', password: '' }).error?.issues ?? [];
    expect(issues.map((issue) => translateIssueKey(issue.message))).toEqual([
      'emailRequired',
      'passwordRequired',
    ]);
  });

  it('knows the token name message', () => {
    const issues = CreateTokenRequestSchema.safeParse({ name: ' ' }).error?.issues ?? [];
    expect(issues.map((issue) => translateIssueKey(issue.message))).toEqual(['tokenNameRequired']);
  });

  it('knows the offer messages', () => {
    const keysOf = (input: unknown) =>
      (CreateOfferRequestSchema.safeParse(input).error?.issues ?? []).map((issue) =>
        translateIssueKey(issue.message),
      );
    expect(keysOf({ name: ' ', offerType: 'SaaS' })).toEqual(['offerNameRequired']);
    expect(
      keysOf({
        name: 'x'.repeat(offerLimits.name + 1),
        offerType: 'SaaS',
        summary: 'x'.repeat(offerLimits.summary + 1),
        description: 'x'.repeat(offerLimits.description + 1),
      }),
    ).toEqual(['offerNameTooLong', 'summaryTooLong', 'descriptionTooLong']);
  });
});
