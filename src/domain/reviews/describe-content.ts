import { computeCoverage } from '../contacts/coverage.js';
import { opensInline } from '../documents/inline-display.js';
import type { FrozenContent, ReviewContent, SubmittedDocument } from '../schemas/review-content.js';
import { labelled, place, statePlace, taxonomyFor } from './content-labels.js';
import type { SubmissionSnapshot } from './submission-snapshot.js';

type FrozenDocument = FrozenContent['documents'][number];

/**
 * A submission's content in words, from its frozen snapshot: labels from the taxonomy of the frozen listing,
 * country names, every document version with where it opens (`documentUrl` makes the address of a document
 * row; with `inline` for PDF and images). A snapshot frozen before submissions kept names, document rows and
 * contacts shows what its readiness input recorded and says it is partial.
 */
export function describeContent(
  snapshot: SubmissionSnapshot,
  documentUrl: (document: FrozenDocument, inline: boolean) => string,
): ReviewContent {
  const { input, content } = snapshot;
  const taxonomy = taxonomyFor(input.listing?.taxonomyVersion);
  const organization = input.organization;
  const markets = input.offer?.markets ?? [];
  // Older snapshots recorded each contact's role and countries only.
  const contacts =
    content?.contacts ??
    (input.contacts ?? []).map((c) => ({ ...c, name: null, email: null, jobTitle: null, states: [] }));
  return {
    partial: content === null,
    offer: {
      name: content?.offerName ?? null,
      offerType: input.offer ? labelled(taxonomy.offerTypes, input.offer.offerType) : null,
      state: input.offer?.state ?? null,
      markets: markets.map(place),
    },
    organization: {
      name: content?.organizationName ?? null,
      legalName: organization?.legalName ?? null,
      partnerId: organization?.partnerId ?? null,
      website: organization?.website ?? null,
      headquarters: organization?.headquartersCountry ? place(organization.headquartersCountry) : null,
      description: organization?.description ?? null,
      enrolments: organization?.enrolments ?? [],
      azureConsumedRevenue: organization?.azureConsumedRevenue ?? null,
    },
    listing: input.listing
      ? {
          taxonomyVersion: input.listing.taxonomyVersion,
          platforms: input.listing.platforms.map((id) => labelled(taxonomy.platforms, id)),
          marketSegments: input.listing.marketSegments.map((id) => labelled(taxonomy.marketSegments, id)),
          solutionType: input.listing.solutionType
            ? labelled(taxonomy.solutionTypes, input.listing.solutionType)
            : null,
          solutionAreas: input.listing.solutionAreas.map(({ area, subAreas }) => {
            const entry = taxonomy.solutionAreas.find((a) => a.id === area);
            return {
              ...labelled(taxonomy.solutionAreas, area),
              subAreas: subAreas.map((id) => labelled(entry?.subAreas ?? [], id)),
            };
          }),
        }
      : null,
    documents: taxonomy.documentSlots.flatMap((slot) => {
      const files = (content?.documents ?? []).filter((d) => d.slot === slot.id);
      const recorded = content
        ? files.length
        : (input.documents ?? []).filter((d) => d.slot === slot.id).length;
      if (recorded === 0) return [];
      return [
        {
          slot: labelled(taxonomy.documentSlots, slot.id),
          files: files.map((file) => submittedDocument(file, documentUrl)),
          recorded,
        },
      ];
    }),
    externalReferenceUrl: content?.externalReferenceUrl ?? null,
    contacts: contacts.map((contact) => ({
      name: contact.name,
      email: contact.email,
      jobTitle: contact.jobTitle,
      role: labelled(taxonomy.contactRoles, contact.role),
      countries: contact.countries.map(place),
      states: contact.states.map(statePlace),
    })),
    coverage: computeCoverage(markets, contacts, taxonomy),
  };
}

function submittedDocument(
  file: FrozenDocument,
  documentUrl: (document: FrozenDocument, inline: boolean) => string,
): SubmittedDocument {
  const inline = opensInline(file.contentType);
  return {
    id: file.id,
    fileName: file.fileName,
    contentType: file.contentType,
    size: file.size,
    version: file.version,
    uploadedAt: file.uploadedAt,
    uploadedBy: file.uploadedBy.name,
    contentUrl: documentUrl(file, inline),
    opensInline: inline,
  };
}
