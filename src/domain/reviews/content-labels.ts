import {
  ALL_COUNTRIES_CODE,
  CURRENT_TAXONOMY_VERSION,
  countries,
  getTaxonomy,
  listTaxonomyVersions,
  states,
  type Taxonomy,
  type TaxonomyEntry,
} from '../reference/taxonomy.js';
import type { Labelled, Place } from '../schemas/review-content.js';

const countryNames = new Map(countries.map((c) => [c.code, c.name]));
const stateNames = new Map(states.map((s) => [s.code, s.name]));

/** The taxonomy a frozen listing was written against; the current one when it names none this build ships. */
export function taxonomyFor(version: string | null | undefined): Taxonomy {
  return getTaxonomy(
    version && listTaxonomyVersions().includes(version) ? version : CURRENT_TAXONOMY_VERSION,
  );
}

/** An id with its label from a taxonomy list; an id the list lacks keeps itself as its label. */
export function labelled(list: readonly TaxonomyEntry[], id: string): Labelled {
  return { id, label: list.find((entry) => entry.id === id)?.label ?? id };
}

/** A country or region code with its name; OOO is "all countries/regions" (the web words it). */
export function place(code: string): Place {
  if (code === ALL_COUNTRIES_CODE) return { code, name: 'All countries/regions' };
  return { code, name: countryNames.get(code) ?? code };
}

export function statePlace(code: string): Place {
  return { code, name: stateNames.get(code) ?? code };
}
