import { type CardFacts, packCardFacts } from './card-facts.js';
import { CATALOG_FACETS, type CatalogFacet } from './catalog-schema.js';
import { MAX_QUERY_TERMS } from './fold.js';
import { byteList, intList } from './growable.js';
import { RecordWords } from './record-words.js';
import { MAX_FACET_VALUES, SlotTable, type SlotTableParts } from './slot-table.js';
import {
  type Candidates,
  fieldsAt,
  intersect,
  MatchScratch,
  type Postings,
  type TermMatches,
  termMatches,
} from './text-match.js';
import { type RankedPosition, TopHits } from './top-hits.js';
import { Vocabulary } from './vocabulary.js';

export { FIELD, FIELD_WEIGHT } from './fields.js';

const FACET_NAMES = CATALOG_FACETS;
export type CatalogFacetName = CatalogFacet;

/**
 * One catalogue row as stored (catalog_offers), with the version that says whether it changed, and what its
 * result card shows of the offer's documents and contacts, packed (card-facts.ts), as the catalogue
 * repository reads it. The index only carries the facts to the hits, so a page needs no query of its own.
 */
export interface CatalogRow {
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
  /** The card's facts, packed by packCardFacts. */
  cardFacts: string;
}

/** The same row with its card's facts unpacked (as tests and single writes have them). */
export interface CatalogRecord extends Omit<CatalogRow, 'cardFacts'>, CardFacts {}

/** What a search asks: folded terms (all must match), filters (any value of a facet), a page. */
export interface CatalogSearch {
  /** Channel resellers see offers sold through CSP only. */
  cspOnly: boolean;
  terms: readonly string[];
  filters: Partial<Record<CatalogFacetName, readonly string[]>>;
  after: { rank: number; score: string; offerId: string } | null;
  limit: number;
}

export type CatalogHit = Omit<CatalogRow, 'version' | 'searchText'> & {
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

/** Terms whose fields a hit reports (all a query has). */
const TERMS_WITH_FIELDS = MAX_QUERY_TERMS;
/**
 * What the terms searched for lately may hold, in bytes of their matches: a term that found one word refers
 * to that word's postings (nothing kept but its counts); one that found several keeps their union.
 */
const TERM_CACHE_BYTES = 64 * 2 ** 20;

/** A record as kept: its text lives on only as postings, and its card's facts in the index's `facts`. */
export type StoredRecord = Omit<CatalogRow, 'searchText' | 'cardFacts'>;

/**
 * Everything an index holds, as a snapshot writes it (index-snapshot.ts): its offers in slot order (none
 * dead), their card facts, the words by number with their postings, the facet values by number, the slot
 * table. The arrays are views of the index's own: written out before the index changes again.
 */
export interface CatalogIndexParts {
  records: readonly StoredRecord[];
  facts: readonly string[];
  words: readonly string[];
  postings: readonly ({ slots: Int32Array; fields: Uint8Array } | undefined)[];
  /** Per value number, its facet (place in CATALOG_FACETS) and id. */
  values: readonly { facet: number; id: string }[];
  table: SlotTableParts;
}

type Facets = CatalogSearchResult['facets'];

/**
 * A term searched for alone and unfiltered, for one audience, worked out once while the index is unchanged:
 * how many offers it finds, their facet lists, the offers the audience sees (with their status ranks and
 * scores as a page rounds them), and the first of them in rank order: the pages sellers read (the first
 * few) are then a binary search for the cursor and a slice, not a pass over every match.
 */
interface Alone {
  total: number;
  facets: Facets;
  /** The offers the audience sees, in candidate order: slots, status ranks, rounded scores. */
  slots: Int32Array;
  ranks: Uint8Array;
  scores: Float64Array;
  /** The best `TOP_KEPT` of them (places in the arrays above) in rank order; all of them when fewer. */
  top: readonly number[];
}

/** How many of a lone term's offers are kept in rank order: the first pages of most searches. */
const TOP_KEPT = 128;

/**
 * What a term finds, worked out once while the index is unchanged: its matches, the words it found, and,
 * once searched for alone and unfiltered, its answer for sellers [0] and for channel resellers [1].
 */
interface Term {
  matches: TermMatches;
  words: ReadonlySet<string>;
  alone: [Alone | undefined, Alone | undefined];
  bytes: number;
}

/**
 * What the index keeps of a row: always the same fields in the same order, so every record has one shape
 * (V8 copies such objects on its fast path when a hit is made).
 */
export function storedRecordOf(row: CatalogRow | CatalogRecord): StoredRecord {
  return {
    offerId: row.offerId,
    version: row.version,
    organizationName: row.organizationName,
    name: row.name,
    summary: row.summary,
    offerType: row.offerType,
    coSellStatus: row.coSellStatus,
    statusRank: row.statusRank,
    soldThroughCsp: row.soldThroughCsp,
    markets: row.markets,
    platforms: row.platforms,
    segments: row.segments,
    solutionType: row.solutionType,
    areas: row.areas,
    subAreas: row.subAreas,
  };
}

/** The facet values of a record, in FACET_NAMES order. */
export function facetValuesOf(r: StoredRecord): readonly (readonly string[])[] {
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

/**
 * The seller catalogue's search index, in memory. Each offer has a slot; per slot, typed arrays hold what a
 * search reads for every candidate (alive, status rank, sold through CSP, facet values as small integers),
 * and postings list the slots of each word with the fields it stands in there. A changed offer gets a new slot
 * and its old one dies, so postings stay sorted and append-only; dead slots are compacted away once they are
 * a quarter of the whole. Pure: the server keeps it current from catalog_offers (catalog-search-engine.ts).
 *
 * A search: each term's matches (its words' postings, their union when it has several; kept for the next
 * search while nothing changes), intersected shortest first by galloping; then one pass over the candidates
 * that filters, counts every facet value and keeps the page in a bounded list. A term alone and unfiltered
 * keeps its whole answer (counts, facet lists, its best offers in rank order) with the term, so its next
 * searches and its next pages only slice it; its facet lists are then shared by every answer (not to be
 * changed by callers). Why in memory, and the
 * figures: docs/decisions/0002-catalogue-search-in-memory.md.
 */
export class CatalogSearchIndex {
  private readonly vocabulary = new Vocabulary();
  private postings: (Postings | undefined)[] = [];
  private records: (StoredRecord | null)[] = [];
  /**
   * Per slot, its card's facts packed in one string (card-facts.ts): an array per role and per slot list
   * would cost several times the index's own memory. Kept beside the records rather than in them, so the
   * records stay objects V8 copies on its fast path when a hit is made.
   */
  private facts: string[] = [];
  /** Per slot, its offer's id: ties in rank and score are ordered by it. */
  private offerIds: string[] = [];
  /** Per slot, what a search reads of every candidate: alive, sold through CSP, status rank, facet values. */
  private table = new SlotTable();
  private readonly slotOf = new Map<string, number>();
  /** Per facet, value → value number. */
  private readonly facetIds = FACET_NAMES.map(() => new Map<string, number>());
  /** Per facet, its value numbers in the order of their ids (localeCompare), so ties need no comparing. */
  private readonly facetNumbers: number[][] = FACET_NAMES.map(() => []);
  /** Per value number: its id (e.g. "SE"). */
  private readonly valueIds: string[] = [];
  private dead = 0;
  private readonly scratch = new MatchScratch();
  private readonly words = new RecordWords(this.vocabulary);
  /** Terms searched for lately, least recently used first. */
  private readonly terms = new Map<string, Term>();
  private termBytes = 0;
  private termsFor = -1;
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
  upsert(row: CatalogRow | CatalogRecord): void {
    if (this.versionOf(row.offerId) === row.version) return;
    this.markDead(row.offerId);
    const cardFacts = 'cardFacts' in row ? row.cardFacts : packCardFacts(row);
    const stored = storedRecordOf(row);
    const slot = this.place(stored, cardFacts);
    this.post(slot, row);
    this.revision++;
    this.compactIfWorthIt();
  }

  remove(offerId: string): void {
    if (this.markDead(offerId)) this.revision++;
    this.compactIfWorthIt();
  }

  /** What the index holds, for a snapshot; dead slots are compacted away first. */
  parts(): CatalogIndexParts {
    if (this.dead > 0) {
      this.compact();
      // The slots were renumbered: terms worked out before refer to the old numbers.
      this.revision++;
    }
    const values: { facet: number; id: string }[] = new Array(this.valueIds.length);
    this.facetIds.forEach((ids, facet) => {
      for (const [id, n] of ids) values[n] = { facet, id };
    });
    return {
      records: this.records as StoredRecord[],
      facts: this.facts,
      words: this.vocabulary.words,
      postings: this.postings.map(
        (list) =>
          list && {
            slots: list.slots.data.subarray(0, list.slots.length),
            fields: list.fields.data.subarray(0, list.fields.length),
          },
      ),
      values,
      table: this.table.parts(),
    };
  }

  /**
   * The index `parts()` described (it takes over their arrays). Throws when they do not fit together, so a
   * damaged snapshot is never searched.
   */
  static fromParts(parts: CatalogIndexParts): CatalogSearchIndex {
    const index = new CatalogSearchIndex();
    const slots = parts.records.length;
    if (parts.facts.length !== slots || parts.table.start.length !== slots)
      throw new Error('index parts of different lengths');
    parts.words.forEach((word, id) => {
      if (index.vocabulary.intern(word) !== id) throw new Error('a word twice in the index parts');
    });
    if (parts.postings.length > parts.words.length) throw new Error('postings of unknown words');
    index.postings = parts.postings.map((list) => {
      if (!list) return undefined;
      if (list.fields.length !== list.slots.length) throw new Error('postings of different lengths');
      let previous = -1;
      for (const slot of list.slots) {
        if (slot <= previous || slot >= slots) throw new Error('postings out of order');
        previous = slot;
      }
      return { slots: intList(list.slots), fields: byteList(list.fields) };
    });
    parts.values.forEach(({ facet, id }, n) => {
      if (facet < 0 || facet >= FACET_NAMES.length || index.facetId(facet, id) !== n)
        throw new Error('facet values out of order');
    });
    index.table = SlotTable.fromParts(parts.table);
    parts.records.forEach((record, slot) => {
      index.records.push(record);
      index.facts.push(parts.facts[slot] as string);
      index.offerIds.push(record.offerId);
      index.slotOf.set(record.offerId, slot);
    });
    if (index.slotOf.size !== slots) throw new Error('an offer twice in the index parts');
    return index;
  }

  search(query: CatalogSearch): CatalogSearchResult {
    const terms = query.terms.map((term) => this.term(term));
    this.scratch.fit(this.records.length);
    const candidates =
      terms.length > 0
        ? intersect(
            terms.map((t) => t.matches),
            this.scratch,
          )
        : null;
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
    const after = query.after && {
      rank: query.after.rank,
      score: Number(query.after.score),
      id: query.after.offerId,
    };
    const size = query.limit + 1;
    const reported = terms.slice(0, TERMS_WITH_FIELDS);
    const termWords = terms.map((t) => t.words);
    // One term and no filter, the commonest search and the one with most matches: its counts, facets and
    // rank order are the term's, worked out once (per audience) while the index is unchanged.
    const [only] = terms;
    if (only && candidates && terms.length === 1 && filtered.length === 0) {
      const audience = query.cspOnly ? 1 : 0;
      let alone = only.alone[audience];
      if (!alone) {
        alone = this.aloneAnswer(candidates, query.cspOnly);
        only.alone[audience] = alone;
        this.addTermBytes(only, alone.slots.length * 13);
      }
      const hits = this.alonePage(alone, after, size).map((place) =>
        this.hit(alone.slots[place] as number, alone.scores[place] as number, reported),
      );
      return { hits, total: alone.total, facets: alone.facets, termWords };
    }
    const offerIds = this.offerIds;
    const page = new TopHits(size, after, (slot) => offerIds[slot] as string);
    const counts = new Int32Array(valueCount);
    const total = this.table.count(
      candidates,
      query.cspOnly,
      Int32Array.from(filtered),
      wanted,
      counts,
      page,
    );
    const hits = page.kept().map(({ slot, score }) => this.hit(slot, score, reported));
    return { hits, total, facets: this.facets(counts), termWords };
  }

  /** A hit: the offer at a slot, with its score and the fields each reported term was found in there. */
  private hit(slot: number, score: number, reported: readonly Term[]): CatalogHit {
    const r = this.records[slot] as StoredRecord;
    return {
      offerId: r.offerId,
      organizationName: r.organizationName,
      name: r.name,
      summary: r.summary,
      offerType: r.offerType,
      coSellStatus: r.coSellStatus,
      statusRank: r.statusRank,
      soldThroughCsp: r.soldThroughCsp,
      markets: r.markets,
      platforms: r.platforms,
      segments: r.segments,
      solutionType: r.solutionType,
      areas: r.areas,
      subAreas: r.subAreas,
      cardFacts: this.facts[slot] as string,
      score: score.toFixed(6),
      termFields: reported.map((term) => fieldsAt(term.matches, slot)),
    };
  }

  /** Every facet's values that counted, as facetCounts lists them. */
  private facets(counts: Int32Array): Facets {
    return Object.fromEntries(FACET_NAMES.map((facet, f) => [facet, this.facetCounts(f, counts)])) as Facets;
  }

  /**
   * A lone term's answer for an audience: its counts (one pass, as any search's), the offers the audience
   * sees, and the best TOP_KEPT of them in rank order.
   */
  private aloneAnswer(candidates: Candidates, cspOnly: boolean): Alone {
    const counts = new Int32Array(this.valueIds.length);
    const total = this.table.count(candidates, cspOnly, new Int32Array(0), new Uint8Array(0), counts, null);
    const { slots, ranks, scores } = this.table.seen(candidates, cspOnly, total);
    const alone = { total, facets: this.facets(counts), slots, ranks, scores, top: [] };
    return { ...alone, top: this.ranked(alone, null, TOP_KEPT) };
  }

  /**
   * The places of a lone term's page: `size` of them after the cursor, in rank order. From the kept top
   * when the page lies within it, else from a pass over all the term's offers.
   */
  private alonePage(alone: Alone, after: RankedPosition | null, size: number): readonly number[] {
    const { top, slots } = alone;
    const from = after ? this.placeAfter(alone, after) : 0;
    if (from + size <= top.length || top.length === slots.length) return top.slice(from, from + size);
    return this.ranked(alone, after, size);
  }

  /** The places of the best `size` of a lone term's offers after the cursor, in rank order (TopHits). */
  private ranked(alone: Alone, after: RankedPosition | null, size: number): number[] {
    const { slots, ranks, scores } = alone;
    const offerIds = this.offerIds;
    const page = new TopHits(size, after, (place) => offerIds[slots[place] as number] as string);
    const length = slots.length;
    for (let place = 0; place < length; place++) {
      const rank = ranks[place] as number;
      if (rank < page.lowestRank || rank > page.highestRank) continue;
      page.offer(place, rank, scores[place] as number);
    }
    return page.kept().map(({ slot }) => slot);
  }

  /** The first place of a lone term's kept top that comes after the cursor (TopHits' order). */
  private placeAfter(alone: Alone, after: RankedPosition): number {
    const { top, slots, ranks, scores } = alone;
    const offerIds = this.offerIds;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const place = top[mid] as number;
      const rank = ranks[place] as number;
      const score = scores[place] as number;
      const past =
        rank < after.rank ||
        (rank === after.rank &&
          (score < after.score ||
            (score === after.score && (offerIds[slots[place] as number] as string) > after.id)));
      if (past) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /**
   * A facet's values that counted, most first and, among equal counts, in id order: one native sort of
   * numbers (count, then place in id order, in one key) rather than a sort of objects with a comparator.
   */
  private facetCounts(f: number, counts: Int32Array): { id: string; count: number }[] {
    const numbers = this.facetNumbers[f] as number[];
    const places = numbers.length;
    const keys = new Float64Array(places);
    let n = 0;
    for (let place = 0; place < places; place++) {
      const count = counts[numbers[place] as number] as number;
      if (count > 0) keys[n++] = count * places + (places - 1 - place);
    }
    const sorted = keys.subarray(0, n).sort();
    const list: { id: string; count: number }[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const key = sorted[n - 1 - i] as number;
      const count = Math.floor(key / places);
      const place = places - 1 - (key - count * places);
      list[i] = { id: this.valueIds[numbers[place] as number] as string, count };
    }
    return list;
  }

  /** What a term finds, from the terms worked out since the index last changed, or worked out now. */
  private term(term: string): Term {
    if (this.termsFor !== this.revision) {
      this.terms.clear();
      this.termBytes = 0;
      this.termsFor = this.revision;
    }
    const known = this.terms.get(term);
    if (known) {
      // Most recently used last: the first ones go when the cache is full.
      this.terms.delete(term);
      this.terms.set(term, known);
      return known;
    }
    this.scratch.fit(this.records.length);
    const expansion = this.vocabulary.expand(term);
    const matches = termMatches(expansion, this.postings, this.scratch);
    const found: Term = {
      matches,
      words: new Set(expansion.map(({ wordId }) => this.vocabulary.words[wordId] as string)),
      alone: [undefined, undefined],
      bytes: 0,
    };
    this.terms.set(term, found);
    // A union's own arrays, and two audiences' facet lists.
    this.addTermBytes(
      found,
      (matches.weights ? matches.slots.length * 13 : 0) + 40 * this.valueIds.length + 200,
    );
    return found;
  }

  /** Counts `bytes` more to a cached term, then lets the least recently used terms go while over budget. */
  private addTermBytes(term: Term, bytes: number): void {
    term.bytes += bytes;
    this.termBytes += bytes;
    for (const [oldest, known] of this.terms) {
      // The term being worked with stays, even alone over the budget.
      if (this.termBytes <= TERM_CACHE_BYTES || known === term) break;
      this.terms.delete(oldest);
      this.termBytes -= known.bytes;
    }
  }

  /** Puts a record in a new slot: its columns. */
  private place(record: StoredRecord, facts: string): number {
    const facets = facetValuesOf(record).map((list, f) => {
      const numbers: number[] = [];
      for (const value of list) {
        const id = this.facetId(f, value);
        // A value listed twice counts once.
        if (!numbers.includes(id)) numbers.push(id);
      }
      return numbers;
    });
    const slot = this.table.add(record.soldThroughCsp, record.statusRank, facets);
    this.records.push(record);
    this.facts.push(facts);
    this.offerIds.push(record.offerId);
    this.slotOf.set(record.offerId, slot);
    return slot;
  }

  /** Posts a record's words at its slot, each once, with the fields it stands in there. */
  private post(slot: number, row: CatalogRow | CatalogRecord): void {
    const { ids, fields } = this.words;
    this.words.read(row);
    for (let i = 0; i < ids.length; i++) {
      const id = ids.data[i] as number;
      let list = this.postings[id];
      if (!list) {
        list = { slots: intList(), fields: byteList() };
        this.postings[id] = list;
      }
      list.slots.push(slot);
      list.fields.push(fields.data[i] as number);
    }
  }

  private facetId(f: number, value: string): number {
    const ids = this.facetIds[f] as Map<string, number>;
    let id = ids.get(value);
    if (id === undefined) {
      id = this.valueIds.length;
      if (id >= MAX_FACET_VALUES) throw new Error(`more than ${MAX_FACET_VALUES} facet values`);
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
    this.facts[slot] = '';
    this.offerIds[slot] = '';
    this.table.kill(slot);
    this.slotOf.delete(offerId);
    this.dead++;
    return true;
  }

  /** Compacts once dead slots are a quarter of all. */
  private compactIfWorthIt(): void {
    if (this.dead <= 1000 || this.dead * 4 <= this.records.length) return;
    this.compact();
  }

  /**
   * Renumbers the live offers from 0: their columns move down, and each word's postings drop the dead slots
   * and take the new numbers (in the same order, so they stay sorted).
   */
  private compact(): void {
    const renumbered = new Int32Array(this.records.length).fill(-1);
    const records = this.records;
    const facts = this.facts;
    const table = this.table;
    this.records = [];
    this.facts = [];
    this.offerIds = [];
    this.table = new SlotTable();
    records.forEach((record, slot) => {
      if (!record) return;
      const { csp, rank } = table.flags(slot);
      renumbered[slot] = this.table.add(csp, rank, table.facetsOf(slot));
      this.records.push(record);
      this.facts.push(facts[slot] as string);
      this.offerIds.push(record.offerId);
    });
    for (const list of this.postings) {
      if (!list) continue;
      let kept = 0;
      for (let i = 0; i < list.slots.length; i++) {
        const slot = renumbered[list.slots.data[i] as number] as number;
        if (slot === -1) continue;
        list.slots.data[kept] = slot;
        list.fields.data[kept] = list.fields.data[i] as number;
        kept++;
      }
      list.slots.length = kept;
      list.fields.length = kept;
    }
    for (const [offerId, slot] of this.slotOf) this.slotOf.set(offerId, renumbered[slot] as number);
    this.dead = 0;
  }
}
