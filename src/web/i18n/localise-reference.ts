import { type LabelKind, swedishLabel } from '../../domain/catalog/catalog-labels.js';
import { namedCountries } from '../../domain/reference/country-names.js';
import type { ReferenceResponse } from '../../domain/schemas/reference.js';

/** What naming the reference data needs: the reader's language and the dictionary's words by key. */
export interface ReferenceWords {
  locale: string;
  /** The words at `key`, or undefined when the dictionary has none. */
  text(key: string): string | undefined;
}

type Entry = { id: string; label: string };

/**
 * The reference data with every label a person reads in their language: taxonomy entries, offer types and
 * contact roles (our Swedish translation of the programme's lists, reference/taxonomy-*.sv.json), document
 * slots and co-sell statuses from the dictionaries, and country names from the runtime (`Intl.DisplayNames`),
 * sorted as that language sorts. Ids and codes stay as they are; what the dictionaries lack keeps the reference data's English.
 */
export function localiseReference(reference: ReferenceResponse, words: ReferenceWords): ReferenceResponse {
  const { locale, text } = words;
  const version = reference.taxonomyVersion;
  const taxonomy = <T extends Entry>(kind: LabelKind, list: readonly T[]): T[] =>
    list.map((entry) => ({
      ...entry,
      label: (locale === 'sv' ? swedishLabel(kind, entry.id, version) : undefined) ?? entry.label,
    }));
  const fromDictionary = <T extends Entry>(prefix: string, list: readonly T[]): T[] =>
    list.map((entry) => ({ ...entry, label: text(`${prefix}.${entry.id}`) ?? entry.label }));
  return {
    ...reference,
    platforms: taxonomy('platforms', reference.platforms),
    marketSegments: taxonomy('marketSegments', reference.marketSegments),
    solutionTypes: taxonomy('solutionTypes', reference.solutionTypes),
    solutionAreas: taxonomy('solutionAreas', reference.solutionAreas).map((area) => ({
      ...area,
      subAreas: taxonomy('subAreas', area.subAreas),
    })),
    offerTypes: taxonomy('offerTypes', reference.offerTypes),
    contactRoles: taxonomy('contactRoles', reference.contactRoles),
    documentSlots: fromDictionary('documents.slots', reference.documentSlots),
    coSellStatuses: fromDictionary('readiness.statuses', reference.coSellStatuses),
    countries: namedCountries(locale, reference.countries),
    allCountries: {
      ...reference.allCountries,
      name: text('contacts.allCountries') ?? reference.allCountries.name,
    },
  };
}
