import { FUZZY_MIN_LENGTH, FUZZY_THRESHOLD, MATCH_QUALITY, trigrams } from './fold.js';

/** A word a search term reaches, and how much a hit through it counts (MATCH_QUALITY). */
export interface Expansion {
  wordId: number;
  quality: number;
}

/**
 * Every folded word of the catalogue, numbered, with what a search needs to go from a term to words: a
 * sorted order for prefixes and a trigram index for misspellings. Words are never removed: a word no offer
 * uses any more simply has no postings.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  /** Word ids in word order, up to the words added since the last search (put in place by `order`). */
  private sorted: number[] = [];
  private readonly byTrigram = new Map<string, number[]>();

  get size(): number {
    return this.words.length;
  }

  /** The id of a word, numbering it if it is new. */
  intern(word: string): number {
    const known = this.ids.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    this.words.push(word);
    this.ids.set(word, id);
    for (const gram of trigrams(word)) {
      const list = this.byTrigram.get(gram);
      if (list) list.push(id);
      else this.byTrigram.set(gram, [id]);
    }
    return id;
  }

  /** The words a term finds: itself, words it begins, and (long terms) words close to it. */
  expand(term: string): Expansion[] {
    const order = this.order();
    const found = new Map<number, number>();
    for (let i = this.lowerBound(order, term); i < order.length; i++) {
      const id = order[i] as number;
      const word = this.words[id] as string;
      if (!word.startsWith(term)) break;
      found.set(id, word === term ? MATCH_QUALITY.exact : MATCH_QUALITY.prefix);
    }
    if (term.length >= FUZZY_MIN_LENGTH) {
      const grams = trigrams(term);
      const shared = new Map<number, number>();
      for (const gram of grams) {
        for (const id of this.byTrigram.get(gram) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
      }
      for (const [id, count] of shared) {
        const similarity = count / grams.size;
        if (similarity >= FUZZY_THRESHOLD && !found.has(id)) found.set(id, MATCH_QUALITY.fuzzy * similarity);
      }
    }
    return [...found].map(([wordId, quality]) => ({ wordId, quality }));
  }

  /** The words in order: a few new ones go into their places, many (a bulk load) mean one sort. */
  private order(): number[] {
    const added = this.words.length - this.sorted.length;
    if (added > 64) {
      const words = this.words;
      this.sorted = words.map((_, id) => id).sort((a, b) => compare(words[a] as string, words[b] as string));
    } else {
      for (let id = this.sorted.length; id < this.words.length; id++)
        this.sorted.splice(this.lowerBound(this.sorted, this.words[id] as string), 0, id);
    }
    return this.sorted;
  }

  private lowerBound(order: readonly number[], word: string): number {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(this.words[order[mid] as number] as string, word) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Code-unit order: what startsWith scanning needs, independent of the locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
