import { swedishLabel } from '../../../domain/catalog/catalog-labels.js';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import { en } from '../../i18n/en.js';
import { type FilterDimension, filterDimensions } from './catalog-search-params.js';

type MatchedField = keyof typeof en.catalog.matchedFields;
type TaxonomyDimension = 'platform' | 'segment' | 'solutionType' | 'area' | 'subArea';

const svKinds = {
  platform: 'platforms',
  segment: 'marketSegments',
  solutionType: 'solutionTypes',
  area: 'solutionAreas',
  subArea: 'subAreas',
} as const;

/** How many country names a card lists before "and N more". */
const MARKETS_SHOWN = 5;

function isMatchedField(id: string): id is MatchedField {
  return Object.hasOwn(en.catalog.matchedFields, id);
}

function isTaxonomyDimension(dimension: string): dimension is TaxonomyDimension {
  return Object.hasOwn(svKinds, dimension);
}

function isFilterDimension(dimension: string): dimension is FilterDimension {
  return (filterDimensions as readonly string[]).includes(dimension);
}

/** What the catalogue's words are made with: the person's language, and the names kept elsewhere. */
export interface CatalogTextDeps {
  translate: (key: string, params?: Record<string, unknown>) => string;
  locale: string;
  /** A co-sell status in the person's language (readiness labels). */
  statusLabel: (status: string) => string;
  /** A document slot's name in the person's language, else the name the server gave. */
  slotText: (slot: string, serverLabel: string) => string;
}

/**
 * Names for the catalogue's ids: taxonomy entries in Swedish where we have translated them (else as the
 * reference data spells them), statuses, slots and matched fields in the person's language; and the phrases
 * a result card is made of. Pure, so both languages can be tested without rendering.
 */
export function catalogTexts(reference: ReferenceResponse, deps: CatalogTextDeps) {
  const { translate, locale } = deps;
  const entries = (list: readonly { id: string; label: string }[]) =>
    new Map(list.map((entry) => [entry.id, entry.label]));
  const maps = {
    platform: entries(reference.platforms),
    segment: entries(reference.marketSegments),
    solutionType: entries(reference.solutionTypes),
    area: entries(reference.solutionAreas),
    subArea: entries(reference.solutionAreas.flatMap((area) => area.subAreas)),
    offerType: entries(reference.offerTypes),
    country: new Map(reference.countries.map((c) => [c.code, c.name])),
    role: entries(reference.contactRoles),
    slot: entries(reference.documentSlots),
  };

  const valueLabel = (dimension: FilterDimension, id: string): string => {
    if (dimension === 'status') return deps.statusLabel(id);
    if (locale === 'sv' && isTaxonomyDimension(dimension)) {
      const sv = swedishLabel(svKinds[dimension], id, reference.taxonomyVersion);
      if (sv) return sv;
    }
    return maps[dimension].get(id) ?? id;
  };
  const countryName = (code: string) => maps.country.get(code) ?? code;
  const roleLabel = (id: string) => maps.role.get(id) ?? id;
  const slotLabel = (id: string) => deps.slotText(id, maps.slot.get(id) ?? id);
  const typeLabel = (id: string) => maps.offerType.get(id) ?? id;
  /** Countries as a list joined by "or" in the person's language ("Sweden or Norway"). */
  const countriesOr = (codes: readonly string[]) =>
    new Intl.ListFormat(locale, { type: 'disjunction' }).format(codes.map(countryName));

  /**
   * What matched, in words: a field ("name"), or where the words were found or which filter applied, named
   * with its dimension ("solution area: Data and AI" for "area:DataAndAI" and "filter:area:DataAndAI").
   */
  const matchedLabel = (token: string): string => {
    if (isMatchedField(token)) return translate(`catalog.matchedFields.${token}`);
    const parts = token.split(':');
    const [dimension, id] =
      parts[0] === 'filter' ? [parts[1], parts.slice(2).join(':')] : [parts[0], parts.slice(1).join(':')];
    if (!dimension || !id || !isFilterDimension(dimension)) return token;
    return translate('catalog.matchedIn', {
      dimension: translate(`catalog.matchedDimensions.${dimension}`),
      value: dimension === 'country' ? countryName(id) : valueLabel(dimension, id),
    });
  };

  /**
   * A card's markets: "Worldwide", or the countries the seller filtered by first, then the others, the first
   * few by name and the rest counted.
   */
  const marketsText = (
    item: { markets: readonly string[]; worldwide: boolean },
    chosen: readonly string[],
  ) => {
    if (item.worldwide) return translate('catalog.card.worldwide');
    if (item.markets.length === 0) return translate('catalog.card.none');
    const first = item.markets.filter((code) => chosen.includes(code));
    const ordered = [...first, ...item.markets.filter((code) => !chosen.includes(code))];
    const names = ordered.slice(0, MARKETS_SHOWN).map(countryName);
    const rest = ordered.length - names.length;
    const list = names.join(', ');
    return rest === 0 ? list : translate('catalog.card.moreMarkets', { list, count: rest });
  };

  return {
    valueLabel,
    countryName,
    roleLabel,
    slotLabel,
    typeLabel,
    matchedLabel,
    marketsText,
    countriesOr,
    locale,
  };
}

export type CatalogLabels = ReturnType<typeof catalogTexts>;
