import type { CatalogEntry } from '../../db/repositories/catalog-repository.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { OfferRow } from '../../db/repositories/offer-repository.js';
import { searchLabels } from '../../domain/catalog/catalog-labels.js';
import { foldText } from '../../domain/catalog/fold.js';
import { isOpenToSellers, offerFacts } from '../access/offer-facts.js';

/** The first ranking key: incentivized offers first, then co-sell ready, in review, not ready. */
export function statusRank(status: string): number {
  if (status.endsWith('CoSellIncentivized')) return 3;
  if (status === 'CoSellReady') return 2;
  if (status === 'InReview') return 1;
  return 0;
}

/**
 * Brings an offer's catalogue row up to date, in the caller's transaction: written when the offer is live and
 * of a co-sell type, removed otherwise. `offer` may carry a status not yet stored (the refresh computes it).
 */
export async function refreshCatalogEntry(
  r: Repositories,
  offer: OfferRow | string,
  now: Date,
): Promise<void> {
  const row = typeof offer === 'string' ? await r.offers.findById(offer) : offer;
  if (!row) return; // deleted: the foreign key's cascade removed the catalogue row
  // The catalogue holds the offers sellers may see, so that search and the offer page agree.
  if (!isOpenToSellers(offerFacts(row))) {
    await r.catalog.remove(row.id);
    return;
  }
  const listing = await r.listings.findByOfferId(row.id);
  const version = listing?.taxonomyVersion;
  const platforms = [...(listing?.platforms ?? [])];
  const areas = (listing?.solutionAreas ?? []).map((a) => a.area);
  const subAreas = (listing?.solutionAreas ?? []).flatMap((a) => a.subAreas);
  const labels = [
    ...platforms.flatMap((id) => searchLabels('platforms', id, version)),
    ...areas.flatMap((id) => searchLabels('solutionAreas', id, version)),
    ...subAreas.flatMap((id) => searchLabels('subAreas', id, version)),
  ];
  const entry: CatalogEntry = {
    offerId: row.id,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    name: row.name,
    summary: row.summary,
    offerType: row.offerType,
    markets: [...row.markets],
    soldThroughCsp: row.soldThroughCsp,
    coSellStatus: row.coSellStatus,
    statusRank: statusRank(row.coSellStatus),
    platforms,
    segments: [...(listing?.marketSegments ?? [])],
    solutionType: listing?.solutionType ?? null,
    areas,
    subAreas: [...new Set(subAreas)],
    searchText: [
      foldText(row.name),
      foldText(row.summary),
      foldText(row.description),
      ...labels.map(foldText),
    ].join('\n'),
  };
  await r.catalog.upsert(entry, now);
}
