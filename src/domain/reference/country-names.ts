import { ALL_COUNTRIES_CODE, type Country, countries } from './taxonomy.js';

// The reference table keeps the codes (the programme's list); its names are the fallback for a code the
// runtime's CLDR data does not name, since a hand-kept list of names in every language would drift.
const referenceNames = new Map(countries.map((c) => [c.code, c.name]));
const displayNames = new Map<string, Intl.DisplayNames | null>();

function regionNames(locale: string): Intl.DisplayNames | null {
  let names = displayNames.get(locale);
  if (names === undefined) {
    try {
      // fallback 'none': an unknown code gives undefined rather than itself, so the reference name can step in.
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    } catch {
      names = null; // A locale the runtime refuses: the reference names.
    }
    displayNames.set(locale, names);
  }
  return names;
}

/**
 * The name of a country or region code in a language: the runtime's (`Intl.DisplayNames`), else `fallback`
 * (a name the caller kept, such as a submission's), else the reference table's English name, else the code
 * itself. `OOO` is `allCountries`, the caller's words for "all countries/regions" in that language.
 */
export function countryName(code: string, locale: string, allCountries: string, fallback?: string): string {
  if (code === ALL_COUNTRIES_CODE) return allCountries;
  let name: string | undefined;
  try {
    name = regionNames(locale)?.of(code);
  } catch {
    name = undefined; // Not a well-formed region code (RangeError).
  }
  return name ?? fallback ?? referenceNames.get(code) ?? code;
}

/**
 * The countries of `list` (by default every country of the reference table) with their names in `locale`,
 * in that language's alphabetical order.
 */
export function namedCountries(locale: string, list: readonly Country[] = countries): Country[] {
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(locale, { sensitivity: 'base' });
  } catch {
    collator = new Intl.Collator('en', { sensitivity: 'base' });
  }
  return list
    .map((c) => ({ code: c.code, name: countryName(c.code, locale, c.code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
