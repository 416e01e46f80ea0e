import { rawCountries, rawStates, rawTaxonomies } from './generated/reference-data.js';

/** A labelled entry of a taxonomy list (platform, segment, role, ...). */
export interface TaxonomyEntry {
  readonly id: string;
  readonly label: string;
}

export interface OfferType extends TaxonomyEntry {
  readonly coSell: boolean;
}

export interface SolutionArea extends TaxonomyEntry {
  readonly subAreas: readonly TaxonomyEntry[];
}

export interface DocumentSlot extends TaxonomyEntry {
  readonly requiredForCoSellReady: boolean;
  readonly maxFiles: number;
  readonly visibleToChannelResellers?: boolean;
}

export interface TaxonomyRules {
  readonly platforms: { readonly min: number };
  readonly marketSegments: { readonly min: number };
  readonly solutionType: { readonly exactly: number };
  readonly solutionAreas: {
    readonly min: number;
    readonly max: number;
    readonly subAreasPerArea: { readonly min: number; readonly max: number };
    readonly duplicateAreas: boolean;
  };
  readonly otherDocuments: { readonly max: number };
  readonly documentFileExtensions: readonly string[];
}

/** One programme year's co-sell taxonomy: every enumeration and limit the profile is validated against. */
export interface Taxonomy {
  readonly taxonomyVersion: string;
  readonly rules: TaxonomyRules;
  readonly offerTypes: readonly OfferType[];
  readonly platforms: readonly TaxonomyEntry[];
  readonly marketSegments: readonly TaxonomyEntry[];
  readonly solutionTypes: readonly TaxonomyEntry[];
  readonly solutionAreas: readonly SolutionArea[];
  readonly contactRoles: readonly TaxonomyEntry[];
  readonly documentSlots: readonly DocumentSlot[];
  readonly coSellStatuses: readonly TaxonomyEntry[];
}

export interface Country {
  readonly code: string;
  readonly name: string;
}

export interface StateProvince {
  readonly code: string;
  readonly name: string;
  readonly country: string;
}

const taxonomies: Readonly<Record<string, Taxonomy>> = rawTaxonomies;

/** The taxonomy version new profiles are written against. */
export const CURRENT_TAXONOMY_VERSION = '2020-12';

/** The code that stands for "all countries/regions" in a contact's country list. */
export const ALL_COUNTRIES_CODE = 'OOO';

/** Every taxonomy version the product can validate against. */
export function listTaxonomyVersions(): string[] {
  return Object.keys(taxonomies);
}

/** Returns the taxonomy of a version; throws for a version the product does not ship. */
export function getTaxonomy(version: string = CURRENT_TAXONOMY_VERSION): Taxonomy {
  // Own keys only: 'toString' or 'constructor' must not come back from the object's prototype.
  const taxonomy = Object.hasOwn(taxonomies, version) ? taxonomies[version] : undefined;
  if (!taxonomy) throw new Error(`Unknown taxonomy version ${version}`);
  return taxonomy;
}

/** Countries and regions a contact or a market may name, without the `OOO` pseudo-country. */
export const countries: readonly Country[] = rawCountries.filter((c) => c.code !== ALL_COUNTRIES_CODE);

/** The country table's `OOO` row: a contact's countries may hold it alone, for all countries/regions. */
export const allCountries: Country = (() => {
  const row = rawCountries.find((c) => c.code === ALL_COUNTRIES_CODE);
  if (!row) throw new Error(`reference/co-sell-countries.csv has no ${ALL_COUNTRIES_CODE} row`);
  return row;
})();

/** States and provinces, each belonging to one country. */
export const states: readonly StateProvince[] = rawStates;

const countryCodes = new Set(countries.map((c) => c.code));

/** True when `code` is a two-letter country or region code from the reference table. */
export function isCountryCode(code: string): boolean {
  return countryCodes.has(code);
}
