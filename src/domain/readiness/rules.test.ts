import { describe, expect, it } from 'vitest';
import { approve, contextFor, makeInput } from '../../../test/support/readiness-fixtures.js';
import type { ReadinessInput } from './readiness-types.js';
import {
  businessProfileRule,
  contactsEveryMarketRule,
  documentSlotRule,
  listingCompleteRule,
  offerLiveRule,
  offerTypeCoSellRule,
  partnerIdRule,
  reviewerApprovalRule,
  roleEveryMarketRule,
} from './rules.js';

const check = (rule: ReturnType<typeof partnerIdRule>, input: ReadinessInput) =>
  rule.check(input, contextFor(input));
const withOrg = (org: Partial<ReadinessInput['organization']>) => {
  const base = makeInput();
  return makeInput({ organization: { ...base.organization, ...org } });
};
const withOffer = (offer: Partial<ReadinessInput['offer']>) => {
  const base = makeInput();
  return makeInput({ offer: { ...base.offer, ...offer } });
};

describe('partnerIdRule', () => {
  const rule = partnerIdRule();
  it('is met by 5 to 10 digits and names the id', () => {
    expect(check(rule, makeInput())).toMatchObject({ met: true, reason: 'Partner ID 1234567.' });
  });
  it('is unmet without a Partner ID', () => {
    expect(check(rule, withOrg({ partnerId: null }))).toMatchObject({
      met: false,
      reason: 'The organisation has no Partner ID.',
    });
    expect(check(rule, withOrg({ partnerId: '  ' })).met).toBe(false);
  });
  it('is unmet for letters or a wrong length, quoting the value', () => {
    const outcome = check(rule, withOrg({ partnerId: '12ab5' }));
    expect(outcome).toMatchObject({ met: false, reason: 'Partner ID "12ab5" is not 5 to 10 digits.' });
    expect(check(rule, withOrg({ partnerId: '1234' })).met).toBe(false);
    expect(check(rule, withOrg({ partnerId: '12345678901' })).met).toBe(false);
  });
});

describe('businessProfileRule', () => {
  const rule = businessProfileRule();
  it('is met when legal name, https website, country code and description are present', () => {
    expect(check(rule, makeInput()).met).toBe(true);
  });
  it('lists every gap and points the Fix at the first', () => {
    const outcome = check(rule, withOrg({ legalName: ' ', website: null, description: '' }));
    expect(outcome.met).toBe(false);
    expect(outcome.reason).toBe(
      'Business profile incomplete: legal name is empty, website is empty and description is empty.',
    );
    expect(outcome.field).toBe('legalName');
    expect(outcome.missing).toEqual(['legalName', 'website', 'description']);
  });
  it('rejects a website that is not https and a headquarters that is not a country code', () => {
    const outcome = check(rule, withOrg({ website: 'http://contoso.example', headquartersCountry: 'XX' }));
    expect(outcome.reason).toContain('website "http://contoso.example" is not an https:// address');
    expect(outcome.reason).toContain('headquarters country "XX" is not a country code');
    expect(outcome.field).toBe('website');
    expect(check(rule, withOrg({ website: 'not a url' })).met).toBe(false);
    expect(check(rule, withOrg({ headquartersCountry: null })).missing).toEqual(['headquartersCountry']);
  });
});

describe('offerTypeCoSellRule', () => {
  const rule = offerTypeCoSellRule();
  it('is met for an offer type with a co-sell profile', () => {
    expect(check(rule, makeInput()).reason).toBe(
      'Offer type Software as a Service (SaaS) has a co-sell profile.',
    );
  });
  it('is unmet for an offer type without one, naming the eligible types', () => {
    const outcome = check(rule, withOffer({ offerType: 'AzureVirtualMachine' }));
    expect(outcome.met).toBe(false);
    expect(outcome.reason).toMatch(
      /^Offer type is Azure Virtual Machine, which has no co-sell profile; co-sell needs Azure Application, /,
    );
  });
  it('is unmet for an offer type the taxonomy does not know', () => {
    expect(check(rule, withOffer({ offerType: 'Fax' })).reason).toBe(
      'Offer type "Fax" is not in taxonomy 2020-12.',
    );
  });
});

describe('offerLiveRule', () => {
  it('is met when live and unmet for a draft', () => {
    expect(check(offerLiveRule(), makeInput()).met).toBe(true);
    expect(check(offerLiveRule(), withOffer({ state: 'draft' }))).toMatchObject({
      met: false,
      reason: 'The offer is a draft; co-sell needs it live.',
      action: 'Publish the offer live',
    });
  });
});

describe('listingCompleteRule', () => {
  const rule = listingCompleteRule();
  const listing = makeInput().listing;
  if (!listing) throw new Error('fixture has a listing');
  it('is met for a complete listing', () => {
    expect(check(rule, makeInput()).met).toBe(true);
  });
  it('is unmet without a listing', () => {
    expect(check(rule, makeInput({ listing: null }))).toMatchObject({
      met: false,
      reason: 'The offer has no co-sell listing yet.',
    });
  });
  it('names what is missing and points at the first field', () => {
    const outcome = check(rule, makeInput({ listing: { ...listing, platforms: [], solutionType: null } }));
    expect(outcome.met).toBe(false);
    expect(outcome.reason).toBe(
      'Listing incomplete under taxonomy 2020-12: Choose at least 1 Microsoft platform; Choose the solution type.',
    );
    expect(outcome.field).toBe('platforms');
    expect(outcome.missing).toEqual(['platforms', 'solutionType']);
  });
  it('counts taxonomy problems such as unknown ids', () => {
    const outcome = check(rule, makeInput({ listing: { ...listing, marketSegments: ['Galactic'] } }));
    expect(outcome).toMatchObject({ met: false, field: 'marketSegments' });
    expect(outcome.reason).toContain('"Galactic" is not a market segment in this taxonomy');
  });
  it('reports a sub-area problem at its top-level field', () => {
    const outcome = check(
      rule,
      makeInput({ listing: { ...listing, solutionAreas: [{ area: 'Nope', subAreas: [] }] } }),
    );
    expect(outcome.field).toBe('solutionAreas');
  });
});

describe('documentSlotRule', () => {
  const rule = documentSlotRule('customerOnePager', { label: 'Customer one-pager' });
  it('uses the slot id as item id and Fix field', () => {
    expect(rule).toMatchObject({ id: 'customerOnePager', section: 'documents', field: 'customerOnePager' });
  });
  it('is met when the slot has a current document and unmet when empty', () => {
    expect(check(rule, makeInput()).met).toBe(true);
    expect(check(rule, makeInput({ documents: [{ slot: 'customerPresentation' }] }))).toMatchObject({
      met: false,
      reason: 'The Customer one-pager slot is empty.',
      action: 'Upload the Customer one-pager',
    });
  });
  it('is unmet when every file in the slot is a blank template, saying to fill it in', () => {
    const blank = 'f'.repeat(64);
    const onlyBlank = makeInput({
      documents: [{ slot: 'customerOnePager', sha256: blank }],
      blankTemplates: [blank],
    });
    expect(check(rule, onlyBlank)).toMatchObject({
      met: false,
      reason: 'The Customer one-pager is the blank template: fill it in.',
      action: 'Fill in the template and upload it as the Customer one-pager',
      reasonMessage: { key: 'documentSlot.blankTemplate', params: { slot: 'customerOnePager' } },
      actionMessage: { key: 'documentSlot.fillIn', params: { slot: 'customerOnePager' } },
    });
    const filledIn = { ...onlyBlank, documents: [{ slot: 'customerOnePager', sha256: 'a'.repeat(64) }] };
    expect(check(rule, filledIn).met).toBe(true);
    // Without the server's list of template hashes nothing counts as blank.
    expect(check(rule, { ...onlyBlank, blankTemplates: undefined }).met).toBe(true);
  });
});

describe('contactsEveryMarketRule', () => {
  const rule = contactsEveryMarketRule();
  it('is met when every market has a contact', () => {
    expect(check(rule, makeInput()).reason).toBe('Markets: SE, US, NL. Every market has a contact.');
  });
  it('names the markets without a contact', () => {
    const outcome = check(rule, makeInput({ contacts: [{ role: 'PartnerSales', countries: ['SE', 'US'] }] }));
    expect(outcome).toMatchObject({
      met: false,
      reason: 'Markets: SE, US, NL. No contact covers NL.',
      action: 'Add a contact for NL',
      missing: ['NL'],
    });
  });
  it('counts an OOO contact of any role for every market', () => {
    expect(check(rule, makeInput({ contacts: [{ role: 'PartnerMarketing', countries: ['OOO'] }] })).met).toBe(
      true,
    );
  });
  it('is unmet, pointing at the offer markets, when the offer has none', () => {
    expect(check(rule, withOffer({ markets: [] }))).toMatchObject({
      met: false,
      section: 'offer',
      field: 'markets',
    });
  });
});

describe('roleEveryMarketRule (Partner sales)', () => {
  const rule = roleEveryMarketRule({ id: 'partnerSalesEveryMarket', label: 'x', role: 'PartnerSales' });
  it('is met when Partner sales contacts cover every market', () => {
    expect(check(rule, makeInput()).met).toBe(true);
  });
  it('does not count other roles', () => {
    const outcome = check(
      rule,
      makeInput({
        contacts: [
          { role: 'PartnerSales', countries: ['SE'] },
          { role: 'PartnerMarketing', countries: ['OOO'] },
        ],
      }),
    );
    expect(outcome).toMatchObject({ met: false, missing: ['NL', 'US'] });
    expect(outcome.reason).toBe(
      'Markets: SE, US, NL. No Partner sales contact covers NL, US (directly or through an OOO contact).',
    );
    expect(outcome.action).toBe('Add a Partner sales contact for NL, US, or one with OOO for all countries');
  });
  it('counts a Partner sales contact with OOO', () => {
    expect(check(rule, makeInput({ contacts: [{ role: 'PartnerSales', countries: ['OOO'] }] })).met).toBe(
      true,
    );
  });
  it('is unmet when the offer has no markets', () => {
    expect(check(rule, withOffer({ markets: [] })).met).toBe(false);
  });
});

describe('reviewerApprovalRule', () => {
  const rule = reviewerApprovalRule();
  it('is a reviewer item', () => {
    expect(rule.byReviewer).toBe(true);
  });
  it('is met when approved and the data is unchanged', () => {
    expect(check(rule, approve(makeInput())).met).toBe(true);
  });
  it.each([
    ['none', 'The co-sell profile has not been submitted for review.', 'publisher'],
    ['pending', 'The submission is waiting for a reviewer.', 'reviewer'],
    ['rejected', 'A reviewer rejected the submission.', 'publisher'],
  ] as const)('is unmet while the review is %s, the next step being the %s', (status, reason, actionBy) => {
    const input = makeInput({
      review: { status, approvedFingerprint: null, technicalValidationPassed: false },
    });
    expect(check(rule, input)).toMatchObject({ met: false, reason, actionBy });
  });
  it('is unmet when reviewed content changed since approval, naming it; contacts of other roles do not count', () => {
    const approved = approve(makeInput());
    const changed = {
      ...approved,
      contacts: [...approved.contacts, { role: 'PartnerMarketing', countries: ['SE'] }],
      documents: [{ slot: 'customerOnePager', sha256: 'b'.repeat(64) }, { slot: 'customerPresentation' }],
    };
    expect(check(rule, changed)).toMatchObject({
      met: false,
      reason: 'A reviewer approved the submission, but the Customer one-pager changed since.',
      action: 'Submit for review again',
      actionBy: 'publisher',
      missing: ['customerOnePager'],
    });
  });
  it('is unmet when the approved fingerprint cannot be compared', () => {
    const input = makeInput({
      review: { status: 'approved', approvedFingerprint: 'legacy', technicalValidationPassed: true },
    });
    expect(check(rule, input)).toMatchObject({
      met: false,
      reason:
        'A reviewer approved the submission, but the approved content cannot be compared with the current content.',
      reasonMessage: { key: 'approved.incomparable' },
      actionBy: 'publisher',
    });
  });
});
