import type { FrozenContent } from '../../src/domain/schemas/review-content.js';

/** Test data only: a stored snapshot as a submission freezes it now (readiness input, report, content). */
export function storedSnapshot(
  change: { input?: Record<string, unknown>; content?: Partial<FrozenContent>; report?: unknown } = {},
) {
  const input = {
    organization: {
      legalName: 'Contoso Ltd',
      partnerId: '4671234',
      website: 'https://contoso.example',
      headquartersCountry: 'SE',
      description: 'Analytics for retail.',
      enrolments: [],
      azureConsumedRevenue: null,
    },
    offer: { offerType: 'SaaS', state: 'live', markets: ['SE', 'US'] },
    listing: {
      taxonomyVersion: '2020-12',
      platforms: ['Azure'],
      marketSegments: ['SMB', 'Enterprise'],
      solutionType: 'IP',
      solutionAreas: [{ area: 'DataAndAI', subAreas: ['BigData'] }],
    },
    documents: [
      { slot: 'customerOnePager', sha256: 'a'.repeat(64) },
      { slot: 'customerPresentation', sha256: 'b'.repeat(64) },
    ],
    contacts: [{ role: 'PartnerSales', countries: ['SE', 'US'] }],
    review: { status: 'pending', approvedFingerprint: null, technicalValidationPassed: false },
    today: '2026-12-01',
    ...change.input,
  };
  const content: FrozenContent = {
    offerName: 'Contoso Analytics',
    organizationName: 'Contoso',
    externalReferenceUrl: 'https://contoso.example/analytics',
    documents: [
      document('doc_1', 'customerOnePager', 'one-pager.pdf', 1, 'a'),
      document('doc_2', 'customerPresentation', 'pitch.pptx', 1, 'b'),
    ],
    contacts: [
      {
        name: 'Sara Svensson',
        email: 'sara@contoso.example',
        jobTitle: 'Partner manager',
        role: 'PartnerSales',
        countries: ['SE', 'US'],
        states: [],
      },
    ],
    ...change.content,
  };
  return { input, report: change.report, content };
}

/** A frozen document row; `hash` is repeated into a SHA-256-long string. */
export function document(id: string, slot: string, fileName: string, version: number, hash: string) {
  return {
    id,
    slot,
    fileName,
    contentType: fileName.endsWith('.pdf') ? 'application/pdf' : 'application/vnd.ms-powerpoint',
    size: 2048,
    version,
    sha256: hash.repeat(64),
    uploadedAt: '2026-11-30T10:00:00.000Z',
    uploadedBy: { id: 'usr_1', name: 'Olivia Owner' },
  };
}
