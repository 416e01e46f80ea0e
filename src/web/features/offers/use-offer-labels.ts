import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../domain/schemas/offers.js';
import { useReference } from '../../api/reference-queries.js';
import { en } from '../../i18n/en.js';

type KnownStatus = keyof typeof en.offers.coSellStatuses;

function isKnownStatus(status: string): status is KnownStatus {
  return Object.hasOwn(en.offers.coSellStatuses, status);
}

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
  const statusLabel = useCallback(
    (status: string) =>
      isKnownStatus(status)
        ? t(`offers.coSellStatuses.${status}`)
        : (reference.data?.coSellStatuses.find((s) => s.id === status)?.label ?? status),
    [t, reference.data],
  );
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
