import type { HistoryRow } from '../../db/repositories/history-repository.js';
import type { OfferListRow } from '../../db/repositories/offer-repository.js';
import { getTaxonomy } from '../../domain/reference/taxonomy.js';
import type { HistoryEntry, Offer } from '../../domain/schemas/offers.js';

/** Whether an offer type has a co-sell profile, by the current taxonomy. */
export function isCoSellOfferType(offerType: string): boolean {
  return getTaxonomy().offerTypes.some((t) => t.id === offerType && t.coSell);
}

export function presentOffer(row: OfferListRow): Offer {
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    name: row.name,
    offerType: row.offerType,
    coSellAvailable: isCoSellOfferType(row.offerType),
    summary: row.summary,
    description: row.description,
    markets: row.markets,
    soldThroughCsp: row.soldThroughCsp,
    state: row.state,
    // Computed by readiness-service's refreshCoSellStatus after every change that can affect it.
    coSellStatus: row.coSellStatus,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

export function presentHistory(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { id: row.actorId, name: row.actorName },
    subject: row.subject,
    action: row.action,
    summary: row.summary,
    summaryMessage: row.summaryMessage ?? null,
    changes: row.changes,
  };
}
