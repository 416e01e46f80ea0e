import { describe, expect, it } from 'vitest';
import { approve, makeInput } from '../../../test/support/readiness-fixtures.js';
import { evaluateReadiness } from './evaluate-readiness.js';
import { programme2020_12 } from './programme-2020-12.js';
import { getReadinessProgramme, listReadinessProgrammeVersions } from './programmes.js';
import type { ReadinessInput, ReadinessReport, TierId } from './readiness-types.js';

const tier = (report: ReadinessReport, id: TierId) => {
  const found = report.tiers.find((t) => t.id === id);
  if (!found) throw new Error(`no tier ${id}`);
  return found;
};
const item = (report: ReadinessReport, tierId: TierId, id: string) => {
  const found = tier(report, tierId).items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id} in ${tierId}`);
  return found;
};
const unmetIds = (report: ReadinessReport, id: TierId) =>
  tier(report, id)
    .items.filter((i) => !i.met)
    .map((i) => i.id);

const base = makeInput();
const withOffer = (input: ReadinessInput, offer: Partial<ReadinessInput['offer']>) => ({
  ...input,
  offer: { ...input.offer, ...offer },
});
const withListing = (input: ReadinessInput, listing: Partial<NonNullable<ReadinessInput['listing']>>) => ({
  ...input,
  listing: { ...(input.listing as NonNullable<ReadinessInput['listing']>), ...listing },
});
const withOrg = (input: ReadinessInput, org: Partial<ReadinessInput['organization']>) => ({
  ...input,
  organization: { ...input.organization, ...org },
});
const dynamics = (offerType: string, enrolments: string[]) =>
  approve(withOrg(withOffer(base, { offerType }), { enrolments }));

describe('evaluateReadiness: shape', () => {
  it('reports the tiers of the 2020-12 programme that can apply to a SaaS offer, labelled from the taxonomy', () => {
    const report = evaluateReadiness(base);
    expect(report.taxonomyVersion).toBe('2020-12');
    expect(report.tiers.map((t) => [t.id, t.label])).toEqual([
      ['CoSellReady', 'Co-sell ready'],
      ['AzureIpCoSellIncentivized', 'Azure IP co-sell incentivized'],
    ]);
    expect(tier(report, 'CoSellReady').items.map((i) => i.id)).toEqual([
      'partnerId',
      'businessProfile',
      'offerTypeCoSell',
      'offerLive',
      'listingComplete',
      'customerOnePager',
      'customerPresentation',
      'contactsEveryMarket',
      'partnerSalesEveryMarket',
      'approved',
    ]);
    expect(tier(report, 'AzureIpCoSellIncentivized').items.map((i) => i.id)).toEqual([
      'coSellReady',
      'offerTypeAzureIp',
      'solutionTypeIp',
      'referenceArchitectureDiagram',
      'azureConsumedRevenue',
      'technicalValidation',
    ]);
    const d365 = evaluateReadiness(withOffer(base, { offerType: 'Dynamics365Operations' }));
    expect(d365.tiers.map((t) => t.id)).toEqual(['CoSellReady', 'BusinessApplicationsCoSellIncentivized']);
    expect(tier(d365, 'BusinessApplicationsCoSellIncentivized').items.map((i) => i.id)).toEqual([
      'coSellReady',
      'offerTypeBusinessApplications',
      'isvConnect',
    ]);
  });
  it('shows only the tiers an offer type can reach: Business Central and unknown types get co-sell ready', () => {
    const tiers = (offerType: string) =>
      evaluateReadiness(withOffer(base, { offerType })).tiers.map((t) => t.id);
    expect(tiers('AzureApplication')).toEqual(['CoSellReady', 'AzureIpCoSellIncentivized']);
    expect(tiers('Dynamics365CustomerEngagement')).toEqual([
      'CoSellReady',
      'BusinessApplicationsCoSellIncentivized',
    ]);
    expect(tiers('Dynamics365BusinessCentral')).toEqual(['CoSellReady']);
    expect(tiers('AzureVirtualMachine')).toEqual(['CoSellReady']);
  });
  it('says who takes each open action: the publisher, or a reviewer', () => {
    const report = evaluateReadiness({
      ...base,
      offer: { ...base.offer, state: 'draft' },
      review: { ...base.review, technicalValidationPassed: false },
    });
    expect(item(report, 'CoSellReady', 'offerLive').actionBy).toBe('publisher');
    expect(item(report, 'CoSellReady', 'approved')).toMatchObject({
      byReviewer: true,
      actionBy: 'publisher',
    });
    expect(item(report, 'AzureIpCoSellIncentivized', 'technicalValidation').actionBy).toBe('reviewer');
    expect(item(report, 'AzureIpCoSellIncentivized', 'coSellReady').actionBy).toBe('publisher');
    expect(item(report, 'CoSellReady', 'partnerId').actionBy).toBeUndefined();
  });
  it('gives every item a reason, an action, a Fix target and a label', () => {
    for (const t of evaluateReadiness(base).tiers) {
      for (const i of t.items) {
        expect(i.reason.length).toBeGreaterThan(0);
        expect(i.action.length).toBeGreaterThan(0);
        expect(i.fix.field.length).toBeGreaterThan(0);
        expect(i.label?.length).toBeGreaterThan(0);
      }
    }
  });
  it('falls back to the current taxonomy version without a listing', () => {
    const report = evaluateReadiness({ ...base, listing: null });
    expect(report.taxonomyVersion).toBe('2020-12');
    expect(item(report, 'CoSellReady', 'listingComplete').met).toBe(false);
  });
  it('throws for a taxonomy version without a programme', () => {
    expect(() => evaluateReadiness(withListing(base, { taxonomyVersion: '1999-01' }))).toThrow(
      'No co-sell programme for taxonomy version 1999-01',
    );
    expect(listReadinessProgrammeVersions()).toEqual(['2020-12']);
    expect(getReadinessProgramme('2020-12')).toBe(programme2020_12);
    expect(() => getReadinessProgramme('toString')).toThrow();
  });
  it('takes the required document slots from the taxonomy', () => {
    expect(programme2020_12.requiredDocumentSlots).toEqual(['customerOnePager', 'customerPresentation']);
  });
});

describe('evaluateReadiness: co-sell ready', () => {
  it('is met when everything is met and approved, and the tier item of the higher tiers says so', () => {
    const report = evaluateReadiness(approve(withListing(base, { solutionType: 'Service' })));
    expect(tier(report, 'CoSellReady').met).toBe(true);
    expect(item(report, 'AzureIpCoSellIncentivized', 'coSellReady')).toMatchObject({
      met: true,
      reason: 'Co-sell ready is met.',
    });
  });
  it('without approval: not met, canSubmit true, and the higher tiers point at the approval', () => {
    const report = evaluateReadiness(base);
    expect(report.status).toBe('NotCoSellReady');
    expect(report.canSubmit).toBe(true);
    expect(unmetIds(report, 'CoSellReady')).toEqual(['approved']);
    const required = item(report, 'AzureIpCoSellIncentivized', 'coSellReady');
    expect(required).toMatchObject({
      met: false,
      byReviewer: true,
      fix: { section: 'review', field: 'submission' },
    });
    expect(required.reason).toBe(
      'Co-sell ready is not met: 1 of 10 requirements open (Approved by a reviewer).',
    );
    expect(tier(report, 'AzureIpCoSellIncentivized').met).toBe(false);
  });
  it('canSubmit is false as soon as any other co-sell ready item is unmet', () => {
    const cases: ReadinessInput[] = [
      withOrg(base, { partnerId: null }),
      withOrg(base, { website: null }),
      withOffer(base, { offerType: 'ConsultingService' }),
      withOffer(base, { state: 'draft' }),
      withListing(base, { platforms: [] }),
      { ...base, documents: [{ slot: 'customerOnePager' }] },
      { ...base, contacts: [{ role: 'PartnerSales', countries: ['SE', 'US'] }] },
      { ...base, contacts: [{ role: 'PartnerMarketing', countries: ['OOO'] }] },
      {
        ...base,
        contacts: [
          { role: 'PartnerSales', countries: ['SE', 'US'] },
          { role: 'PartnerMarketing', countries: ['NL'] },
        ],
      },
    ];
    for (const input of cases) {
      const report = evaluateReadiness(approve(input));
      expect(report.canSubmit).toBe(false);
      expect(report.status).toBe('NotCoSellReady');
      expect(unmetIds(report, 'CoSellReady')).not.toContain('approved');
      expect(unmetIds(report, 'CoSellReady').length).toBeGreaterThan(0);
    }
  });
  it('points the higher tiers at the first open co-sell ready item', () => {
    const report = evaluateReadiness(withOffer(base, { state: 'draft' }));
    expect(item(report, 'AzureIpCoSellIncentivized', 'coSellReady').fix).toEqual({
      section: 'offer',
      field: 'state',
    });
    expect(item(report, 'AzureIpCoSellIncentivized', 'coSellReady').byReviewer).toBeUndefined();
  });
  it('a non-co-sell offer type fails its item and leaves everything NotCoSellReady', () => {
    const report = evaluateReadiness(approve(withOffer(base, { offerType: 'AzureVirtualMachine' })));
    expect(item(report, 'CoSellReady', 'offerTypeCoSell')).toMatchObject({
      met: false,
      fix: { section: 'offer', field: 'offerType' },
    });
    expect(report.tiers.every((t) => !t.met)).toBe(true);
    expect(report.status).toBe('NotCoSellReady');
    expect(report.canSubmit).toBe(false);
  });
});

describe('evaluateReadiness: review states', () => {
  it('is InReview while a submission is pending', () => {
    const report = evaluateReadiness({ ...base, review: { ...base.review, status: 'pending' } });
    expect(report.status).toBe('InReview');
    expect(item(report, 'CoSellReady', 'approved')).toMatchObject({ met: false, byReviewer: true });
  });
  it('is NotCoSellReady after a rejection', () => {
    const report = evaluateReadiness({ ...base, review: { ...base.review, status: 'rejected' } });
    expect(report.status).toBe('NotCoSellReady');
    expect(report.canSubmit).toBe(true);
  });
  it('approved then changed: the approval item names what changed and the status drops', () => {
    const approved = approve(withListing(base, { solutionType: 'Service' }));
    expect(evaluateReadiness(approved).status).toBe('CoSellReady');
    const changed = withOffer(approved, { markets: ['SE', 'US'] });
    const report = evaluateReadiness(changed);
    expect(report.fingerprint).not.toBe(approved.review.approvedFingerprint);
    expect(item(report, 'CoSellReady', 'approved')).toMatchObject({
      met: false,
      reason: 'A reviewer approved the submission, but the markets changed since.',
      action: 'Submit for review again',
    });
    expect(report.status).toBe('NotCoSellReady');
    expect(report.canSubmit).toBe(true);
  });
  it('replacing the one-pager (new sha256) withdraws the approval', () => {
    const docs = (sha: string) => [
      { slot: 'customerOnePager', sha256: sha },
      { slot: 'customerPresentation', sha256: 'd'.repeat(64) },
      { slot: 'referenceArchitectureDiagram' },
    ];
    const approved = approve({ ...base, documents: docs('a'.repeat(64)) });
    expect(evaluateReadiness(approved).status).toBe('AzureIpCoSellIncentivized');
    const report = evaluateReadiness({ ...approved, documents: docs('b'.repeat(64)) });
    expect(report.status).toBe('NotCoSellReady');
    expect(item(report, 'CoSellReady', 'approved').reason).toContain('the Customer one-pager changed since');
  });
  it('changes outside co-sell ready data keep the approval', () => {
    const approved = approve(base);
    const report = evaluateReadiness(withOrg(approved, { enrolments: ['IsvConnect'] }));
    expect(item(report, 'CoSellReady', 'approved').met).toBe(true);
  });
});

describe('evaluateReadiness: Azure IP co-sell incentivized', () => {
  it('is met for an approved SaaS IP offer with revenue, diagram and validation', () => {
    const report = evaluateReadiness(approve(base));
    expect(report.status).toBe('AzureIpCoSellIncentivized');
  });
  it('is met for an Azure Application too', () => {
    expect(evaluateReadiness(approve(withOffer(base, { offerType: 'AzureApplication' }))).status).toBe(
      'AzureIpCoSellIncentivized',
    );
  });
  it('co-sell ready but not Azure IP when the solution type is Service', () => {
    const report = evaluateReadiness(approve(withListing(base, { solutionType: 'Service' })));
    expect(report.status).toBe('CoSellReady');
    expect(unmetIds(report, 'AzureIpCoSellIncentivized')).toEqual(['solutionTypeIp']);
    expect(item(report, 'AzureIpCoSellIncentivized', 'solutionTypeIp').reason).toBe(
      'Solution type is Service; Azure IP co-sell needs IP (application).',
    );
  });
  const revenue = (amountUsd: number, periodEnd = '2024-05-31') =>
    approve(
      withOrg(base, {
        azureConsumedRevenue: { amountUsd, periodEnd, attestedAt: '2024-06-01', confirmedByReviewer: true },
      }),
    );
  it('revenue USD 99,999 is not enough; USD 100,000 is', () => {
    expect(evaluateReadiness(revenue(99_999)).status).toBe('CoSellReady');
    expect(evaluateReadiness(revenue(100_000)).status).toBe('AzureIpCoSellIncentivized');
  });
  it('a revenue period ending 13 months ago is not enough', () => {
    const report = evaluateReadiness(revenue(500_000, '2023-05-15'));
    expect(report.status).toBe('CoSellReady');
    expect(unmetIds(report, 'AzureIpCoSellIncentivized')).toEqual(['azureConsumedRevenue']);
  });
  it('needs the reference architecture diagram and the technical validation', () => {
    const noDiagram = evaluateReadiness(
      approve({
        ...base,
        documents: base.documents.filter((d) => d.slot !== 'referenceArchitectureDiagram'),
      }),
    );
    expect(noDiagram.status).toBe('CoSellReady');
    expect(unmetIds(noDiagram, 'AzureIpCoSellIncentivized')).toEqual(['referenceArchitectureDiagram']);
    const notValidated = evaluateReadiness(
      approve({ ...base, review: { ...base.review, technicalValidationPassed: false } }),
    );
    expect(unmetIds(notValidated, 'AzureIpCoSellIncentivized')).toEqual(['technicalValidation']);
    expect(item(notValidated, 'AzureIpCoSellIncentivized', 'technicalValidation').byReviewer).toBe(true);
  });
  it('all Azure IP items met but not co-sell ready: the tier is not met', () => {
    const report = evaluateReadiness(withOffer(approve(base), { state: 'draft' }));
    expect(unmetIds(report, 'AzureIpCoSellIncentivized')).toEqual(['coSellReady']);
    expect(report.status).toBe('NotCoSellReady');
  });
});

describe('evaluateReadiness: Business Applications co-sell incentivized', () => {
  it('Dynamics 365 for Operations with ISV Connect is met', () => {
    const report = evaluateReadiness(dynamics('Dynamics365Operations', ['IsvConnect']));
    expect(report.status).toBe('BusinessApplicationsCoSellIncentivized');
  });
  it('Dynamics 365 for Customer Engagement with ISV Connect is met', () => {
    expect(evaluateReadiness(dynamics('Dynamics365CustomerEngagement', ['IsvConnect'])).status).toBe(
      'BusinessApplicationsCoSellIncentivized',
    );
  });
  it('Dynamics 365 for Operations without ISV Connect stays co-sell ready', () => {
    const report = evaluateReadiness(dynamics('Dynamics365Operations', []));
    expect(report.status).toBe('CoSellReady');
    expect(unmetIds(report, 'BusinessApplicationsCoSellIncentivized')).toEqual(['isvConnect']);
    expect(item(report, 'BusinessApplicationsCoSellIncentivized', 'isvConnect').fix).toEqual({
      section: 'organization',
      field: 'enrolments',
    });
  });
  it('Business Central is co-sell ready and shown neither incentive, which it cannot reach', () => {
    const report = evaluateReadiness(dynamics('Dynamics365BusinessCentral', ['IsvConnect']));
    expect(report.status).toBe('CoSellReady');
    expect(report.tiers.map((t) => t.id)).toEqual(['CoSellReady']);
  });
});

describe('evaluateReadiness: programmes as data', () => {
  it('runs a different programme year without engine changes', () => {
    const [coSellReady] = programme2020_12.tiers;
    if (!coSellReady) throw new Error('programme has tiers');
    const lean = {
      ...programme2020_12,
      tiers: [{ ...coSellReady, rules: coSellReady.rules.filter((r) => r.id !== 'offerLive') }],
    };
    // The draft/live state is no reviewed content: without the Offer live rule a draft stays approved.
    const report = evaluateReadiness(withOffer(approve(base), { state: 'draft' }), { programme: lean });
    expect(report.tiers).toHaveLength(1);
    expect(report.status).toBe('CoSellReady');
    // A programme's approval dependencies are its own data too.
    const noMarkets = {
      ...lean,
      approvalDependencies: lean.approvalDependencies.filter((d) => d.id !== 'markets'),
    };
    const approved = approve(base);
    const fewerMarkets = withOffer(approved, { markets: ['SE', 'US'] });
    expect(evaluateReadiness(fewerMarkets, { programme: lean }).status).toBe('NotCoSellReady');
    expect(evaluateReadiness(fewerMarkets, { programme: noMarkets }).status).toBe('CoSellReady');
  });
});
