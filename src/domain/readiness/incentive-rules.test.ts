import { describe, expect, it } from 'vitest';
import { contextFor, makeInput } from '../../../test/support/readiness-fixtures.js';
import {
  consumedRevenueRule,
  enrolmentRule,
  offerTypeInRule,
  solutionTypeRule,
  technicalValidationRule,
} from './incentive-rules.js';
import type { ReadinessRule } from './programme-types.js';
import type { ReadinessInput } from './readiness-types.js';

const check = (rule: ReadinessRule, input: ReadinessInput) => rule.check(input, contextFor(input));
type Revenue = NonNullable<ReadinessInput['organization']['azureConsumedRevenue']>;
const withRevenue = (revenue: Partial<Revenue> | null) => {
  const base = makeInput();
  const current = base.organization.azureConsumedRevenue as Revenue;
  return makeInput({
    organization: { ...base.organization, azureConsumedRevenue: revenue && { ...current, ...revenue } },
  });
};

describe('offerTypeInRule', () => {
  const rule = offerTypeInRule({
    id: 'offerTypeAzureIp',
    label: 'x',
    offerTypes: ['AzureApplication', 'SaaS'],
    tier: 'Azure IP co-sell',
  });
  it('is met for a listed offer type', () => {
    expect(check(rule, makeInput()).met).toBe(true);
  });
  it('is unmet for another type, naming the eligible ones', () => {
    const base = makeInput();
    const outcome = check(
      rule,
      makeInput({ offer: { ...base.offer, offerType: 'Dynamics365BusinessCentral' } }),
    );
    expect(outcome).toMatchObject({
      met: false,
      reason:
        'Offer type is Dynamics 365 Business Central; Azure IP co-sell needs Azure Application or Software as a Service (SaaS).',
    });
  });
});

describe('solutionTypeRule', () => {
  const rule = solutionTypeRule({
    id: 'solutionTypeIp',
    label: 'x',
    solutionType: 'IP',
    tier: 'Azure IP co-sell',
  });
  const listing = makeInput().listing;
  if (!listing) throw new Error('fixture has a listing');
  it('is met for IP', () => {
    expect(check(rule, makeInput()).reason).toBe('Solution type is IP (application).');
  });
  it('is unmet for Service, naming both', () => {
    expect(check(rule, makeInput({ listing: { ...listing, solutionType: 'Service' } }))).toMatchObject({
      met: false,
      reason: 'Solution type is Service; Azure IP co-sell needs IP (application).',
      action: 'Set the solution type to IP (application) if the offer is one',
    });
  });
  it('is unmet with no solution type or no listing', () => {
    expect(check(rule, makeInput({ listing: { ...listing, solutionType: null } })).reason).toBe(
      'No solution type is chosen; Azure IP co-sell needs IP (application).',
    );
    expect(check(rule, makeInput({ listing: null })).met).toBe(false);
  });
});

describe('consumedRevenueRule', () => {
  const rule = consumedRevenueRule({ id: 'azureConsumedRevenue', label: 'x', minUsd: 100_000, months: 12 });
  it('is met at exactly USD 100,000, confirmed, for a period ending in the last 12 months', () => {
    const outcome = check(rule, withRevenue({ amountUsd: 100_000 }));
    expect(outcome.met).toBe(true);
    expect(outcome.reason).toBe(
      'Attested USD 100,000 of Azure consumed revenue for the twelve months ending 2024-05-31 (attested 2024-06-02), confirmed by a reviewer.',
    );
  });
  it('is unmet at USD 99,999', () => {
    const outcome = check(rule, withRevenue({ amountUsd: 99_999 }));
    expect(outcome.met).toBe(false);
    expect(outcome.reason).toContain('USD 99,999 is below USD 100,000');
    expect(outcome.byReviewer).toBeUndefined();
  });
  it('is unmet when the period ended 13 months ago', () => {
    const outcome = check(rule, withRevenue({ periodEnd: '2023-05-15' }));
    expect(outcome.met).toBe(false);
    expect(outcome.reason).toContain('the period ended more than 12 months before today (2024-06-15)');
    expect(outcome.action).toBe(
      'Attest Azure consumed revenue of at least USD 100,000 for the twelve months ending on or after 2023-06-15',
    );
  });
  it('accepts a period ending exactly 12 months before today', () => {
    expect(check(rule, withRevenue({ periodEnd: '2023-06-15' })).met).toBe(true);
    expect(check(rule, withRevenue({ periodEnd: '2023-06-14' })).met).toBe(false);
  });
  it('is unmet for a period ending after today or not a date', () => {
    expect(check(rule, withRevenue({ periodEnd: '2024-06-16' })).reason).toContain(
      'the period ends after today',
    );
    expect(check(rule, withRevenue({ periodEnd: '2024-02-30' })).reason).toContain(
      'the period end "2024-02-30" is not a date',
    );
  });
  it('waits for the reviewer when only the confirmation is missing', () => {
    const outcome = check(rule, withRevenue({ confirmedByReviewer: false }));
    expect(outcome).toMatchObject({ met: false, byReviewer: true });
    expect(outcome.reason).toContain('a reviewer has not confirmed it yet');
  });
  it('says both parts when the data fails and it is unconfirmed', () => {
    const outcome = check(rule, withRevenue({ amountUsd: 5, confirmedByReviewer: false }));
    expect(outcome.reason).toContain('USD 5 is below USD 100,000');
    expect(outcome.reason).toContain('not confirmed by a reviewer either');
    expect(outcome.byReviewer).toBeUndefined();
  });
  it('is unmet with no attestation', () => {
    expect(check(rule, withRevenue(null)).reason).toBe('No Azure consumed revenue is attested.');
  });
});

describe('technicalValidationRule', () => {
  const rule = technicalValidationRule();
  it('is a reviewer item, met when the validation passed', () => {
    expect(rule).toMatchObject({ id: 'technicalValidation', byReviewer: true, section: 'review' });
    expect(check(rule, makeInput()).met).toBe(true);
    const base = makeInput();
    expect(check(rule, makeInput({ review: { ...base.review, technicalValidationPassed: false } })).met).toBe(
      false,
    );
  });
});

describe('enrolmentRule', () => {
  const rule = enrolmentRule({
    id: 'isvConnect',
    label: 'x',
    enrolment: 'IsvConnect',
    enrolmentLabel: 'ISV Connect',
  });
  const withEnrolments = (enrolments: string[]) => {
    const base = makeInput();
    return makeInput({ organization: { ...base.organization, enrolments } });
  };
  it('is met with the enrolment', () => {
    expect(check(rule, withEnrolments(['IsvConnect'])).met).toBe(true);
  });
  it('is unmet without it, listing the enrolments looked at', () => {
    expect(check(rule, withEnrolments([])).reason).toBe(
      "The organisation's enrolments (none) do not include ISV Connect.",
    );
    expect(check(rule, withEnrolments(['Other'])).reason).toContain('(Other)');
  });
});
