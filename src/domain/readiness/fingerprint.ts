import type { ReadinessInput } from './readiness-types.js';

/** The parts of a fingerprint, in the order they appear in it, with the words a reason uses for each. */
export const FINGERPRINT_CATEGORIES = [
  { id: 'organization', label: 'organisation profile' },
  { id: 'offer', label: 'offer' },
  { id: 'listing', label: 'listing' },
  { id: 'documents', label: 'documents' },
  { id: 'contacts', label: 'contacts' },
] as const;

export type FingerprintCategory = (typeof FINGERPRINT_CATEGORIES)[number]['id'];

const FORMAT = 'r1';

/** cyrb53: a small, fast, well-mixed 53-bit string hash (public domain, bryc), as 14 hex digits. */
export function cyrb53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return hash.toString(16).padStart(14, '0');
}

const sorted = (values: readonly string[]): string[] => [...values].sort();

/** The canonical data of each category: only what co-sell ready looks at, with order-free lists sorted. */
function canonicalParts(
  input: ReadinessInput,
  documentSlots: readonly string[],
): Record<FingerprintCategory, unknown> {
  const { organization: org, offer, listing } = input;
  return {
    organization: [org.partnerId, org.legalName, org.website, org.headquartersCountry, org.description],
    offer: [offer.offerType, offer.state, sorted(offer.markets)],
    listing: listing && [
      listing.taxonomyVersion,
      sorted(listing.platforms),
      sorted(listing.marketSegments),
      listing.solutionType,
      listing.solutionAreas
        .map((a) => JSON.stringify([a.area, sorted(a.subAreas)]))
        .sort()
        .map((a) => JSON.parse(a) as unknown),
    ],
    // Presence of each required slot, plus the file's sha256 when the server passes it.
    documents: sorted(documentSlots).map((slot) => {
      const current = input.documents.filter((d) => d.slot === slot);
      return [slot, current.length > 0, sorted(current.flatMap((d) => (d.sha256 ? [d.sha256] : [])))];
    }),
    contacts: input.contacts.map((c) => JSON.stringify([c.role, sorted(c.countries)])).sort(),
  };
}

/**
 * A stable fingerprint of the data co-sell ready depends on: one hash per category (organisation profile,
 * offer, listing, required documents, contacts) so that a changed approval can say what changed. Pure and
 * free of node:crypto, so the web app computes the same value.
 */
export function computeReadinessFingerprint(input: ReadinessInput, documentSlots: readonly string[]): string {
  const parts = canonicalParts(input, documentSlots);
  const hashes = FINGERPRINT_CATEGORIES.map((c) => cyrb53(JSON.stringify(parts[c.id] ?? null)));
  return `${FORMAT}.${hashes.join('.')}`;
}

/**
 * The categories that differ between an approved fingerprint and the current one, in category order. A
 * fingerprint of another format (or garbage) cannot be compared part by part: that returns null.
 */
export function findChangedCategories(approved: string, current: string): FingerprintCategory[] | null {
  const a = approved.split('.');
  const b = current.split('.');
  const size = FINGERPRINT_CATEGORIES.length + 1;
  if (a[0] !== FORMAT || b[0] !== FORMAT || a.length !== size || b.length !== size) return null;
  return FINGERPRINT_CATEGORIES.filter((_, i) => a[i + 1] !== b[i + 1]).map((c) => c.id);
}
