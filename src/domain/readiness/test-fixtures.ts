import { getTaxonomy } from '../reference/taxonomy.js';
import { computeReadinessFingerprint } from './fingerprint.js';
import { programme2020_12 } from './programme-2020-12.js';
import type { ReadinessContext } from './programme-types.js';
import type { ReadinessInput } from './readiness-types.js';

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
  const approvedFingerprint = computeReadinessFingerprint(input, programme2020_12.fingerprintDocumentSlots);
  return { ...input, review: { ...input.review, status: 'approved', approvedFingerprint } };
}

/** The context a rule sees for an input under the 2020-12 programme. */
export function contextFor(input: ReadinessInput): ReadinessContext {
  return {
    taxonomy,
    fingerprint: computeReadinessFingerprint(input, programme2020_12.fingerprintDocumentSlots),
  };
}
