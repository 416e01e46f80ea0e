import type { RoleCoverage } from './contact-roles.js';

/** What a result card shows of an offer beyond its row: documents and contacts (catalog-repository reads them). */
export interface CardFacts {
  /** Document slots that have a current file. */
  documentSlots: readonly string[];
  /** Per contact role, the countries its contacts name (OOO: all countries). */
  contactCoverage: readonly RoleCoverage[];
}

/**
 * Packs a card's facts into one string, "slotA,slotB|RoleA:NO,SE;RoleB:OOO", for the search index to keep:
 * one string per offer instead of an array per role and per slot list, which at 100,000 offers is the
 * difference between a few MiB and tens. Slot and role ids are taxonomy ids and countries are codes, so none
 * holds a separator.
 */
export function packCardFacts({ documentSlots, contactCoverage }: CardFacts): string {
  // One join of all the parts gives one flat string; templates would keep a tree of the pieces alive.
  const parts: string[] = [documentSlots.join(','), '|'];
  contactCoverage.forEach(({ role, countries }, i) => {
    parts.push(i === 0 ? '' : ';', role, ':', countries.join(','));
  });
  return parts.join('');
}

/** The facts packCardFacts packed. */
export function unpackCardFacts(packed: string): CardFacts {
  const bar = packed.indexOf('|');
  const slots = packed.slice(0, bar);
  const coverage = packed.slice(bar + 1);
  return {
    documentSlots: slots === '' ? [] : slots.split(','),
    contactCoverage:
      coverage === ''
        ? []
        : coverage.split(';').map((entry) => {
            const colon = entry.indexOf(':');
            return { role: entry.slice(0, colon), countries: entry.slice(colon + 1).split(',') };
          }),
  };
}
