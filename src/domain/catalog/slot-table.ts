import { WEIGHT_OF_FIELDS } from './fields.js';
import type { Candidates } from './text-match.js';
import type { TopHits } from './top-hits.js';

/** Facets per slot: the catalogue's eight (catalog-schema's CATALOG_FACETS). */
const FACETS = 8;
/** A slot's run: where each facet's values end, then the values. */
const HEADER = FACETS;
const ALIVE = 1;
const CSP = 2;
const RANK_SHIFT = 2;
/** Value numbers are 16 bits: far more than the catalogue's facets have (countries and taxonomy ids). */
export const MAX_FACET_VALUES = 0xffff;

/** A slot table's arrays: its runs, where each slot's run starts, each slot's flags. */
export interface SlotTableParts {
  data: Uint16Array;
  start: Int32Array;
  flags: Uint8Array;
}

/**
 * Per slot, everything a search reads of a candidate: its flags (alive, sold through CSP, status rank) in a
 * byte array of their own, read first and dense enough to stay in the processor's cache; then, in one run of
 * 16-bit numbers, where each facet's values end and the values (numbered across all facets). One run per
 * slot means one or two cache lines per candidate counted: at 100,000 offers the old columns (five arrays
 * per candidate) no longer fitted in the caches, and reading them cost more than the counting itself.
 */
export class SlotTable {
  private data = new Uint16Array(4096);
  private used = 0;
  /** Per slot, where its run starts in `data`. */
  private start = new Int32Array(1024);
  /**
   * Per slot, its flags again, one byte each: what a pass reads first for every candidate, dense enough to
   * stay in the processor's cache (a tenth of `data`) where most candidates are turned away.
   */
  private flagsOf = new Uint8Array(1024);
  private slots = 0;

  get length(): number {
    return this.slots;
  }

  /** What the table holds, as views of its arrays (an index snapshot writes them as they are). */
  parts(): SlotTableParts {
    return {
      data: this.data.subarray(0, this.used),
      start: this.start.subarray(0, this.slots),
      flags: this.flagsOf.subarray(0, this.slots),
    };
  }

  /** A table holding `parts` (which it takes over, not copies), as `parts()` gave them. */
  static fromParts(parts: SlotTableParts): SlotTable {
    const table = new SlotTable();
    const slots = parts.start.length;
    if (parts.flags.length !== slots) throw new Error('slot table parts of different lengths');
    for (let slot = 0; slot < slots; slot++) {
      const at = parts.start[slot] as number;
      if (
        at + HEADER > parts.data.length ||
        at + HEADER + (parts.data[at + FACETS - 1] as number) > parts.data.length
      )
        throw new Error('a slot table run past its data');
    }
    // Room to grow by a doubling, as `reserve` would leave it.
    table.data = new Uint16Array(Math.max(4096, parts.data.length * 2));
    table.data.set(parts.data);
    table.used = parts.data.length;
    table.start = new Int32Array(Math.max(1024, slots * 2));
    table.start.set(parts.start);
    table.flagsOf = new Uint8Array(table.start.length);
    table.flagsOf.set(parts.flags);
    table.slots = slots;
    return table;
  }

  /** Appends a slot (alive) with its facets' value numbers, in facet order; returns its number. */
  add(csp: boolean, rank: number, facets: readonly (readonly number[])[]): number {
    let size = HEADER;
    for (const values of facets) size += values.length;
    this.reserve(size);
    const slot = this.slots++;
    const at = this.used;
    this.start[slot] = at;
    this.flagsOf[slot] = ALIVE | (csp ? CSP : 0) | (rank << RANK_SHIFT);
    let end = 0;
    facets.forEach((values, f) => {
      for (const value of values) this.data[at + HEADER + end++] = value;
      this.data[at + f] = end;
    });
    this.used = at + HEADER + end;
    return slot;
  }

  kill(slot: number): void {
    this.flagsOf[slot] = (this.flagsOf[slot] as number) & ~ALIVE;
  }

  /** A slot's value numbers of all facets, in facet order (to copy it). */
  facetsOf(slot: number): number[][] {
    const at = this.start[slot] as number;
    const facets: number[][] = [];
    let from = 0;
    for (let f = 0; f < FACETS; f++) {
      const to = this.data[at + f] as number;
      facets.push(Array.from(this.data.subarray(at + HEADER + from, at + HEADER + to)));
      from = to;
    }
    return facets;
  }

  flags(slot: number): { csp: boolean; rank: number } {
    const flags = this.flagsOf[slot] as number;
    return { csp: (flags & CSP) !== 0, rank: flags >>> RANK_SHIFT };
  }

  /**
   * The one pass over the candidates (every slot when there are none): each facet is counted without its own
   * filter, so an offer that passes every filter counts in every facet; one that fails a single facet's
   * filter counts in that facet only; one that fails two counts nowhere. Those that pass are offered to the
   * page, if there is one. `filtered` lists the facets with a filter, `wanted` marks the values they accept.
   * Returns how many passed.
   */
  count(
    candidates: Candidates | null,
    cspOnly: boolean,
    filtered: Int32Array,
    wanted: Uint8Array,
    counts: Int32Array,
    page: TopHits | null,
  ): number {
    const data = this.data;
    const start = this.start;
    const flagsOf = this.flagsOf;
    const slots = candidates?.slots;
    const scores = candidates?.scores;
    const fields = candidates?.fields;
    const quality = candidates?.quality ?? 0;
    const length = candidates ? candidates.length : this.slots;
    const filters = filtered.length;
    const need = ALIVE | (cspOnly ? CSP : 0);
    let total = 0;
    for (let i = 0; i < length; i++) {
      const slot = slots ? (slots[i] as number) : i;
      const flags = flagsOf[slot] as number;
      if ((flags & need) !== need) continue;
      const at = start[slot] as number;
      const values = at + HEADER;
      let failed = -1;
      let out = false;
      for (let k = 0; k < filters; k++) {
        const f = filtered[k] as number;
        const end = values + (data[at + f] as number);
        let v = values + (f === 0 ? 0 : (data[at + f - 1] as number));
        while (v < end && wanted[data[v] as number] === 0) v++;
        if (v < end) continue;
        if (failed !== -1) {
          out = true;
          break;
        }
        failed = f;
      }
      if (out) continue;
      // Passing: all the slot's values count; failing one facet: that facet's values only.
      const from = values + (failed <= 0 ? 0 : (data[at + failed - 1] as number));
      const to = values + (data[at + (failed === -1 ? FACETS - 1 : failed)] as number);
      for (let v = from; v < to; v++) {
        const value = data[v] as number;
        counts[value] = (counts[value] as number) + 1;
      }
      if (failed !== -1) continue;
      total++;
      if (page === null) continue;
      // Most offers cannot make the page by their status rank alone: no need to round their score.
      const rank = flags >>> RANK_SHIFT;
      if (rank < page.lowestRank || rank > page.highestRank) continue;
      const score = scores
        ? (scores[i] as number)
        : fields
          ? (WEIGHT_OF_FIELDS[fields[i] as number] as number) * quality
          : 0;
      page.offer(slot, rank, Math.round(score * 1e6) / 1e6);
    }
    return total;
  }

  /**
   * The candidates an audience sees (`count` of them, as `count` found with no filter), in candidate order,
   * with their status ranks and scores rounded as a page shows them.
   */
  seen(
    candidates: Candidates,
    cspOnly: boolean,
    count: number,
  ): { slots: Int32Array; ranks: Uint8Array; scores: Float64Array } {
    const flagsOf = this.flagsOf;
    const { slots, scores, fields, quality, length } = candidates;
    const need = ALIVE | (cspOnly ? CSP : 0);
    const seenSlots = new Int32Array(count);
    const ranks = new Uint8Array(count);
    const seenScores = new Float64Array(count);
    let n = 0;
    for (let i = 0; i < length && n < count; i++) {
      const slot = slots[i] as number;
      const flags = flagsOf[slot] as number;
      if ((flags & need) !== need) continue;
      const score = scores
        ? (scores[i] as number)
        : (WEIGHT_OF_FIELDS[(fields as Uint8Array)[i] as number] as number) * quality;
      seenSlots[n] = slot;
      ranks[n] = flags >>> RANK_SHIFT;
      seenScores[n] = Math.round(score * 1e6) / 1e6;
      n++;
    }
    return { slots: seenSlots, ranks, scores: seenScores };
  }

  private reserve(size: number): void {
    if (this.used + size > this.data.length) {
      const data = new Uint16Array(Math.max(this.data.length * 2, this.used + size));
      data.set(this.data);
      this.data = data;
    }
    if (this.slots === this.start.length) {
      const start = new Int32Array(this.start.length * 2);
      start.set(this.start);
      this.start = start;
      const flagsOf = new Uint8Array(this.flagsOf.length * 2);
      flagsOf.set(this.flagsOf);
      this.flagsOf = flagsOf;
    }
  }
}
