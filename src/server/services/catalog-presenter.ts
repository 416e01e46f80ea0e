import { type CardFacts, unpackCardFacts } from '../../domain/catalog/card-facts.js';
import { searchLabelWords } from '../../domain/catalog/catalog-labels.js';
import { CATALOG_FACETS, type CatalogItem } from '../../domain/catalog/catalog-schema.js';
import { contactRolesFor } from '../../domain/catalog/contact-roles.js';
import { type CatalogFacetName, type CatalogHit, FIELD } from '../../domain/catalog/search-index.js';
import { coversEveryCountry } from '../../domain/markets.js';
import { getTaxonomy } from '../../domain/reference/taxonomy.js';
import { type SellingAudience, seesSlot } from '../access/audience.js';

type Filters = Partial<Record<CatalogFacetName, readonly string[]>>;

/** What a page of results is presented with: the search's words and filters, and who reads it. */
export interface CatalogPresentation {
  audience: SellingAudience;
  filters: Filters;
  /** For each term of the search, the words of the catalogue it found (CatalogSearchResult.termWords). */
  termWords: readonly ReadonlySet<string>[];
}

/** A hit's values of a facet, to say which filters it met. */
function facetValues(hit: CatalogHit, facet: CatalogFacetName): readonly (string | null)[] {
  switch (facet) {
    case 'platform':
      return hit.platforms;
    case 'segment':
      return hit.segments;
    case 'solutionType':
      return [hit.solutionType];
    case 'area':
      return hit.areas;
    case 'subArea':
      return hit.subAreas;
    case 'country':
      return hit.markets;
    case 'offerType':
      return [hit.offerType];
    case 'status':
      return [hit.coSellStatus];
  }
}

/**
 * Why a hit matched: the fields each term was found in (name and summary as the index found them, taxonomy
 * labels through the words the search found for the term), then the filters that applied. A term found in
 * none of these fields was found in the description.
 */
/** The facets whose taxonomy labels a search finds offers by, with their label kind and reason prefix. */
const LABELLED = [
  { values: (hit: CatalogHit) => hit.platforms, kind: 'platforms', prefix: 'platform' },
  { values: (hit: CatalogHit) => hit.areas, kind: 'solutionAreas', prefix: 'area' },
  { values: (hit: CatalogHit) => hit.subAreas, kind: 'subAreas', prefix: 'subArea' },
] as const;

/**
 * Per label kind and id, its reason ("platform:Azure") and its label words, for the taxonomy in use: every
 * hit found through a label looks them up, so they are made once rather than per hit.
 */
const labelled = new Map<string, { reason: string; words: readonly string[] }>();
let labelledFor: unknown;

function labelReason(
  kind: (typeof LABELLED)[number]['kind'],
  prefix: string,
  id: string,
): { reason: string; words: readonly string[] } {
  const taxonomy = getTaxonomy();
  if (labelledFor !== taxonomy) {
    labelled.clear();
    labelledFor = taxonomy;
  }
  const key = `${kind}:${id}`;
  let known = labelled.get(key);
  if (!known) {
    known = { reason: `${prefix}:${id}`, words: searchLabelWords(kind, id) };
    labelled.set(key, known);
  }
  return known;
}

export function matchReasons(
  hit: CatalogHit,
  termWords: readonly ReadonlySet<string>[],
  filters: Filters,
): string[] {
  const matched: string[] = [];
  const add = (reason: string) => {
    if (!matched.includes(reason)) matched.push(reason);
  };
  termWords.forEach((words, t) => {
    const fields = hit.termFields[t] ?? 0;
    let found = false;
    if (fields & FIELD.name) {
      add('name');
      found = true;
    }
    if (fields & FIELD.summary) {
      add('summary');
      found = true;
    }
    if (fields & FIELD.label) {
      for (const { values, kind, prefix } of LABELLED)
        for (const id of values(hit)) {
          const { reason, words: labelWords } = labelReason(kind, prefix, id);
          if (labelWords.some((w) => words.has(w))) {
            add(reason);
            found = true;
          }
        }
    }
    if (!found) add('description');
  });
  for (const facet of CATALOG_FACETS) {
    const chosen = filters[facet];
    if (!chosen) continue;
    const have = facetValues(hit, facet);
    for (const id of chosen) if (have.includes(id)) add(`filter:${facet}:${id}`);
  }
  return matched;
}

/** How many offers' card facts are kept unpacked. */
const UNPACKED_KEPT = 20_000;
const unpacked = new Map<string, CardFacts>();

/**
 * An offer's card facts, unpacked once: the offers that make the first pages come up search after search.
 * Keyed by the packed string itself, so a changed offer (other facts) is never answered with its old ones.
 */
function cardFactsOf(packed: string): CardFacts {
  let facts = unpacked.get(packed);
  if (facts === undefined) {
    if (unpacked.size >= UNPACKED_KEPT) unpacked.clear();
    facts = unpackCardFacts(packed);
    unpacked.set(packed, facts);
  }
  return facts;
}

/**
 * Presents the hits of one search as result cards. Everything a card shows comes with the hit from the index
 * (documents and contact roles included), so this is a little work per hit of one page, done once per
 * distinct search and audience (the engine caches the page). A channel reseller's card names only the slots
 * they may open.
 */
export function catalogItemPresenter({ audience, filters, termWords }: CatalogPresentation) {
  const taxonomy = getTaxonomy();
  const slots = taxonomy.documentSlots.filter((slot) => seesSlot(audience, slot)).map((slot) => slot.id);
  const roles = taxonomy.contactRoles.map((role) => role.id);
  const countries = filters.country ?? [];
  return (hit: CatalogHit): CatalogItem => {
    const { documentSlots, contactCoverage } = cardFactsOf(hit.cardFacts);
    return {
      offerId: hit.offerId,
      name: hit.name,
      offerType: hit.offerType,
      coSellStatus: hit.coSellStatus,
      summary: hit.summary,
      organizationName: hit.organizationName,
      soldThroughCsp: hit.soldThroughCsp,
      markets: [...hit.markets],
      worldwide: coversEveryCountry(hit.markets),
      platforms: [...hit.platforms],
      solutionAreas: [...hit.areas],
      documentSlots: slots.filter((slot) => documentSlots.includes(slot)),
      contactRoles: contactRolesFor(contactCoverage, countries, roles),
      matched: matchReasons(hit, termWords, filters),
    };
  };
}
