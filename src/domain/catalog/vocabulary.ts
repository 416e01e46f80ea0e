import { FUZZY_MIN_LENGTH, FUZZY_THRESHOLD, MATCH_QUALITY, trigrams } from './fold.js';
import type { IntList } from './growable.js';

/** A word a search term reaches, and how much a hit through it counts (MATCH_QUALITY). */
export interface Expansion {
  wordId: number;
  quality: number;
}

/** Per UTF-16 code unit above ASCII: 0 not yet known, 1 part of a word (a letter or digit), 2 not. */
const wordUnit = new Uint8Array(65536);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Whether a code point outside ASCII is a letter or digit, as wordsOfFolded's /[\p{L}\p{N}]+/u sees it. */
function isWordCodePoint(text: string): boolean {
  return LETTER_OR_DIGIT.test(text);
}

/**
 * Every folded word of the catalogue, numbered, with what a search needs to go from a term to words: a
 * sorted order for prefixes and a trigram index for misspellings. Words are never removed: a word no offer
 * uses any more simply has no postings.
 *
 * Words are found by their characters in an open-addressing table rather than a Map of strings, so that
 * reading a text (`scanFolded`, about a hundred words an offer) makes no string for a word already known:
 * at 100,000 offers that is most of the index's build time.
 */
export class Vocabulary {
  readonly words: string[] = [];
  /** Open addressing: word id + 1 per bucket, 0 when empty; kept at most half full. */
  private table = new Int32Array(1024);
  private hashes: number[] = [];
  /** Word ids in word order, up to the words added since the last search (put in place by `order`). */
  private sorted: number[] = [];
  private readonly byTrigram = new Map<string, number[]>();

  get size(): number {
    return this.words.length;
  }

  /** The id of a word, numbering it if it is new. */
  intern(word: string): number {
    return this.internRange(word, 0, word.length, hashRange(word, 0, word.length));
  }

  /**
   * Appends to `into` the id of each word of a folded text (its runs of letters and digits, as wordsOfFolded
   * splits it), numbering new words.
   */
  scanFolded(text: string, into: IntList): void {
    const length = text.length;
    let start = -1;
    let hash = FNV_OFFSET;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      let units = 1;
      let inWord: boolean;
      if (code < 128)
        inWord = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
      else if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
        // A character outside the basic plane: two code units.
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) units = 2;
        inWord = isWordCodePoint(text.slice(i, i + units));
      } else {
        let known = wordUnit[code] as number;
        if (known === 0) {
          known = isWordCodePoint(String.fromCharCode(code)) ? 1 : 2;
          wordUnit[code] = known;
        }
        inWord = known === 1;
      }
      if (inWord) {
        if (start === -1) {
          start = i;
          hash = FNV_OFFSET;
        }
        hash = Math.imul(hash ^ code, FNV_PRIME);
        if (units === 2) hash = Math.imul(hash ^ text.charCodeAt(i + 1), FNV_PRIME);
      } else if (start !== -1) {
        into.push(this.internRange(text, start, i, hash));
        start = -1;
      }
      i += units - 1;
    }
    if (start !== -1) into.push(this.internRange(text, start, length, hash));
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

  /** The id of text[start, end) (whose hash is `hash`), numbering it if it is new. */
  private internRange(text: string, start: number, end: number, hash: number): number {
    const mask = this.table.length - 1;
    const length = end - start;
    for (let bucket = hash & mask; ; bucket = (bucket + 1) & mask) {
      const entry = this.table[bucket] as number;
      if (entry === 0) break;
      const id = entry - 1;
      if (this.hashes[id] !== hash) continue;
      const word = this.words[id] as string;
      if (word.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        if (word.charCodeAt(k) !== text.charCodeAt(start + k)) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
    return this.add(length === text.length ? text : text.slice(start, end), hash);
  }

  private add(word: string, hash: number): number {
    const id = this.words.length;
    this.words.push(word);
    this.hashes.push(hash);
    if (this.words.length * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(id);
    for (const gram of trigrams(word)) {
      const list = this.byTrigram.get(gram);
      if (list) list.push(id);
      else this.byTrigram.set(gram, [id]);
    }
    return id;
  }

  private place(id: number): void {
    const mask = this.table.length - 1;
    let bucket = (this.hashes[id] as number) & mask;
    while (this.table[bucket] !== 0) bucket = (bucket + 1) & mask;
    this.table[bucket] = id + 1;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    for (let id = 0; id < this.words.length; id++) this.place(id);
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

// FNV-1a over UTF-16 code units: cheap to compute while a text is scanned, character by character.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function hashRange(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** Code-unit order: what startsWith scanning needs, independent of the locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
