import { contactKey } from '../contacts/contact-rules.js';
import type { Taxonomy, TaxonomyEntry } from '../reference/taxonomy.js';
import type { ContentChange, Labelled } from '../schemas/review-content.js';
import { labelled, place, taxonomyFor } from './content-labels.js';
import type { SubmissionSnapshot } from './submission-snapshot.js';

type ValueChange = Extract<ContentChange, { kind: 'value' }>;
type ContactChange = Extract<ContentChange, { kind: 'contact' }>;
type ChangedContact = NonNullable<ContactChange['before']>;

/** Each compared field of a part as values with their words; undefined for a part the snapshot lacks. */
type PartFields = Record<string, Labelled[]> | undefined;

/** Free text: the value is its own label. */
const text = (value: string | null | undefined): Labelled[] => (value ? [{ id: value, label: value }] : []);
const places = (codes: readonly string[]): Labelled[] =>
  codes.map((code) => ({ id: code, label: place(code).name }));
const entries = (list: readonly TaxonomyEntry[], ids: readonly string[] = []): Labelled[] =>
  ids.map((id) => labelled(list, id));

function organizationFields(s: SubmissionSnapshot): PartFields {
  const o = s.input.organization;
  if (!o) return undefined;
  const revenue = o.azureConsumedRevenue;
  return {
    legalName: text(o.legalName),
    partnerId: text(o.partnerId),
    website: text(o.website),
    headquartersCountry: places(o.headquartersCountry ? [o.headquartersCountry] : []),
    description: text(o.description),
    enrolments: o.enrolments.flatMap((e) => text(e)),
    azureConsumedRevenue: text(revenue && `${revenue.amountUsd} USD, ${revenue.periodEnd}`),
  };
}

function offerFields(s: SubmissionSnapshot, taxonomy: Taxonomy): PartFields {
  const offer = s.input.offer;
  if (!offer) return undefined;
  return {
    ...(s.content && { name: text(s.content.offerName) }),
    offerType: entries(taxonomy.offerTypes, [offer.offerType]),
    state: text(offer.state),
    markets: places(offer.markets),
  };
}

function listingFields(s: SubmissionSnapshot, taxonomy: Taxonomy): PartFields {
  // A listing of null: the offer had none, so every field is empty, and still compared.
  const listing = s.input.listing;
  if (listing === undefined) return undefined;
  const areas = listing?.solutionAreas ?? [];
  return {
    platforms: entries(taxonomy.platforms, listing?.platforms),
    marketSegments: entries(taxonomy.marketSegments, listing?.marketSegments),
    solutionType: entries(taxonomy.solutionTypes, listing?.solutionType ? [listing.solutionType] : []),
    solutionAreas: entries(
      taxonomy.solutionAreas,
      areas.map((a) => a.area),
    ),
    subAreas: areas.flatMap(({ area, subAreas }) =>
      entries(taxonomy.solutionAreas.find((a) => a.id === area)?.subAreas ?? [], subAreas),
    ),
  };
}

function externalUrlFields(s: SubmissionSnapshot): PartFields {
  return s.content ? { externalReferenceUrl: text(s.content.externalReferenceUrl) } : undefined;
}

/** Values compare as sets: the same ids in another order are no change. */
const sameValues = (a: readonly Labelled[], b: readonly Labelled[]) =>
  JSON.stringify(a.map((v) => v.id).sort()) === JSON.stringify(b.map((v) => v.id).sort());

function valueChanges(part: ValueChange['part'], before: PartFields, after: PartFields): ValueChange[] {
  if (!before || !after) return [];
  return Object.keys(after).flatMap((field) => {
    const a = before[field];
    const b = after[field];
    if (!a || !b || sameValues(a, b)) return [];
    return [{ kind: 'value' as const, part, field, before: a, after: b }];
  });
}

/** A slot's files: with names and versions from the frozen rows, else hashes from the readiness input. */
function slotFiles(s: SubmissionSnapshot, slot: string) {
  if (s.content)
    return s.content.documents
      .filter((d) => d.slot === slot)
      .map((d) => ({ fileName: d.fileName, version: d.version, sha256: d.sha256 as string | undefined }));
  return (s.input.documents ?? [])
    .filter((d) => d.slot === slot)
    .map((d) => ({ fileName: null, version: null, sha256: d.sha256 }));
}

function documentChanges(before: SubmissionSnapshot, after: SubmissionSnapshot, taxonomy: Taxonomy) {
  if (!after.content && !after.input.documents) return [];
  if (!before.content && !before.input.documents) return [];
  return taxonomy.documentSlots.flatMap((slot): ContentChange[] => {
    const a = slotFiles(before, slot.id);
    const b = slotFiles(after, slot.id);
    // The same bytes are the same file, whatever its name; without hashes only the count can tell.
    const hashes = (files: typeof a) => files.map((f) => f.sha256 ?? '').sort();
    const comparable = [...a, ...b].every((f) => f.sha256);
    const same = comparable ? JSON.stringify(hashes(a)) === JSON.stringify(hashes(b)) : a.length === b.length;
    if (same) return [];
    const named = (files: typeof a) => files.map(({ fileName, version }) => ({ fileName, version }));
    return [
      {
        kind: 'documents',
        slot: labelled(taxonomy.documentSlots, slot.id),
        before: named(a),
        after: named(b),
      },
    ];
  });
}

/** Contacts as changes name them; matched by email and role when both snapshots hold the people. */
function contactChanges(before: SubmissionSnapshot, after: SubmissionSnapshot, taxonomy: Taxonomy) {
  const people = (s: SubmissionSnapshot): ChangedContact[] | undefined =>
    s.content
      ? s.content.contacts.map((c) => ({ ...c, role: labelled(taxonomy.contactRoles, c.role) }))
      : s.input.contacts?.map((c) => ({
          name: null,
          email: null,
          jobTitle: null,
          role: labelled(taxonomy.contactRoles, c.role),
          countries: c.countries,
          states: [],
        }));
  const a = people(before);
  const b = people(after);
  if (!a || !b) return [];
  const byPerson = before.content !== null && after.content !== null;
  const key = (c: ChangedContact) =>
    byPerson
      ? contactKey({ email: c.email ?? '', role: c.role.id })
      : JSON.stringify([c.role.id, [...c.countries].sort()]);
  // Without the people on both sides the key is all there is to compare.
  const same = (x: ChangedContact, y: ChangedContact) =>
    !byPerson ||
    JSON.stringify([x.name, x.jobTitle, [...x.countries].sort(), [...x.states].sort()]) ===
      JSON.stringify([y.name, y.jobTitle, [...y.countries].sort(), [...y.states].sort()]);
  const earlier = new Map(a.map((c) => [key(c), c]));
  const later = new Map(b.map((c) => [key(c), c]));
  const changes: ContactChange[] = [];
  for (const [k, c] of earlier)
    if (!later.has(k)) changes.push({ kind: 'contact', change: 'removed', before: c, after: null });
  for (const [k, c] of later) {
    const previous = earlier.get(k);
    if (!previous) changes.push({ kind: 'contact', change: 'added', before: null, after: c });
    else if (!same(previous, c))
      changes.push({ kind: 'contact', change: 'changed', before: previous, after: c });
  }
  return changes;
}

/**
 * What differs between two frozen snapshots, item by item: each field of the organisation profile, the offer
 * and the listing (in words), the files of each document slot, the external URL, and each contact added,
 * removed or changed. A part one of them did not record (an older snapshot) is left out rather than guessed.
 */
export function diffSnapshots(before: SubmissionSnapshot, after: SubmissionSnapshot): ContentChange[] {
  const taxonomy = taxonomyFor(after.input.listing?.taxonomyVersion);
  const earlierTaxonomy = taxonomyFor(before.input.listing?.taxonomyVersion);
  return [
    ...valueChanges('organization', organizationFields(before), organizationFields(after)),
    ...valueChanges('offer', offerFields(before, earlierTaxonomy), offerFields(after, taxonomy)),
    ...valueChanges('listing', listingFields(before, earlierTaxonomy), listingFields(after, taxonomy)),
    ...documentChanges(before, after, taxonomy),
    ...valueChanges('externalUrl', externalUrlFields(before), externalUrlFields(after)),
    ...contactChanges(before, after, taxonomy),
  ];
}
