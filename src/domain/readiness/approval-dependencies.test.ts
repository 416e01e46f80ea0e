import { describe, expect, it } from 'vitest';
import { approve, makeInput } from '../../../test/support/readiness-fixtures.js';
import {
  approvalDependencies,
  computeApprovalFingerprint,
  findChangedDependencies,
  isCurrentApprovalFingerprint,
} from './approval-dependencies.js';
import { evaluateReadiness } from './evaluate-readiness.js';
import { programme2020_12 } from './programme-2020-12.js';
import type { CoSellStatus, ReadinessInput } from './readiness-types.js';
import { describeStatusEffect, newFileEffect } from './status-effect.js';

const sha = (c: string) => c.repeat(64);
const BLANK_DECK = sha('f');

/** An Azure IP co-sell incentivized offer, approved as it is, with hashed files. */
const approved: ReadinessInput = approve(
  makeInput({
    documents: [
      { slot: 'customerOnePager', sha256: sha('a') },
      { slot: 'customerPresentation', sha256: sha('b') },
      { slot: 'referenceArchitectureDiagram', sha256: sha('c') },
    ],
    blankTemplates: [BLANK_DECK],
  }),
);

type Change = (input: ReadinessInput) => ReadinessInput;
const offer =
  (o: Partial<ReadinessInput['offer']>): Change =>
  (i) => ({ ...i, offer: { ...i.offer, ...o } });
const org =
  (o: Partial<ReadinessInput['organization']>): Change =>
  (i) => ({
    ...i,
    organization: { ...i.organization, ...o },
  });
const listing =
  (l: Partial<NonNullable<ReadinessInput['listing']>>): Change =>
  (i) => ({
    ...i,
    listing: i.listing && { ...i.listing, ...l },
  });
const contacts =
  (list: ReadinessInput['contacts']): Change =>
  (i) => ({ ...i, contacts: list });
const file =
  (slot: string, sha256: string | null): Change =>
  (i) => ({
    ...i,
    documents: [...i.documents.filter((d) => d.slot !== slot), ...(sha256 ? [{ slot, sha256 }] : [])],
  });

/**
 * The rule as a table: a change to an approved offer, the status it leaves, and why (the item that breaks,
 * or the reviewed content that changed). "keeps" rows keep the approval and the status.
 */
const table: {
  change: string;
  apply: Change;
  status: CoSellStatus;
  cause?: string;
  changedContent?: string[];
}[] = [
  { change: 'nothing', apply: (i) => i, status: 'AzureIpCoSellIncentivized' },
  {
    change: 'removing the Partner marketing contact',
    apply: (i) => contacts(i.contacts.filter((c) => c.role !== 'PartnerMarketing'))(i),
    status: 'AzureIpCoSellIncentivized',
  },
  {
    change: 'adding a Partner marketing contact for SE',
    apply: (i) => contacts([...i.contacts, { role: 'PartnerMarketing', countries: ['SE'] }])(i),
    status: 'AzureIpCoSellIncentivized',
  },
  {
    change: 'splitting the SE and NL Partner sales contact into two (same coverage)',
    apply: contacts([
      { role: 'PartnerSales', countries: ['SE'] },
      { role: 'PartnerSales', countries: ['NL'] },
      { role: 'PartnerSales', countries: ['US'] },
    ]),
    status: 'AzureIpCoSellIncentivized',
  },
  {
    change: 'covering every market through one OOO Partner sales contact',
    apply: contacts([{ role: 'PartnerSales', countries: ['OOO'] }]),
    status: 'AzureIpCoSellIncentivized',
  },
  {
    change: 'removing the only Partner sales contact for US',
    apply: (i) => contacts(i.contacts.filter((c) => !c.countries.includes('US')))(i),
    status: 'NotCoSellReady',
    cause: 'partnerSalesEveryMarket',
  },
  {
    change: 'removing every contact',
    apply: contacts([]),
    status: 'NotCoSellReady',
    cause: 'contactsEveryMarket',
  },
  {
    change: 'a new file in the one-pager slot',
    apply: file('customerOnePager', sha('d')),
    status: 'NotCoSellReady',
    cause: 'approved',
    changedContent: ['customerOnePager'],
  },
  {
    change: 'the same one-pager uploaded again (same bytes)',
    apply: file('customerOnePager', sha('a')),
    status: 'AzureIpCoSellIncentivized',
  },
  {
    change: 'removing the pitch deck',
    apply: file('customerPresentation', null),
    status: 'NotCoSellReady',
    cause: 'customerPresentation',
    changedContent: ['customerPresentation'],
  },
  {
    change: 'the blank pitch deck template as the pitch deck',
    apply: file('customerPresentation', BLANK_DECK),
    status: 'NotCoSellReady',
    cause: 'customerPresentation',
    changedContent: ['customerPresentation'],
  },
  {
    change: 'a case study (an optional slot)',
    apply: file('customerCaseStudy', sha('e')),
    status: 'AzureIpCoSellIncentivized',
  },
  {
    change: 'a new reference architecture diagram (not required for co-sell ready)',
    apply: file('referenceArchitectureDiagram', sha('e')),
    status: 'AzureIpCoSellIncentivized',
  },
  {
    change: 'a market segment added to the listing',
    apply: listing({ marketSegments: ['SMB', 'Enterprise'] }),
    status: 'NotCoSellReady',
    cause: 'approved',
    changedContent: ['listing'],
  },
  {
    change: 'the listing saved again in another order',
    apply: (i) => listing({ platforms: [...(i.listing?.platforms ?? [])].reverse() })(i),
    status: 'AzureIpCoSellIncentivized',
  },
  {
    change: 'a market dropped (NL), every requirement still met',
    apply: offer({ markets: ['SE', 'US'] }),
    status: 'NotCoSellReady',
    cause: 'approved',
    changedContent: ['markets'],
  },
  {
    change: 'a market added that no Partner sales contact covers (NO)',
    apply: offer({ markets: ['SE', 'US', 'NL', 'NO'] }),
    status: 'NotCoSellReady',
    cause: 'partnerSalesEveryMarket',
    changedContent: ['markets'],
  },
  {
    change: 'the markets in another order',
    apply: offer({ markets: ['NL', 'US', 'SE'] }),
    status: 'AzureIpCoSellIncentivized',
  },
  {
    change: 'the offer taken back to draft',
    apply: offer({ state: 'draft' }),
    status: 'NotCoSellReady',
    cause: 'offerLive',
  },
  {
    change: 'another offer type (Azure Application)',
    apply: offer({ offerType: 'AzureApplication' }),
    status: 'NotCoSellReady',
    cause: 'approved',
    changedContent: ['offerType'],
  },
  {
    change: 'another Partner ID',
    apply: org({ partnerId: '7654321' }),
    status: 'NotCoSellReady',
    cause: 'approved',
    changedContent: ['partnerId'],
  },
  {
    change: 'the legal name and description edited',
    apply: org({ legalName: 'Contoso Group AB', description: 'Contoso builds retail analytics.' }),
    status: 'AzureIpCoSellIncentivized',
  },
  {
    change: 'the website no longer https',
    apply: org({ website: 'http://contoso.example' }),
    status: 'NotCoSellReady',
    cause: 'businessProfile',
  },
  {
    change: 'an enrolment added',
    apply: org({ enrolments: ['IsvConnect'] }),
    status: 'AzureIpCoSellIncentivized',
  },
  {
    change: 'the revenue no longer confirmed (an incentivized requirement only)',
    apply: (i) =>
      org({
        azureConsumedRevenue: i.organization.azureConsumedRevenue && {
          ...i.organization.azureConsumedRevenue,
          confirmedByReviewer: false,
        },
      })(i),
    status: 'CoSellReady',
    cause: 'azureConsumedRevenue',
  },
];

const inCatalogue = (i: ReadinessInput) => i.offer.state === 'live';
const observe = (input: ReadinessInput) => ({
  report: evaluateReadiness(input),
  inCatalogue: inCatalogue(input),
  pendingFingerprint: null,
});

describe('what an approval depends on, as a table of changes', () => {
  const before = observe(approved);
  it('starts from an approved Azure IP offer', () => {
    expect(before.report.status).toBe('AzureIpCoSellIncentivized');
  });

  for (const row of table) {
    const keeps = row.status === before.report.status;
    it(`${row.change}: ${keeps ? 'keeps the status' : `${row.status}, because of ${row.cause}`}`, () => {
      const after = observe(row.apply(approved));
      const effect = describeStatusEffect(before, after);
      expect(effect.after).toBe(row.status);
      expect(effect.reasons[0]?.itemId).toBe(row.cause);
      expect(effect.changedContent).toEqual(row.changedContent ?? []);
      // Changing reviewed content of an approval that holds is a new review, whatever else happens.
      expect(effect.startsNewReview).toBe((row.changedContent ?? []).length > 0);
      expect(effect.needsConfirmation).toBe(!keeps || effect.startsNewReview);
      const approval = after.report.tiers[0]?.items.find((i) => i.id === 'approved');
      expect(approval?.met).toBe((row.changedContent ?? []).length === 0);
    });
  }

  it('names what changed in the approval item, in words and as ids', () => {
    const report = evaluateReadiness(
      file('customerOnePager', sha('d'))(offer({ markets: ['SE', 'US'] })(approved)),
    );
    const item = report.tiers[0]?.items.find((i) => i.id === 'approved');
    expect(item).toMatchObject({
      met: false,
      reason: 'A reviewer approved the submission, but the markets and Customer one-pager changed since.',
      reasonMessage: { key: 'approved.changed', params: { categories: 'markets, customerOnePager' } },
      actionMessage: { key: 'approved.resubmit' },
      actionBy: 'publisher',
      missing: ['markets', 'customerOnePager'],
    });
  });

  it('holds again when a draft is published unchanged, and says a draft leaves the catalogue', () => {
    const draft = observe(offer({ state: 'draft' })(approved));
    expect(describeStatusEffect(before, draft)).toMatchObject({
      leavesCatalogue: true,
      startsNewReview: false,
      needsConfirmation: true,
    });
    expect(describeStatusEffect(draft, before)).toMatchObject({
      after: 'AzureIpCoSellIncentivized',
      reasons: [],
      needsConfirmation: false,
    });
  });

  it('warns of a new review when a waiting submission froze the content being changed', () => {
    const waiting = { ...approved, review: { ...approved.review, status: 'pending' as const } };
    const pending = { ...observe(waiting), pendingFingerprint: evaluateReadiness(waiting).fingerprint };
    const effect = describeStatusEffect(pending, observe(file('customerOnePager', sha('d'))(waiting)));
    expect(effect).toMatchObject({ before: 'InReview', after: 'InReview', startsNewReview: true });
    expect(effect.needsConfirmation).toBe(true);
  });
});

describe('the approval fingerprint', () => {
  const dependencies = programme2020_12.approvalDependencies;
  const fp = (input: ReadinessInput) => computeApprovalFingerprint(input, dependencies);

  it('has one named part per dependency, in the programme order', () => {
    expect(dependencies.map((d) => d.id)).toEqual([
      'partnerId',
      'offerType',
      'markets',
      'listing',
      'customerOnePager',
      'customerPresentation',
    ]);
    expect(fp(approved)).toMatch(
      /^a1;partnerId=[0-9a-f]{14};offerType=[0-9a-f]{14};markets=[0-9a-f]{14};listing=[0-9a-f]{14};customerOnePager=[0-9a-f]{14};customerPresentation=[0-9a-f]{14}$/,
    );
    expect(isCurrentApprovalFingerprint(fp(approved))).toBe(true);
  });

  it('counts a dependency the approval did not cover as changed, and ignores one no longer asked for', () => {
    const current = fp(approved);
    const older = current.replace(/;customerPresentation=[0-9a-f]+/, '');
    expect(findChangedDependencies(older, current)).toEqual(['customerPresentation']);
    const fewer = approvalDependencies({
      documentSlots: ['customerOnePager'],
      taxonomy: { documentSlots: [] } as never,
    });
    expect(findChangedDependencies(current, computeApprovalFingerprint(approved, fewer))).toEqual([]);
  });

  it('cannot compare another format, garbage or a malformed part', () => {
    expect(findChangedDependencies('r1.0000.0000', fp(approved))).toBeNull();
    expect(findChangedDependencies('legacy', fp(approved))).toBeNull();
    expect(findChangedDependencies('a1;markets', fp(approved))).toBeNull();
    expect(findChangedDependencies(fp(approved), 'garbage')).toBeNull();
  });
});

describe('a new file predicted from the report alone (newFileEffect)', () => {
  const report = evaluateReadiness(approved);
  const actual = (slot: string) =>
    describeStatusEffect(observe(approved), observe(file(slot, sha('e'))(approved)));

  it('says what the upload would do, the same as the engine on the prospective state', () => {
    for (const slot of ['customerOnePager', 'customerPresentation', 'customerCaseStudy']) {
      const { after, changedContent, startsNewReview, needsConfirmation } = actual(slot);
      expect(newFileEffect(report, slot), slot).toMatchObject({
        before: 'AzureIpCoSellIncentivized',
        after,
        changedContent,
        startsNewReview,
        needsConfirmation,
      });
    }
    expect(newFileEffect(report, 'customerOnePager').reasons).toEqual(actual('customerOnePager').reasons);
  });

  it('warns while a submission waits, and not when nothing was approved', () => {
    const waiting = evaluateReadiness({ ...approved, review: { ...approved.review, status: 'pending' } });
    expect(newFileEffect(waiting, 'customerOnePager')).toMatchObject({
      before: 'InReview',
      after: 'InReview',
      startsNewReview: true,
    });
    const fresh = evaluateReadiness({ ...approved, review: { ...approved.review, status: 'none' } });
    expect(newFileEffect(fresh, 'customerOnePager').needsConfirmation).toBe(false);
  });
});
