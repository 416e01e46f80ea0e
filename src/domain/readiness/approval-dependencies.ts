import type { Taxonomy } from '../reference/taxonomy.js';
import { cyrb53 } from './fingerprint.js';
import type { ReadinessInput } from './readiness-types.js';

/**
 * What a reviewer's approval depends on: the rule, in one place.
 *
 * An approval holds while every requirement of co-sell ready holds (the engine checks those) and the
 * reviewed content of the required items is what the reviewer saw. The reviewed content is exactly:
 *
 * | id                   | the content                                                              |
 * |----------------------|--------------------------------------------------------------------------|
 * | partnerId            | the organisation's Partner ID: which partner the approval is for         |
 * | offerType            | the offer's type                                                         |
 * | markets              | the offer's markets, as a set                                            |
 * | listing              | the whole listing: taxonomy, platforms, segments, solution type, areas   |
 * | each required slot   | the files in the slot, by sha256: a new file is new content              |
 *
 * The coverage of the markets (a contact in every market, a Partner sales contact in every market) is
 * reviewed content too, but it needs no part of its own: while its requirements hold, the covered markets
 * are exactly the markets, so a change of coverage either changes the markets or breaks a requirement.
 * Which contacts give the coverage is not reviewed content: a Partner marketing contact may come and go, and
 * a Partner sales contact may be replaced by another who covers the same markets.
 *
 * Nothing else ends an approval by itself: the draft/live state (taking an offer back to draft ends co-sell
 * ready through the "Offer live" requirement, and publishing it again unchanged restores it), the profile's
 * legal name, website, headquarters and description (their requirement says whether they are filled in and
 * valid), enrolments and revenue (the incentivized tiers' own requirements), optional documents, the
 * external URL. Changing those can still break a requirement, and then co-sell ready ends for that reason.
 */
export interface ApprovalDependency {
  /** A stable id; the web names it (readiness.categories.<id>, or the slot's name for a document slot). */
  id: string;
  /** English words for it after "the", as the engine's reasons use them: "markets", "listing". */
  label: string;
  /** The content, canonical: order-free lists sorted, so reordering changes nothing. */
  content(input: ReadinessInput): unknown;
}

const sorted = (values: readonly string[]): string[] => [...values].sort();

/**
 * The dependencies of a programme's approval, as data: the required document slots are the programme's; the
 * rest is the same for every programme year.
 */
export function approvalDependencies(options: {
  documentSlots: readonly string[];
  taxonomy: Taxonomy;
}): ApprovalDependency[] {
  const slotLabel = (id: string) => options.taxonomy.documentSlots.find((s) => s.id === id)?.label ?? id;
  return [
    {
      id: 'partnerId',
      label: 'Partner ID',
      content: ({ organization }) => organization.partnerId?.trim() ?? null,
    },
    { id: 'offerType', label: 'offer type', content: ({ offer }) => offer.offerType },
    { id: 'markets', label: 'markets', content: ({ offer }) => sorted(offer.markets) },
    {
      id: 'listing',
      label: 'listing',
      content: ({ listing }) =>
        listing && [
          listing.taxonomyVersion,
          sorted(listing.platforms),
          sorted(listing.marketSegments),
          listing.solutionType,
          listing.solutionAreas.map((a) => `${a.area}:${sorted(a.subAreas).join(',')}`).sort(),
        ],
    },
    ...options.documentSlots.map(
      (slot): ApprovalDependency => ({
        id: slot,
        label: slotLabel(slot),
        // A file without a sha256 (a caller that does not pass it) counts by its presence alone.
        content: ({ documents }) =>
          sorted(documents.filter((d) => d.slot === slot).map((d) => d.sha256 ?? 'present')),
      }),
    ),
  ];
}

/** The format tag of approval fingerprints; an approval stored with another tag is migrated or incomparable. */
export const APPROVAL_FINGERPRINT_FORMAT = 'a1';

/**
 * The approval fingerprint: one short hash per dependency, named, as `a1;partnerId=…;offerType=…`. Named
 * parts let a later programme add or drop a dependency without making every stored approval incomparable.
 * Pure and free of node:crypto, so the web can compute the same value.
 */
export function computeApprovalFingerprint(
  input: ReadinessInput,
  dependencies: readonly ApprovalDependency[],
): string {
  const parts = dependencies.map((d) => `${d.id}=${cyrb53(JSON.stringify(d.content(input) ?? null))}`);
  return [APPROVAL_FINGERPRINT_FORMAT, ...parts].join(';');
}

function parseFingerprint(fingerprint: string): Map<string, string> | null {
  const [format, ...parts] = fingerprint.split(';');
  if (format !== APPROVAL_FINGERPRINT_FORMAT) return null;
  const entries = parts.map((part) => part.split('='));
  if (entries.some((e) => e.length !== 2 || !e[0] || !e[1])) return null;
  return new Map(entries as [string, string][]);
}

/**
 * The dependencies whose content differs between an approved fingerprint and the current one, in the
 * current fingerprint's order. A dependency the approval did not cover (added to the programme since) counts
 * as changed: nobody reviewed it. Null when either fingerprint is not of the current format.
 */
export function findChangedDependencies(approved: string, current: string): string[] | null {
  const before = parseFingerprint(approved);
  const now = parseFingerprint(current);
  if (!before || !now) return null;
  return [...now].filter(([id, hash]) => before.get(id) !== hash).map(([id]) => id);
}

/** Whether a fingerprint is of the current format (else it needs migrating, or cannot be compared). */
export function isCurrentApprovalFingerprint(fingerprint: string): boolean {
  return parseFingerprint(fingerprint) !== null;
}
