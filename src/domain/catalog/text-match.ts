import { WEIGHT_OF_FIELDS } from './fields.js';
import type { ByteList, IntList } from './growable.js';
import type { Expansion } from './vocabulary.js';

/** The offers (slots, ascending) a word stands in, and the fields (FIELD bits) it stands in there. */
export interface Postings {
  slots: IntList;
  fields: ByteList;
}

/**
 * The offers one search term finds, slots ascending, with per slot the fields of all the words it found
 * there and the term's weight: its best word's field weight times how well the term found that word. A term
 * that found one word is that word's postings as they are (no copy): its weight is then
 * WEIGHT_OF_FIELDS[fields] * quality, and `weights` is null.
 */
export interface TermMatches {
  readonly slots: Int32Array;
  readonly fields: Uint8Array;
  readonly weights: Float64Array | null;
  readonly quality: number;
}

/**
 * The offers every term found (slots ascending, `length` of them), with the sum of the terms' weights: in
 * `scores`, or, for one term of one word, worked out from `fields` and `quality` as TermMatches says.
 */
export interface Candidates {
  readonly slots: Int32Array;
  readonly length: number;
  readonly scores: Float64Array | null;
  readonly fields: Uint8Array | null;
  readonly quality: number;
}

/** A term's weight at its i-th slot. */
export function weightAt(term: TermMatches, i: number): number {
  return term.weights
    ? (term.weights[i] as number)
    : (WEIGHT_OF_FIELDS[term.fields[i] as number] as number) * term.quality;
}

/** Space reused by every search, sized to the index's slots: nothing in it outlives one call. */
export class MatchScratch {
  private size = 0;
  /** One bit per slot: which slots a union has reached. */
  marks = new Int32Array(0);
  best = new Float64Array(0);
  bits = new Uint8Array(0);
  slots = new Int32Array(0);
  scores = new Float64Array(0);

  /** Makes room for `slots` slots. */
  fit(slots: number): void {
    if (slots <= this.size) return;
    const size = Math.max(slots, this.size * 2, 1024);
    this.size = size;
    this.marks = new Int32Array((size >>> 5) + 1);
    this.best = new Float64Array(size);
    this.bits = new Uint8Array(size);
    this.slots = new Int32Array(size);
    this.scores = new Float64Array(size);
  }
}

/**
 * What one term finds through the words of its expansion. One word: its postings as they are, weighed. More:
 * their union, each slot once with its best weight and every field, marked in a bitset and read back in slot
 * order (no sort).
 */
export function termMatches(
  expansion: readonly Expansion[],
  postings: readonly (Postings | undefined)[],
  scratch: MatchScratch,
): TermMatches {
  const lists = expansion.flatMap(({ wordId, quality }) => {
    const list = postings[wordId];
    return list && list.slots.length > 0 ? [{ list, quality }] : [];
  });
  const [only] = lists;
  if (!only) return { slots: new Int32Array(0), fields: new Uint8Array(0), weights: null, quality: 1 };
  if (lists.length === 1) {
    const { list, quality } = only;
    const length = list.slots.length;
    return {
      slots: list.slots.data.subarray(0, length),
      fields: list.fields.data.subarray(0, length),
      weights: null,
      quality,
    };
  }
  const { marks, best, bits } = scratch;
  let count = 0;
  for (const { list, quality } of lists) {
    const slots = list.slots.data;
    const fieldsOf = list.fields.data;
    const length = list.slots.length;
    for (let i = 0; i < length; i++) {
      const slot = slots[i] as number;
      const fields = fieldsOf[i] as number;
      const weight = (WEIGHT_OF_FIELDS[fields] as number) * quality;
      const word = slot >>> 5;
      const bit = 1 << (slot & 31);
      const marked = marks[word] as number;
      if (marked & bit) {
        if (weight > (best[slot] as number)) best[slot] = weight;
        bits[slot] = (bits[slot] as number) | fields;
      } else {
        marks[word] = marked | bit;
        best[slot] = weight;
        bits[slot] = fields;
        count++;
      }
    }
  }
  const slots = new Int32Array(count);
  const weights = new Float64Array(count);
  const fields = new Uint8Array(count);
  let k = 0;
  for (let word = 0; k < count; word++) {
    let marked = marks[word] as number;
    if (marked === 0) continue;
    marks[word] = 0;
    while (marked !== 0) {
      const low = marked & -marked;
      const slot = (word << 5) + 31 - Math.clz32(low);
      slots[k] = slot;
      weights[k] = best[slot] as number;
      fields[k] = bits[slot] as number;
      k++;
      marked ^= low;
    }
  }
  return { slots, fields, weights, quality: 1 };
}

/**
 * The slots every term found, with their summed weights: the shortest list leads, and each of its slots is
 * looked for in the next list by galloping (doubling steps, then halving) from where the last one was found,
 * then in the next only if found, and so on; so a rare term against a common one costs little more than the
 * rare one's length, and a weight is summed only for the slots every term found.
 */
export function intersect(terms: readonly TermMatches[], scratch: MatchScratch): Candidates {
  const order = [...terms].sort((a, b) => a.slots.length - b.slots.length);
  const [first] = order;
  if (!first) return { slots: scratch.slots, length: 0, scores: null, fields: null, quality: 1 };
  if (order.length === 1)
    return {
      slots: first.slots,
      length: first.slots.length,
      scores: first.weights,
      fields: first.fields,
      quality: first.quality,
    };
  const others = order.length - 1;
  // Per other term, where in its list the last slot looked for was.
  const at = new Int32Array(others);
  const { slots, scores } = scratch;
  const leading = first.slots;
  const length = leading.length;
  let kept = 0;
  lead: for (let i = 0; i < length; i++) {
    const slot = leading[i] as number;
    for (let t = 0; t < others; t++) {
      const list = (order[t + 1] as TermMatches).slots;
      const end = list.length;
      let j = at[t] as number;
      if (j < end && (list[j] as number) < slot) j = gallop(list, end, j, slot);
      at[t] = j;
      // One list ran out: no later slot of the leading list can be in every list.
      if (j === end) break lead;
      if (list[j] !== slot) continue lead;
    }
    let score = weightAt(first, i);
    for (let t = 0; t < others; t++) score += weightAt(order[t + 1] as TermMatches, at[t] as number);
    slots[kept] = slot;
    scores[kept] = score;
    kept++;
  }
  return { slots, length: kept, scores, fields: null, quality: 1 };
}

/** The first index after `from` (where list[from] < slot) whose slot is at least `slot`, or `end`. */
function gallop(list: Int32Array, end: number, from: number, slot: number): number {
  let below = from;
  let step = 1;
  let above = from + 1;
  while (above < end && (list[above] as number) < slot) {
    below = above;
    step <<= 1;
    above = from + step;
  }
  if (above > end) above = end;
  let lo = below + 1;
  let hi = above;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < slot) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The fields (FIELD bits) a term was found in at a slot, 0 if it was not. */
export function fieldsAt(term: TermMatches, slot: number): number {
  const { slots } = term;
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((slots[mid] as number) < slot) lo = mid + 1;
    else hi = mid;
  }
  return slots[lo] === slot ? (term.fields[lo] as number) : 0;
}
