import { offerSections } from '../../../domain/schemas/notifications.js';

/** The sections of the co-sell tab, each with an address of its own: /offers/:id/co-sell/<section>. */
export const coSellSections = offerSections;
export type CoSellSection = (typeof coSellSections)[number];

/** What the offer's page shows: one of its tabs, and on the co-sell tab one of its sections. */
export type OfferView = { tab: 'setup' } | { tab: 'history' } | { tab: 'cosell'; section: CoSellSection };
export type OfferTab = OfferView['tab'];

export function isCoSellSection(value: unknown): value is CoSellSection {
  return typeof value === 'string' && (coSellSections as readonly string[]).includes(value);
}

/**
 * The address of a view of an offer's page: /offers/:id (setup), /offers/:id/co-sell/listing,
 * /offers/:id/history. A reload or a shared link opens the same view.
 */
export function offerPagePath(offerId: string, view: OfferView = { tab: 'setup' }): string {
  const base = `/offers/${encodeURIComponent(offerId)}`;
  if (view.tab === 'setup') return base;
  if (view.tab === 'history') return `${base}/history`;
  return `${base}/co-sell/${view.section}`;
}

/**
 * What an address under /offers/:id names: `rest` is what follows the offer's id ('', 'co-sell/listing',
 * 'history'), `legacyTab` the ?tab= of older links and notifications (setup, cosell, history). Undefined for
 * anything else, which is a page that does not exist.
 */
export function readOfferView(rest: string, legacyTab: string | null): OfferView | undefined {
  const parts = rest.split('/').filter(Boolean);
  const [first, second, ...more] = parts;
  if (more.length > 0) return undefined;
  if (first === undefined) {
    if (legacyTab === 'cosell') return { tab: 'cosell', section: 'readiness' };
    if (legacyTab === 'history') return { tab: 'history' };
    return { tab: 'setup' };
  }
  if (first === 'history' && second === undefined) return { tab: 'history' };
  if (first === 'co-sell') {
    if (second === undefined) return { tab: 'cosell', section: 'readiness' };
    if (isCoSellSection(second)) return { tab: 'cosell', section: second };
  }
  return undefined;
}
