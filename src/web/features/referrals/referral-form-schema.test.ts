import { describe, expect, it } from 'vitest';
import { CreateReferralRequestSchema } from '../../../domain/schemas/referrals.js';
import { translateIssueKey } from '../../i18n/use-issue-message.js';
import { emptyReferForm, referFormSchema, toReferRequest } from './referral-form-schema.js';

describe('the refer form', () => {
  const filled = {
    ...emptyReferForm,
    name: 'Store analytics',
    customerName: 'Nordic Retail AB',
    country: 'SE',
    firstName: 'Karin',
    email: 'karin@nordicretail.example',
    dealValue: '250000',
    currency: 'sek',
    consentShare: true,
  };

  it('says what is missing, in words the dictionaries translate', () => {
    const issues =
      referFormSchema.safeParse({ ...emptyReferForm, firstName: 'Karin', dealValue: '12,5' }).error?.issues ??
      [];
    expect(issues.map((i) => [i.path.join('.'), translateIssueKey(i.message)])).toEqual([
      ['name', 'referralNameRequired'],
      ['customerName', 'customerNameRequired'],
      ['country', 'countryRequired'],
      ['dealValue', 'valueInvalid'],
      ['consentShare', 'consentShareRequired'],
      ['email', 'emailInvalid'],
      ['currency', 'currencyInvalid'],
    ]);
  });

  it('makes the request the API takes, for the offer the seller is on', () => {
    const values = referFormSchema.parse(filled);
    const request = toReferRequest(values, 'off_1');
    expect(CreateReferralRequestSchema.safeParse(request).success).toBe(true);
    expect(request).toMatchObject({
      customerProfile: {
        address: { country: 'SE' },
        team: [{ firstName: 'Karin', email: 'karin@nordicretail.example' }],
      },
      details: { dealValue: 250000, currency: 'SEK', requirements: { solutions: [{ id: 'off_1' }] } },
    });
  });
});
