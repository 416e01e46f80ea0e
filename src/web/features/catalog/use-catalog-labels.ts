import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { swedishLabel } from '../../../domain/catalog/catalog-labels.js';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import { en } from '../../i18n/en.js';
import { useReadinessLabels } from '../readiness/use-readiness-labels.js';
import type { FilterDimension } from './catalog-search-params.js';

type MatchedField = keyof typeof en.catalog.matchedFields;
type TaxonomyDimension = 'platform' | 'segment' | 'solutionType' | 'area' | 'subArea';

const svKinds = {
  platform: 'platforms',
  segment: 'marketSegments',
  solutionType: 'solutionTypes',
  area: 'solutionAreas',
  subArea: 'subAreas',
} as const;

function isMatchedField(id: string): id is MatchedField {
  return Object.hasOwn(en.catalog.matchedFields, id);
}

function isTaxonomyDimension(dimension: string): dimension is TaxonomyDimension {
  return Object.hasOwn(svKinds, dimension);
}

/**
 * Names for the catalogue's ids: taxonomy entries in Swedish where we have translated them (else as the
 * reference data spells them), co-sell statuses and matched fields in the person's language.
 */
export function useCatalogLabels(reference: ReferenceResponse) {
  const { t, i18n } = useTranslation();
  const { statusLabel } = useReadinessLabels();
  const locale = i18n.resolvedLanguage ?? 'en';
  const maps = useMemo(() => {
    const entries = (list: readonly { id: string; label: string }[]) =>
      new Map(list.map((entry) => [entry.id, entry.label]));
    return {
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
  }, [reference]);

  const valueLabel = useCallback(
    (dimension: FilterDimension, id: string): string => {
      if (dimension === 'status') return statusLabel(id);
      if (locale === 'sv' && isTaxonomyDimension(dimension)) {
        const sv = swedishLabel(svKinds[dimension], id, reference.taxonomyVersion);
        if (sv) return sv;
      }
      return maps[dimension].get(id) ?? id;
    },
    [maps, statusLabel, locale, reference.taxonomyVersion],
  );
  const countryName = useCallback((code: string) => maps.country.get(code) ?? code, [maps]);
  const roleLabel = useCallback((id: string) => maps.role.get(id) ?? id, [maps]);
  const slotLabel = useCallback((id: string) => maps.slot.get(id) ?? id, [maps]);
  const typeLabel = useCallback((id: string) => maps.offerType.get(id) ?? id, [maps]);

  /**
   * What matched, as the server names it: a field ("name"), a taxonomy entry the words were found in
   * ("area:Security") or a filter applied ("filter:country:SE").
   */
  const matchedLabel = useCallback(
    (token: string): string => {
      if (isMatchedField(token)) return t(`catalog.matchedFields.${token}`);
      const parts = token.split(':');
      const [dimension, id] =
        parts[0] === 'filter' ? [parts[1], parts.slice(2).join(':')] : [parts[0], parts.slice(1).join(':')];
      if (dimension && id && (dimension === 'status' || dimension === 'country' || dimension === 'offerType'))
        return dimension === 'country' ? countryName(id) : valueLabel(dimension, id);
      if (dimension && id && isTaxonomyDimension(dimension)) return valueLabel(dimension, id);
      return token;
    },
    [t, valueLabel, countryName],
  );
  return { valueLabel, countryName, roleLabel, slotLabel, typeLabel, matchedLabel, locale };
}

export type CatalogLabels = ReturnType<typeof useCatalogLabels>;
