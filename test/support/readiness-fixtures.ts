import { computeApprovalFingerprint } from '../../src/domain/readiness/approval-dependencies.js';
import { programme2020_12 } from '../../src/domain/readiness/programme-2020-12.js';
import type { ReadinessContext, ReadinessProgramme } from '../../src/domain/readiness/programme-types.js';
import type { ReadinessInput } from '../../src/domain/readiness/readiness-types.js';
import { partnerIdRule } from '../../src/domain/readiness/rules.js';
import { getTaxonomy } from '../../src/domain/reference/taxonomy.js';

const taxonomy = getTaxonomy('2020-12');
const firstArea = taxonomy.solutionAreas[0] ?? { id: 'missing', subAreas: [] };
const firstSubArea = firstArea.subAreas[0]?.id ?? 'missing';

/** Test data only: an input that meets every Azure IP co-sell requirement except the approval. */
export function makeInput(overrides: Partial<ReadinessInput> = {}): ReadinessInput {
  return {
    organization: {
      legalName: 'Contoso AB',
      partnerId: '1234567',
      website: 'https://contoso.example',
      headquartersCountry: 'SE',
      description: 'Contoso builds analytics.',
      enrolments: [],
      azureConsumedRevenue: {
        amountUsd: 150_000,
        periodEnd: '2024-05-31',
        attestedAt: '2024-06-02T10:00:00Z',
        confirmedByReviewer: true,
      },
    },
    offer: { offerType: 'SaaS', state: 'live', markets: ['SE', 'US', 'NL'] },
    listing: {
      taxonomyVersion: '2020-12',
      platforms: ['Azure'],
      marketSegments: ['SMB'],
      solutionType: 'IP',
      solutionAreas: [{ area: firstArea.id, subAreas: [firstSubArea] }],
    },
    documents: [
      { slot: 'customerOnePager' },
      { slot: 'customerPresentation' },
      { slot: 'referenceArchitectureDiagram' },
    ],
    contacts: [
      { role: 'PartnerSales', countries: ['SE', 'NL'] },
      { role: 'PartnerSales', countries: ['US'] },
      { role: 'PartnerMarketing', countries: ['OOO'] },
    ],
    review: { status: 'none', approvedFingerprint: null, technicalValidationPassed: true },
    today: '2024-06-15',
    ...overrides,
  };
}

/** The same input with a reviewer's approval of exactly its current data. */
export function approve(input: ReadinessInput): ReadinessInput {
  const approvedFingerprint = computeApprovalFingerprint(input, programme2020_12.approvalDependencies);
  return { ...input, review: { ...input.review, status: 'approved', approvedFingerprint } };
}

/** The context a rule sees for an input under the 2020-12 programme. */
export function contextFor(input: ReadinessInput): ReadinessContext {
  const dependencies = programme2020_12.approvalDependencies;
  return {
    taxonomy,
    fingerprint: computeApprovalFingerprint(input, dependencies),
    dependencyLabel: (id) => dependencies.find((d) => d.id === id)?.label ?? id,
  };
}

/** Test data only: an input with the organisation's values changed. */
function withOrganization(overrides: Partial<ReadinessInput['organization']>): ReadinessInput {
  const input = makeInput();
  return { ...input, organization: { ...input.organization, ...overrides } };
}

/** Test data only: an input with the attested revenue changed (null: none attested). */
function withRevenue(
  overrides: Partial<NonNullable<ReadinessInput['organization']['azureConsumedRevenue']>> | null,
): ReadinessInput {
  const base = makeInput().organization.azureConsumedRevenue;
  return withOrganization({
    azureConsumedRevenue: overrides === null || base === null ? null : { ...base, ...overrides },
  });
}

/** Test data only: an input with the listing's values changed (null: no listing). */
function withListing(overrides: Partial<NonNullable<ReadinessInput['listing']>> | null): ReadinessInput {
  const input = makeInput();
  return {
    ...input,
    listing: overrides === null || !input.listing ? null : { ...input.listing, ...overrides },
  };
}

/**
 * Test data only: inputs (and programmes, for a rule parameter the 2020-12 programme does not use) that
 * together reach every branch of every rule of the readiness engine: every reason and action it can give.
 */
export function branchCoveringCases(): {
  name: string;
  input: ReadinessInput;
  programme?: ReadinessProgramme;
}[] {
  const base = makeInput();
  const noCoSellType = taxonomy.offerTypes.find((t) => !t.coSell)?.id ?? 'missing';
  const otherSolutionType = taxonomy.solutionTypes.find((t) => t.id !== 'IP')?.id ?? 'missing';
  const customPartnerId: ReadinessProgramme = {
    ...programme2020_12,
    tiers: programme2020_12.tiers.map((tier) => ({
      ...tier,
      rules: tier.rules.map((rule) =>
        rule.id === 'partnerId' ? partnerIdRule({ pattern: /^P\d+$/, description: 'P and digits' }) : rule,
      ),
    })),
  };
  // Tiers for every offer type, so that a tier's offer type rule can fail (the 2020-12 programme leaves a
  // tier out of the report of an offer type it is not for).
  const everyTier: ReadinessProgramme = {
    ...programme2020_12,
    tiers: programme2020_12.tiers.map(({ offerTypes: _types, ...tier }) => tier),
  };
  return [
    { name: 'all met but the approval', input: base },
    {
      name: 'a blank template as the pitch deck',
      input: {
        ...base,
        documents: [{ slot: 'customerOnePager' }, { slot: 'customerPresentation', sha256: 'f'.repeat(64) }],
        blankTemplates: ['f'.repeat(64)],
      },
    },
    { name: 'approved', input: approve(base) },
    {
      name: 'approved, then changed',
      input: { ...approve(base), offer: { ...base.offer, markets: ['SE', 'US'] } },
    },
    {
      name: 'approved, not comparable',
      input: { ...base, review: { ...base.review, status: 'approved', approvedFingerprint: 'garbage' } },
    },
    { name: 'pending', input: { ...base, review: { ...base.review, status: 'pending' } } },
    {
      name: 'rejected, not validated',
      input: { ...base, review: { ...base.review, status: 'rejected', technicalValidationPassed: false } },
    },
    {
      name: 'no Partner ID, empty profile',
      input: withOrganization({
        partnerId: null,
        legalName: null,
        website: null,
        headquartersCountry: null,
        description: null,
        enrolments: ['IsvConnect'],
      }),
      programme: everyTier,
    },
    {
      name: 'invalid Partner ID, bad website and country',
      input: withOrganization({
        partnerId: 'abc',
        website: 'http://contoso.example',
        headquartersCountry: 'XX',
      }),
    },
    { name: 'custom Partner ID format', input: base, programme: customPartnerId },
    {
      name: 'unknown offer type, draft',
      input: { ...base, offer: { ...base.offer, offerType: 'Nope', state: 'draft' } },
    },
    {
      name: 'offer type without co-sell',
      input: { ...base, offer: { ...base.offer, offerType: noCoSellType } },
    },
    {
      name: 'Dynamics 365 offer type, every tier',
      input: { ...base, offer: { ...base.offer, offerType: 'Dynamics365CustomerEngagement' } },
      programme: everyTier,
    },
    { name: 'no listing', input: withListing(null) },
    { name: 'incomplete listing', input: withListing({ platforms: [], solutionType: null }) },
    { name: 'other solution type', input: withListing({ solutionType: otherSolutionType }) },
    { name: 'no documents, no contacts', input: { ...base, documents: [], contacts: [] } },
    { name: 'no markets', input: { ...base, offer: { ...base.offer, markets: [] } } },
    { name: 'no revenue', input: withRevenue(null) },
    { name: 'revenue period not a date', input: withRevenue({ periodEnd: 'soon' }) },
    {
      name: 'revenue after today, too low, unconfirmed',
      input: withRevenue({
        periodEnd: '2024-12-31',
        amountUsd: 10,
        confirmedByReviewer: false,
      }),
    },
    { name: 'revenue too old', input: withRevenue({ periodEnd: '2022-01-31' }) },
    { name: 'revenue unconfirmed', input: withRevenue({ confirmedByReviewer: false }) },
  ];
}
