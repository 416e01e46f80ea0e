import { describe, expect, it } from 'vitest';
import { LoginRequestSchema } from '../../src/domain/schemas/auth.js';
import { CreateOfferRequestSchema, offerLimits } from '../../src/domain/schemas/offers.js';
import { CreateTokenRequestSchema } from '../../src/domain/schemas/tokens.js';
import { translateIssueKey } from '../../src/web/i18n/use-issue-message.js';

// The forms show schema messages in the chosen language by matching them against en.validation. If a
// schema's wording changes, this fails instead of Swedish readers quietly getting English.
describe('schema messages the forms translate', () => {
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
