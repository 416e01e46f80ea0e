import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../domain/schemas/offers.js';
import { useReference } from '../../api/reference-queries.js';
import { useReadinessLabels } from '../readiness/use-readiness-labels.js';

/**
 * Names for what an offer shows by id. Offer types come from the reference data (English, as they are data);
 * states and co-sell statuses are the product's own words and are translated.
 */
export function useOfferLabels() {
  const { t, i18n } = useTranslation();
  const reference = useReference();
  const typeLabels = useMemo(
    () => new Map((reference.data?.offerTypes ?? []).map((type) => [type.id, type.label])),
    [reference.data],
  );
  const typeLabel = useCallback((offerType: string) => typeLabels.get(offerType) ?? offerType, [typeLabels]);
  const stateLabel = useCallback((state: Offer['state']) => t(`offers.states.${state}`), [t]);
  // The readiness panel's words for a status, so the list and the panel cannot name one differently.
  const { statusLabel } = useReadinessLabels();
  const countryName = useCallback(
    (code: string) => reference.data?.countries.find((c) => c.code === code)?.name ?? code,
    [reference.data],
  );
  return {
    typeLabel,
    stateLabel,
    statusLabel,
    countryName,
    locale: i18n.resolvedLanguage ?? 'en',
  };
}
