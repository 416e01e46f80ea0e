import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoSellStatus } from '../../../domain/readiness/readiness-types.js';
import { en } from '../../i18n/en.js';

type KnownItem = keyof typeof en.readiness.items;
type KnownStatus = keyof typeof en.readiness.statuses;

function isKnownItem(id: string): id is KnownItem {
  return Object.hasOwn(en.readiness.items, id);
}

function isKnownStatus(id: string): id is KnownStatus {
  return Object.hasOwn(en.readiness.statuses, id);
}

/** "partnerSalesEveryMarket" → "Partner sales every market": a readable name for an item we have no words for. */
export function humaniseId(id: string): string {
  const words = id.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Names for readiness items and co-sell statuses in the person's language. The engine's reason and action
 * name the data they looked at and stay as the engine wrote them; the item's name is ours to translate.
 */
export function useReadinessLabels() {
  const { t } = useTranslation();
  const itemLabel = useCallback(
    (id: string) => (isKnownItem(id) ? t(`readiness.items.${id}`) : humaniseId(id)),
    [t],
  );
  const statusLabel = useCallback(
    (status: CoSellStatus | string) => (isKnownStatus(status) ? t(`readiness.statuses.${status}`) : status),
    [t],
  );
  return { itemLabel, statusLabel };
}
