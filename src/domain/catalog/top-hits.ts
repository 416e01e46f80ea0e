/** Where a page starts: after this hit in rank order (the cursor). */
export interface RankedPosition {
  rank: number;
  score: number;
  id: string;
}

interface Kept extends RankedPosition {
  slot: number;
}

/**
 * The best `size` hits after a cursor, kept in rank order as offers are seen, so a page needs no sort of all
 * the matches. Rank order: status rank (high first), then score (high first), then offer id. Most offers
 * are turned away by comparing two numbers with the worst kept one; only ties look at the offer id.
 */
export class TopHits {
  private readonly entries: Kept[] = [];
  private worst: Kept | undefined;
  /** No offer of a lower status rank can be kept any more (the page is full of better ones). */
  lowestRank = Number.NEGATIVE_INFINITY;
  /** No offer of a higher status rank can be kept (the cursor is past them). */
  readonly highestRank: number;

  constructor(
    private readonly size: number,
    private readonly after: RankedPosition | null,
    private readonly idOf: (slot: number) => string,
  ) {
    this.highestRank = after === null ? Number.POSITIVE_INFINITY : after.rank;
  }

  /** Keeps the hit if it belongs on the page so far. Callers may skip ranks outside lowestRank..highestRank. */
  offer(slot: number, rank: number, score: number): void {
    const after = this.after;
    if (after !== null) {
      if (rank > after.rank) return;
      if (rank === after.rank) {
        if (score > after.score) return;
        if (score === after.score && this.idOf(slot) <= after.id) return;
      }
    }
    const worst = this.worst;
    if (worst !== undefined) {
      if (rank < worst.rank) return;
      if (rank === worst.rank) {
        if (score < worst.score) return;
        if (score === worst.score && this.idOf(slot) >= worst.id) return;
      }
    }
    const entry: Kept = { slot, rank, score, id: this.idOf(slot) };
    const entries = this.entries;
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(entries[mid] as Kept, entry)) lo = mid + 1;
      else hi = mid;
    }
    entries.splice(lo, 0, entry);
    if (entries.length > this.size) entries.pop();
    if (entries.length === this.size) {
      this.worst = entries[entries.length - 1];
      this.lowestRank = this.worst?.rank ?? Number.NEGATIVE_INFINITY;
    }
  }

  /** The kept hits, in rank order. */
  kept(): readonly Kept[] {
    return this.entries;
  }
}

/** Rank order: status rank (high first), then score (high first), then offer id. */
function before(a: RankedPosition, b: RankedPosition): boolean {
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (a.score !== b.score) return a.score > b.score;
  return a.id < b.id;
}
