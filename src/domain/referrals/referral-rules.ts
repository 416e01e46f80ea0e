import { issue } from '../messages/problem.js';
import { isCountryCode } from '../reference/taxonomy.js';
import type { ErrorIssue } from '../schemas/errors.js';
import type { ReferralDirection, ReferralType } from './referral-enums.js';

let currencies: Set<string> | undefined;

/** Whether a code is an ISO 4217 currency this runtime knows (Intl's list). */
export function isCurrencyCode(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}

export interface ReferralFacts {
  direction: ReferralDirection;
  type: ReferralType;
  consentToShare: boolean;
  country: string;
  dealValue: number | null;
  currency: string | null;
}

/**
 * The rules a referral's content must meet, each problem with where it is (422 rule_violation):
 * - a seller's referral is worked with the partner, so it is Shared;
 * - a Shared referral reaches the other party, which needs the customer's consent to share their information;
 * - the customer's country is one of the reference list's;
 * - a deal value comes with its currency (ISO 4217), and a currency with a value.
 */
export function findReferralProblems(facts: ReferralFacts): ErrorIssue[] {
  const problems: ErrorIssue[] = [];
  if (facts.direction === 'incoming' && facts.type !== 'Shared')
    problems.push(issue('type', 'referrals.sellerShares'));
  if (facts.type === 'Shared' && !facts.consentToShare)
    problems.push(issue('consent.consentToToShareInfoWithOthers', 'referrals.consentNeeded'));
  if (!isCountryCode(facts.country))
    problems.push(
      issue('customerProfile.address.country', 'referrals.countryUnknown', { value: facts.country }),
    );
  if (facts.currency !== null && !isCurrencyCode(facts.currency))
    problems.push(issue('details.currency', 'referrals.currencyUnknown', { value: facts.currency }));
  if (facts.dealValue !== null && facts.currency === null)
    problems.push(issue('details.currency', 'referrals.currencyNeeded'));
  if (facts.currency !== null && facts.dealValue === null)
    problems.push(issue('details.dealValue', 'referrals.valueNeeded'));
  return problems;
}
