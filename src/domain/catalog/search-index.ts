import { type CardFacts, packCardFacts } from './card-facts.js';
import { searchLabelWords } from './catalog-labels.js';
import { CATALOG_FACETS, type CatalogFacet } from './catalog-schema.js';
import { foldedWords, MAX_QUERY_TERMS, wordsOfFolded } from './fold.js';
import { type ByteList, byteList, type IntList, intList } from './growable.js';
import { type Expansion, Vocabulary } from './vocabulary.js';

const FACET_NAMES = CATALOG_FACETS;
const FACETS = FACET_NAMES.length;
export type CatalogFacetName = CatalogFacet;

/**
 * One catalogue row as stored (catalog_offers), with the version that says whether it changed, and what its
 * result card shows of the offer's documents and contacts, read with the row (catalog-repository). The index
 * only carries those to the hits, so a page needs no query of its own.
 */
export interface CatalogRecord extends CardFacts {
  offerId: string;
  /** Changes whenever the row is written (the writing transaction's id). */
  version: string;
  organizationName: string;
  name: string;
  summary: string;
  offerType: string;
  coSellStatus: string;
  statusRank: number;
  soldThroughCsp: boolean;
  markets: readonly string[];
  platforms: readonly string[];
  segments: readonly string[];
  solutionType: string | null;
  areas: readonly string[];
  subAreas: readonly string[];
  /** Folded name, summary, description and labels (English and Swedish), as catalog-index writes it. */
  searchText: string;
}

/** What a search asks: folded terms (all must match), filters (any value of a facet), a page. */
export interface CatalogSearch {
  /** Channel resellers see offers sold through CSP only. */
  cspOnly: boolean;
  terms: readonly string[];
  filters: Partial<Record<CatalogFacetName, readonly string[]>>;
  after: { rank: number; score: string; offerId: string } | null;
  limit: number;
}

export type CatalogHit = Omit<CatalogRecord, 'version' | 'searchText' | keyof CardFacts> & {
  /** The card's facts as the index keeps them (card-facts.ts): a presenter unpacks those of the page it shows. */
  cardFacts: string;
  /** The text score, six decimals, as the cursor carries it. */
  score: string;
  /** Per term of the search (the first eight), the fields it was found in, as FIELD bits. */
  termFields: number[];
};

export interface CatalogSearchResult {
  /** Up to limit + 1 hits after the cursor, in rank order (one more than a page says there is a next). */
  hits: CatalogHit[];
  total: number;
  facets: Record<CatalogFacetName, { id: string; count: number }[]>;
  /** For each term, the words of the catalogue it found (to say where a hit matched). */
  termWords: ReadonlySet<string>[];
}

/** Where a word stands in an offer, as bits: postings keep them, and a hit says them per term. */
export const FIELD = { name: 1, summary: 2, label: 4, description: 8 } as const;

/**
 * How much a word counts by where it stands: the name most, then summary and taxonomy labels, then the rest
 * of the description. A term's score in an offer is its best word's weight times how well the term found
 * the word (MATCH_QUALITY); an offer's score is the sum over the terms.
 */
export const FIELD_WEIGHT = { name: 1, summary: 0.4, label: 0.4, description: 0.1 } as const;

/** The weight of a word by its field bits: that of the best field it stands in. */
const WEIGHT_OF_FIELDS = Float64Array.from({ length: 16 }, (_, bits) =>
  bits & FIELD.name
    ? FIELD_WEIGHT.name
    : bits & FIELD.summary
      ? FIELD_WEIGHT.summary
      : bits & FIELD.label
        ? FIELD_WEIGHT.label
        : FIELD_WEIGHT.description,
);

/** Terms whose fields a hit reports (all a query has): four bits each in one 32-bit number. */
const TERMS_WITH_FIELDS = MAX_QUERY_TERMS;

/** A record as kept: its text lives on only as postings, and its card's facts in the index's `facts`. */
type StoredRecord = Omit<CatalogRecord, 'searchText' | keyof CardFacts>;

/** What compacting needs to post a live offer again. */
interface Words {
  wordIds: Int32Array;
  fields: Uint8Array;
}

/** The facet values of a record, in FACET_NAMES order. */
function facetValuesOf(r: StoredRecord): readonly (readonly string[])[] {
  return [
    r.platforms,
    r.segments,
    r.solutionType ? [r.solutionType] : [],
    r.areas,
    r.subAreas,
    r.markets,
    [r.offerType],
    [r.coSellStatus],
  ];
}

/** Every folded word of a record with the fields it stands in (FIELD bits). */
function wordFields(r: CatalogRecord): Map<string, number> {
  const words = new Map<string, number>();
  const add = (list: readonly string[], field: number) => {
    for (const word of list) words.set(word, (words.get(word) ?? 0) | field);
  };
  // search_text is stored folded (catalog-index.ts), so it is only split here. It holds the name and the
  // summary as well as the description: a word found only there is in the description.
  add(wordsOfFolded(r.searchText), FIELD.description);
  add(foldedWords(r.summary), FIELD.summary);
  for (const id of r.platforms) add(searchLabelWords('platforms', id), FIELD.label);
  for (const id of r.areas) add(searchLabelWords('solutionAreas', id), FIELD.label);
  for (const id of r.subAreas) add(searchLabelWords('subAreas', id), FIELD.label);
  add(foldedWords(r.name), FIELD.name);
  return words;
}

/**
 * The seller catalogue's search index, in memory. Each offer has a slot; per slot, typed arrays hold what a
 * search reads for every candidate (alive, status rank, sold through CSP, facet values as small integers),
 * and postings list the slots of each word with the fields it stands in there. A changed offer gets a new slot
 * and its old one dies, so postings stay sorted and append-only; dead slots are compacted away once they are
 * a quarter of the whole. Pure: the server keeps it current from catalog_offers (catalog-search-engine.ts).
 */
export class CatalogSearchIndex {
  private readonly vocabulary = new Vocabulary();
  private postings: IntList[] = [];
  private postingFields: ByteList[] = [];
  private records: (StoredRecord | null)[] = [];
  private words: (Words | null)[] = [];
  /**
   * Per slot, its card's facts packed in one string (card-facts.ts): an array per role and per slot list
   * would cost several times the index's own memory. Kept beside the records rather than in them, so the
   * records stay objects V8 copies on its fast path when a hit is made.
   */
  private facts: string[] = [];
  private alive = intList();
  private rank = intList();
  private csp = intList();
  /**
   * Facet values of every slot, one run after the other, as value numbers shared by all facets (so counting is
   * one flat loop); within a slot's run, facet f's values start at valueStart[slot * (FACETS + 1) + f], and
   * the run ends at valueStart[slot * (FACETS + 1) + FACETS].
   */
  private values = intList();
  private valueStart = intList();
  private readonly slotOf = new Map<string, number>();
  /** Per facet, value → value number. */
  private readonly facetIds = FACET_NAMES.map(() => new Map<string, number>());
  /** Per facet, its value numbers in the order of their ids (localeCompare), so ties need no comparing. */
  private readonly facetNumbers: number[][] = FACET_NAMES.map(() => []);
  /** Per value number: its id (e.g. "SE"). */
  private readonly valueIds: string[] = [];
  private dead = 0;
  // Scratch space for matching terms, reused by every search; stamps (epoch + term) spare clearing it.
  private epoch = 0;
  private matchStamp = new Int32Array(0);
  private bestStamp = new Int32Array(0);
  private best = new Float64Array(0);
  private score = new Float64Array(0);
  /** Per slot, the fields each term was found in: four bits per term (TERMS_WITH_FIELDS). */
  private termFields = new Int32Array(0);
  /** Counts every change, so a cache of answers knows when it is stale. */
  revision = 0;

  get size(): number {
    return this.slotOf.size;
  }

  /** The stored version of an offer's record, if it is in the index. */
  versionOf(offerId: string): string | undefined {
    const slot = this.slotOf.get(offerId);
    return slot === undefined ? undefined : this.records[slot]?.version;
  }

  /** Adds or replaces an offer; the same version again changes nothing. */
  upsert(record: CatalogRecord): void {
    if (this.versionOf(record.offerId) === record.version) return;
    this.markDead(record.offerId);
    const found = wordFields(record);
    const wordIds = new Int32Array(found.size);
    const fields = new Uint8Array(found.size);
    let i = 0;
    for (const [word, bits] of found) {
      wordIds[i] = this.vocabulary.intern(word);
      fields[i++] = bits;
    }
    const { searchText: _text, documentSlots, contactCoverage, ...stored } = record;
    this.place(stored, { wordIds, fields }, packCardFacts({ documentSlots, contactCoverage }));
    this.revision++;
    this.compactIfWorthIt();
  }

  remove(offerId: string): void {
    if (this.markDead(offerId)) this.revision++;
    this.compactIfWorthIt();
  }

  search(query: CatalogSearch): CatalogSearchResult {
    const expansions = query.terms.map((term) => this.vocabulary.expand(term));
    const candidates = this.textMatches(expansions);
    // The values the filters want, and the facets that have a filter.
    const valueCount = this.valueIds.length;
    const wanted = new Uint8Array(valueCount);
    const filtered: number[] = [];
    FACET_NAMES.forEach((facet, f) => {
      const chosen = query.filters[facet];
      if (!chosen || chosen.length === 0) return;
      filtered.push(f);
      for (const value of chosen) {
        const id = this.facetIds[f]?.get(value);
        if (id !== undefined) wanted[id] = 1;
      }
    });
    const counts = new Int32Array(valueCount);
    const page = new TopHits(query.limit + 1, query.after, this.records);
    const alive = this.alive.data;
    const rank = this.rank.data;
    const csp = this.csp.data;
    const values = this.values.data;
    const starts = this.valueStart.data;
    const score = this.score;
    const cspOnly = query.cspOnly;
    let total = 0;

    // Each facet is counted without its own filter: an offer that passes every filter counts in every facet;
    // one that fails a single facet's filter counts in that facet only; one that fails two counts nowhere.
    const visit = (slot: number, slotScore: number) => {
      if (alive[slot] === 0 || (cspOnly && csp[slot] === 0)) return;
      const base = slot * (FACETS + 1);
      let failed = -1;
      for (const f of filtered) {
        let ok = false;
        const end = starts[base + f + 1] as number;
        for (let v = starts[base + f] as number; v < end; v++) {
          if (wanted[values[v] as number] === 1) {
            ok = true;
            break;
          }
        }
        if (ok) continue;
        if (failed !== -1) return;
        failed = f;
      }
      // Passing: all the slot's values count; failing one facet: that facet's values only.
      const from = starts[base + (failed === -1 ? 0 : failed)] as number;
      const to = starts[base + (failed === -1 ? FACETS : failed + 1)] as number;
      for (let v = from; v < to; v++) {
        const value = values[v] as number;
        counts[value] = (counts[value] as number) + 1;
      }
      if (failed !== -1) return;
      total++;
      page.offer(slot, rank[slot] as number, Math.round(slotScore * 1e6) / 1e6);
    };

    if (candidates) for (const slot of candidates) visit(slot, score[slot] as number);
    else for (let slot = 0; slot < this.records.length; slot++) visit(slot, 0);

    const facets = Object.fromEntries(
      FACET_NAMES.map((facet, f) => {
        const list: { id: string; count: number }[] = [];
        for (const value of this.facetNumbers[f] as number[]) {
          const count = counts[value] as number;
          if (count > 0) list.push({ id: this.valueIds[value] as string, count });
        }
        // Most results first; sort is stable, so equal counts stay in id order.
        list.sort((a, b) => b.count - a.count);
        return [facet, list];
      }),
    ) as CatalogSearchResult['facets'];
    const termWords = expansions.map(
      (found) => new Set(found.map(({ wordId }) => this.vocabulary.words[wordId] as string)),
    );
    const hits = page.kept().map(({ slot, score }): CatalogHit => {
      const { version: _version, ...record } = this.records[slot] as StoredRecord;
      const packed = candidates ? (this.termFields[slot] as number) : 0;
      const termFields = expansions.slice(0, TERMS_WITH_FIELDS).map((_, t) => (packed >>> (4 * t)) & 0xf);
      return { ...record, cardFacts: this.facts[slot] as string, score: score.toFixed(6), termFields };
    });
    return { hits, total, facets, termWords };
  }

  /**
   * The slots where every term finds a word (their scores left in `this.score`); null when there are no
   * terms (everything). Term by term: an offer that missed an earlier term is skipped.
   */
  private textMatches(expansions: readonly Expansion[][]): number[] | null {
    if (expansions.length === 0) return null;
    const n = this.records.length;
    if (this.matchStamp.length < n || this.epoch > 2 ** 30) {
      const size = Math.max(n, this.matchStamp.length * 2, 1024);
      this.matchStamp = new Int32Array(size);
      this.bestStamp = new Int32Array(size);
      this.best = new Float64Array(size);
      this.score = new Float64Array(size);
      this.termFields = new Int32Array(size);
      this.epoch = 0;
    }
    const base = this.epoch + 1;
    this.epoch += expansions.length + 1;
    const { matchStamp, bestStamp, best, score, termFields } = this;
    let touched: number[] = [];
    expansions.forEach((expansion, t) => {
      // A slot may go on only if it matched every earlier term (stamp base + t).
      const previous = base + t;
      const current = base + t + 1;
      touched = [];
      const shift = t < TERMS_WITH_FIELDS ? 4 * t : 32;
      for (const { wordId, quality } of expansion) {
        const list = this.postings[wordId];
        const fieldList = this.postingFields[wordId];
        if (!list || !fieldList) continue;
        const slots = list.data;
        const slotFields = fieldList.data;
        for (let i = 0; i < list.length; i++) {
          const slot = slots[i] as number;
          if (t > 0 && matchStamp[slot] !== previous) continue;
          const bits = slotFields[i] as number;
          const value = (WEIGHT_OF_FIELDS[bits] as number) * quality;
          // The fields of the first TERMS_WITH_FIELDS terms, for the hit to say where each term was found.
          const fieldBits = shift < 32 ? bits << shift : 0;
          if (bestStamp[slot] !== current) {
            bestStamp[slot] = current;
            best[slot] = value;
            termFields[slot] = t === 0 ? fieldBits : (termFields[slot] as number) | fieldBits;
            touched.push(slot);
          } else {
            if (value > (best[slot] as number)) best[slot] = value;
            termFields[slot] = (termFields[slot] as number) | fieldBits;
          }
        }
      }
      for (const slot of touched) {
        score[slot] = (t === 0 ? 0 : (score[slot] as number)) + (best[slot] as number);
        matchStamp[slot] = current;
      }
    });
    return touched;
  }

  /** Puts a record in a new slot: its columns and its postings. */
  private place(record: StoredRecord, words: Words, facts: string): void {
    const slot = this.records.length;
    this.records.push(record);
    this.words.push(words);
    this.facts.push(facts);
    this.alive.push(1);
    this.rank.push(record.statusRank);
    this.csp.push(record.soldThroughCsp ? 1 : 0);
    facetValuesOf(record).forEach((list, f) => {
      this.valueStart.push(this.values.length);
      for (const value of new Set(list)) this.values.push(this.facetId(f, value));
    });
    this.valueStart.push(this.values.length);
    this.slotOf.set(record.offerId, slot);
    const { wordIds, fields } = words;
    for (let i = 0; i < wordIds.length; i++) {
      const wordId = wordIds[i] as number;
      let list = this.postings[wordId];
      let listFields = this.postingFields[wordId];
      if (!list || !listFields) {
        list = intList();
        listFields = byteList();
        this.postings[wordId] = list;
        this.postingFields[wordId] = listFields;
      }
      list.push(slot);
      listFields.push(fields[i] as number);
    }
  }

  private facetId(f: number, value: string): number {
    const ids = this.facetIds[f] as Map<string, number>;
    let id = ids.get(value);
    if (id === undefined) {
      id = this.valueIds.length;
      ids.set(value, id);
      this.valueIds.push(value);
      const numbers = this.facetNumbers[f] as number[];
      const at = numbers.findIndex((other) => value.localeCompare(this.valueIds[other] as string) < 0);
      numbers.splice(at === -1 ? numbers.length : at, 0, id);
    }
    return id;
  }

  private markDead(offerId: string): boolean {
    const slot = this.slotOf.get(offerId);
    if (slot === undefined) return false;
    this.records[slot] = null;
    this.words[slot] = null;
    this.facts[slot] = '';
    this.alive.data[slot] = 0;
    this.slotOf.delete(offerId);
    this.dead++;
    return true;
  }

  /** Renumbers the live offers from 0 and rebuilds slots and postings, once dead slots are a quarter of all. */
  private compactIfWorthIt(): void {
    if (this.dead <= 1000 || this.dead * 4 <= this.records.length) return;
    const live: [StoredRecord, Words, string][] = [];
    this.records.forEach((record, slot) => {
      const words = this.words[slot];
      if (record && words) live.push([record, words, this.facts[slot] as string]);
    });
    this.records = [];
    this.words = [];
    this.facts = [];
    this.alive = intList();
    this.rank = intList();
    this.csp = intList();
    this.values = intList();
    this.valueStart = intList();
    this.postings = [];
    this.postingFields = [];
    this.slotOf.clear();
    this.dead = 0;
    for (const [record, words, facts] of live) this.place(record, words, facts);
  }
}

/** The best `size` hits after a cursor, kept in rank order as offers are seen (a page, without sorting all). */
class TopHits {
  private readonly entries: { slot: number; rank: number; score: number; id: string }[] = [];
  private readonly after: { rank: number; score: number; id: string } | null;

  constructor(
    private readonly size: number,
    after: CatalogSearch['after'],
    private readonly records: readonly (StoredRecord | null)[],
  ) {
    this.after = after && { rank: after.rank, score: Number(after.score), id: after.offerId };
  }

  offer(slot: number, rank: number, score: number): void {
    const after = this.after;
    if (after && (rank > after.rank || (rank === after.rank && score > after.score))) return;
    const last = this.entries[this.entries.length - 1];
    const full = this.entries.length === this.size;
    if (full && last && (rank < last.rank || (rank === last.rank && score < last.score))) return;
    const id = (this.records[slot] as StoredRecord).offerId;
    const entry = { slot, rank, score, id };
    if (after && !before(after, entry)) return;
    if (full && last && !before(entry, last)) return;
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.entries[mid] as (typeof this.entries)[number], entry)) lo = mid + 1;
      else hi = mid;
    }
    this.entries.splice(lo, 0, entry);
    if (this.entries.length > this.size) this.entries.pop();
  }

  /** The kept hits, in rank order. */
  kept(): readonly { slot: number; score: number }[] {
    return this.entries;
  }
}

/** Rank order: status rank (high first), then score (high first), then offer id. */
function before(
  a: { rank: number; score: number; id: string },
  b: { rank: number; score: number; id: string },
) {
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (a.score !== b.score) return a.score > b.score;
  return a.id < b.id;
}
