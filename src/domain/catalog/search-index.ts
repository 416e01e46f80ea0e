import { searchLabels } from './catalog-labels.js';
import { CATALOG_FACETS, type CatalogFacet } from './catalog-schema.js';
import { foldedWords, wordsOfFolded } from './fold.js';
import { type FloatList, floatList, type IntList, intList } from './growable.js';
import { type Expansion, Vocabulary } from './vocabulary.js';

const FACET_NAMES = CATALOG_FACETS;
export type CatalogFacetName = CatalogFacet;

/** One catalogue row as stored (catalog_offers), with the version that says whether it changed. */
export interface CatalogRecord {
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

export type CatalogHit = Omit<CatalogRecord, 'version' | 'searchText'> & {
  /** The text score, six decimals, as the cursor carries it. */
  score: string;
};

export interface CatalogSearchResult {
  /** Up to limit + 1 hits after the cursor, in rank order (one more than a page says there is a next). */
  hits: CatalogHit[];
  total: number;
  facets: Record<CatalogFacetName, { id: string; count: number }[]>;
  /** For each term, the words of the catalogue it found (to say where a hit matched). */
  termWords: ReadonlySet<string>[];
}

/**
 * How much a word counts by where it stands: the name most, then summary and taxonomy labels, then the rest
 * of the description. A term's score in an offer is its best word's weight times how well the term found
 * the word (MATCH_QUALITY); an offer's score is the sum over the terms.
 */
export const FIELD_WEIGHT = { name: 1, summary: 0.4, label: 0.4, description: 0.1 } as const;

/** A record as kept: its text lives on only as postings. */
type StoredRecord = Omit<CatalogRecord, 'searchText'>;

/** What compacting needs to post a live offer again. */
interface Words {
  wordIds: Int32Array;
  weights: Float32Array;
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

/** Every folded word of a record with the weight of the best place it stands in. */
function weightedWords(r: CatalogRecord): Map<string, number> {
  const words = new Map<string, number>();
  const add = (list: readonly string[], weight: number) => {
    for (const word of list) if ((words.get(word) ?? 0) < weight) words.set(word, weight);
  };
  // search_text is stored folded (catalog-index.ts), so it is only split here.
  add(wordsOfFolded(r.searchText), FIELD_WEIGHT.description);
  add(foldedWords(r.summary), FIELD_WEIGHT.summary);
  const labels = [
    ...r.platforms.flatMap((id) => searchLabels('platforms', id)),
    ...r.areas.flatMap((id) => searchLabels('solutionAreas', id)),
    ...r.subAreas.flatMap((id) => searchLabels('subAreas', id)),
  ];
  add(labels.flatMap(foldedWords), FIELD_WEIGHT.label);
  add(foldedWords(r.name), FIELD_WEIGHT.name);
  return words;
}

const FACETS = FACET_NAMES.length;

/**
 * The seller catalogue's search index, in memory. Each offer has a slot; per slot, typed arrays hold what a
 * search reads for every candidate (alive, status rank, sold through CSP, facet values as small integers),
 * and postings list the slots of each word with the word's weight there. A changed offer gets a new slot
 * and its old one dies, so postings stay sorted and append-only; dead slots are compacted away once they are
 * a quarter of the whole. Pure: the server keeps it current from catalog_offers (catalog-search-engine.ts).
 */
export class CatalogSearchIndex {
  private readonly vocabulary = new Vocabulary();
  private postings: IntList[] = [];
  private postingWeights: FloatList[] = [];
  private records: (StoredRecord | null)[] = [];
  private words: (Words | null)[] = [];
  private alive = intList();
  private rank = intList();
  private csp = intList();
  /** Facet values of every slot, one after the other; slot s's facet f runs from valueStart[s * (FACETS + 1) + f]. */
  private values = intList();
  private valueStart = intList();
  private readonly slotOf = new Map<string, number>();
  private readonly facetIds = FACET_NAMES.map(() => new Map<string, number>());
  private readonly facetValues: string[][] = FACET_NAMES.map(() => []);
  private dead = 0;
  // Scratch space for matching terms, reused by every search; stamps (epoch + term) spare clearing it.
  private epoch = 0;
  private matchStamp = new Int32Array(0);
  private bestStamp = new Int32Array(0);
  private best = new Float64Array(0);
  private score = new Float64Array(0);
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
    const weighted = weightedWords(record);
    const wordIds = new Int32Array(weighted.size);
    const weights = new Float32Array(weighted.size);
    let i = 0;
    for (const [word, weight] of weighted) {
      wordIds[i] = this.vocabulary.intern(word);
      weights[i++] = weight;
    }
    const { searchText: _text, ...stored } = record;
    this.place(stored, { wordIds, weights });
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
    // Per facet with a filter: which of its value ids are wanted.
    const wanted = FACET_NAMES.map((facet, f) => {
      const chosen = query.filters[facet];
      if (!chosen || chosen.length === 0) return null;
      const lookup = new Uint8Array(this.facetValues[f]?.length ?? 0);
      for (const value of chosen) {
        const id = this.facetIds[f]?.get(value);
        if (id !== undefined) lookup[id] = 1;
      }
      return lookup;
    });
    const counts = this.facetValues.map((values) => new Int32Array(values.length));
    const page = new TopHits(query.limit + 1, query.after, this.records);
    const alive = this.alive.data;
    const rank = this.rank.data;
    const csp = this.csp.data;
    const values = this.values.data;
    const starts = this.valueStart.data;
    const score = this.score;
    let total = 0;

    const visit = (slot: number, slotScore: number) => {
      if (alive[slot] === 0 || (query.cspOnly && csp[slot] === 0)) return;
      const base = slot * (FACETS + 1);
      // Which filters the offer fails: with none it is a result and counts in every facet; failing one
      // facet's filter only, it counts in that facet (each facet is counted without its own filter).
      let failed = -1;
      for (let f = 0; f < FACETS; f++) {
        const lookup = wanted[f];
        if (!lookup) continue;
        let ok = false;
        const end = starts[base + f + 1] as number;
        for (let v = starts[base + f] as number; v < end; v++) {
          if (lookup[values[v] as number] === 1) {
            ok = true;
            break;
          }
        }
        if (ok) continue;
        if (failed !== -1) return;
        failed = f;
      }
      for (let f = 0; f < FACETS; f++) {
        if (failed !== -1 && failed !== f) continue;
        const facetCounts = counts[f] as Int32Array;
        const end = starts[base + f + 1] as number;
        for (let v = starts[base + f] as number; v < end; v++) {
          const value = values[v] as number;
          facetCounts[value] = (facetCounts[value] as number) + 1;
        }
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
        const facetCounts = counts[f] as Int32Array;
        (this.facetValues[f] as string[]).forEach((id, v) => {
          const count = facetCounts[v] as number;
          if (count > 0) list.push({ id, count });
        });
        list.sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
        return [facet, list];
      }),
    ) as CatalogSearchResult['facets'];
    const termWords = expansions.map(
      (found) => new Set(found.map(({ wordId }) => this.vocabulary.words[wordId] as string)),
    );
    return { hits: page.hits(), total, facets, termWords };
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
      this.epoch = 0;
    }
    const base = this.epoch + 1;
    this.epoch += expansions.length + 1;
    const { matchStamp, bestStamp, best, score } = this;
    let touched: number[] = [];
    expansions.forEach((expansion, t) => {
      // A slot may go on only if it matched every earlier term (stamp base + t).
      const previous = base + t;
      const current = base + t + 1;
      touched = [];
      for (const { wordId, quality } of expansion) {
        const list = this.postings[wordId];
        const weights = this.postingWeights[wordId];
        if (!list || !weights) continue;
        const slots = list.data;
        const slotWeights = weights.data;
        for (let i = 0; i < list.length; i++) {
          const slot = slots[i] as number;
          if (t > 0 && matchStamp[slot] !== previous) continue;
          const value = (slotWeights[i] as number) * quality;
          if (bestStamp[slot] !== current) {
            bestStamp[slot] = current;
            best[slot] = value;
            touched.push(slot);
          } else if (value > (best[slot] as number)) best[slot] = value;
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
  private place(record: StoredRecord, words: Words): void {
    const slot = this.records.length;
    this.records.push(record);
    this.words.push(words);
    this.alive.push(1);
    this.rank.push(record.statusRank);
    this.csp.push(record.soldThroughCsp ? 1 : 0);
    facetValuesOf(record).forEach((list, f) => {
      this.valueStart.push(this.values.length);
      for (const value of new Set(list)) this.values.push(this.facetId(f, value));
    });
    this.valueStart.push(this.values.length);
    this.slotOf.set(record.offerId, slot);
    const { wordIds, weights } = words;
    for (let i = 0; i < wordIds.length; i++) {
      const wordId = wordIds[i] as number;
      let list = this.postings[wordId];
      let listWeights = this.postingWeights[wordId];
      if (!list || !listWeights) {
        list = intList();
        listWeights = floatList();
        this.postings[wordId] = list;
        this.postingWeights[wordId] = listWeights;
      }
      list.push(slot);
      listWeights.push(weights[i] as number);
    }
  }

  private facetId(f: number, value: string): number {
    const ids = this.facetIds[f] as Map<string, number>;
    let id = ids.get(value);
    if (id === undefined) {
      id = ids.size;
      ids.set(value, id);
      (this.facetValues[f] as string[]).push(value);
    }
    return id;
  }

  private markDead(offerId: string): boolean {
    const slot = this.slotOf.get(offerId);
    if (slot === undefined) return false;
    this.records[slot] = null;
    this.words[slot] = null;
    this.alive.data[slot] = 0;
    this.slotOf.delete(offerId);
    this.dead++;
    return true;
  }

  /** Renumbers the live offers from 0 and rebuilds slots and postings, once dead slots are a quarter of all. */
  private compactIfWorthIt(): void {
    if (this.dead <= 1000 || this.dead * 4 <= this.records.length) return;
    const live: [StoredRecord, Words][] = [];
    this.records.forEach((record, slot) => {
      const words = this.words[slot];
      if (record && words) live.push([record, words]);
    });
    this.records = [];
    this.words = [];
    this.alive = intList();
    this.rank = intList();
    this.csp = intList();
    this.values = intList();
    this.valueStart = intList();
    this.postings = [];
    this.postingWeights = [];
    this.slotOf.clear();
    this.dead = 0;
    for (const [record, words] of live) this.place(record, words);
  }
}

/** The best `size` hits after a cursor, kept in rank order as offers are seen (a page, without sorting all). */
class TopHits {
  private readonly kept: { slot: number; rank: number; score: number; id: string }[] = [];
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
    const last = this.kept[this.kept.length - 1];
    const full = this.kept.length === this.size;
    if (full && last && (rank < last.rank || (rank === last.rank && score < last.score))) return;
    const id = (this.records[slot] as StoredRecord).offerId;
    const entry = { slot, rank, score, id };
    if (after && !before(after, entry)) return;
    if (full && last && !before(entry, last)) return;
    let lo = 0;
    let hi = this.kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.kept[mid] as (typeof this.kept)[number], entry)) lo = mid + 1;
      else hi = mid;
    }
    this.kept.splice(lo, 0, entry);
    if (this.kept.length > this.size) this.kept.pop();
  }

  hits(): CatalogHit[] {
    return this.kept.map(({ slot, score }) => {
      const { version: _version, ...record } = this.records[slot] as StoredRecord;
      return { ...record, score: score.toFixed(6) };
    });
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
