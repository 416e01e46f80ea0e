import type { Offer } from '../../../domain/schemas/offers.js';

/** A market list for a table cell: the first codes, then how many more ("SE, US +3"); empty is "". */
export function formatMarkets(codes: readonly string[], shown = 2): string {
  const head = codes.slice(0, shown).join(', ');
  const rest = codes.length - shown;
  return rest > 0 ? `${head} +${rest}` : head;
}

export const offerSortColumns = ['name', 'type', 'state', 'markets', 'coSellStatus', 'updated'] as const;
export type OfferSortColumn = (typeof offerSortColumns)[number];
export type SortDirection = 'ascending' | 'descending';

export interface OfferSort {
  column: OfferSortColumn;
  direction: SortDirection;
}

/** Labels the person sees, so sorting follows what is on screen rather than ids. */
export interface OfferSortLabels {
  typeLabel: (offerType: string) => string;
  stateLabel: (state: Offer['state']) => string;
  statusLabel: (status: string) => string;
  locale: string;
}

/**
 * The offers in the chosen order; ties keep the newest change first so the order is stable. Markets sort by
 * how many there are.
 */
export function sortOffers(offers: readonly Offer[], sort: OfferSort, labels: OfferSortLabels): Offer[] {
  const collator = new Intl.Collator(labels.locale, { sensitivity: 'base', numeric: true });
  const compareText = (a: string, b: string) => collator.compare(a, b);
  const byColumn: Record<OfferSortColumn, (a: Offer, b: Offer) => number> = {
    name: (a, b) => compareText(a.name, b.name),
    type: (a, b) => compareText(labels.typeLabel(a.offerType), labels.typeLabel(b.offerType)),
    state: (a, b) => compareText(labels.stateLabel(a.state), labels.stateLabel(b.state)),
    markets: (a, b) => a.markets.length - b.markets.length,
    coSellStatus: (a, b) =>
      compareText(labels.statusLabel(a.coSellStatus), labels.statusLabel(b.coSellStatus)),
    updated: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
  };
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...offers].sort(
    (a, b) => sign * byColumn[sort.column](a, b) || b.updatedAt.localeCompare(a.updatedAt),
  );
}
