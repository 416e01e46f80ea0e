import { CATALOG_FACETS } from './catalog-schema.js';
import { RecordWords } from './record-words.js';
import {
  type CatalogIndexParts,
  type CatalogRow,
  facetValuesOf,
  type StoredRecord,
  storedRecordOf,
} from './search-index.js';
import { MAX_FACET_VALUES, type SlotTableParts } from './slot-table.js';
import { Vocabulary } from './vocabulary.js';

/** Facets per slot, and a slot's run in the slot table: where each facet's values end, then the values. */
const FACETS = CATALOG_FACETS.length;
/** The slot table's flags (slot-table.ts): alive, sold through CSP, status rank above them. */
const ALIVE = 1;
const CSP = 2;
const RANK_SHIFT = 2;

/** A typed array doubled when full; `view()` is its filled part. */
class Grown<A extends Int32Array | Uint8Array | Uint16Array> {
  length = 0;
  constructor(
    public data: A,
    private readonly make: (size: number) => A,
  ) {}

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  grow(needed: number): void {
    const next = this.make(Math.max(needed, this.data.length * 2));
    next.set(this.data);
    this.data = next;
  }

  view(): A {
    return this.data.subarray(0, this.length) as A;
  }
}

/**
 * Builds a whole index at once from rows read in one go (a full load), instead of `upsert`ing them one by
 * one: it keeps each offer's distinct words in one flat list while the rows come, then lays every word's
 * postings out in one pair of typed arrays, sized exactly, in one pass. Upserting grows each word's lists by
 * doubling (about as much garbage again as postings) and looks each offer up first; at 100,000 offers that
 * was most of a start without a snapshot. The parts are those `CatalogSearchIndex.fromParts` takes, and are
 * what upserting the same rows in the same order holds (the words numbered alike): index-builder.test.ts
 * compares the two.
 */
export class CatalogIndexBuilder {
  private readonly vocabulary = new Vocabulary();
  private readonly words = new RecordWords(this.vocabulary);
  private readonly records: StoredRecord[] = [];
  private readonly facts: string[] = [];
  private readonly seen = new Set<string>();
  /** Per offer in slot order, its distinct word ids and their fields, one after the other. */
  private readonly wordIds = new Grown(new Int32Array(1 << 16), (n) => new Int32Array(n));
  private readonly wordFields = new Grown(new Uint8Array(1 << 16), (n) => new Uint8Array(n));
  /** Per word id, how many offers have it. */
  private readonly counts = new Grown(new Int32Array(1024), (n) => new Int32Array(n));
  /** The slot table's arrays, as SlotTable.add would fill them. */
  private readonly data = new Grown(new Uint16Array(1 << 16), (n) => new Uint16Array(n));
  private readonly start = new Grown(new Int32Array(1024), (n) => new Int32Array(n));
  private readonly flags = new Grown(new Uint8Array(1024), (n) => new Uint8Array(n));
  /** Per facet, value → value number; per value number, its facet and id. */
  private readonly facetIds = CATALOG_FACETS.map(() => new Map<string, number>());
  private readonly values: { facet: number; id: string }[] = [];
  /** Per slot, where its words end in `wordIds`. */
  private readonly ends: number[] = [];

  get size(): number {
    return this.records.length;
  }

  /**
   * Adds an offer in the next slot; false, adding nothing, when the offer is there already (to be upserted
   * into the index once built: a builder never replaces a slot).
   */
  add(row: CatalogRow): boolean {
    if (this.seen.has(row.offerId)) return false;
    this.seen.add(row.offerId);
    const record = storedRecordOf(row);
    this.records.push(record);
    this.facts.push(row.cardFacts);
    this.place(record);
    const { ids, fields } = this.words;
    this.words.read(row);
    const n = ids.length;
    const wordIds = this.wordIds;
    const wordFields = this.wordFields;
    if (wordIds.length + n > wordIds.data.length) {
      wordIds.grow(wordIds.length + n);
      wordFields.grow(wordIds.data.length);
    }
    const counts = this.counts;
    const words = this.vocabulary.size;
    if (words > counts.data.length) counts.grow(words);
    counts.length = Math.max(counts.length, words);
    const perWord = counts.data;
    const toIds = wordIds.data;
    const toFields = wordFields.data;
    const fromIds = ids.data;
    const fromFields = fields.data;
    const base = wordIds.length;
    for (let i = 0; i < n; i++) {
      const id = fromIds[i] as number;
      toIds[base + i] = id;
      toFields[base + i] = fromFields[i] as number;
      perWord[id] = (perWord[id] as number) + 1;
    }
    wordIds.length += n;
    wordFields.length += n;
    this.ends.push(wordIds.length);
    return true;
  }

  /** The index's parts; the builder is spent (its arrays are the parts'). */
  parts(): CatalogIndexParts {
    const words = this.vocabulary.words;
    const counts = this.counts.data;
    // Every word's postings in one pair of arrays, word after word: `at` is where each word's next goes.
    const total = this.wordIds.length;
    const allSlots = new Int32Array(total);
    const allFields = new Uint8Array(total);
    const at = new Int32Array(words.length + 1);
    for (let id = 0; id < words.length; id++) at[id + 1] = (at[id] as number) + (counts[id] as number);
    const postings: CatalogIndexParts['postings'][number][] = words.map((_, id) =>
      counts[id]
        ? {
            slots: allSlots.subarray(at[id] as number, (at[id] as number) + (counts[id] as number)),
            fields: allFields.subarray(at[id] as number, (at[id] as number) + (counts[id] as number)),
          }
        : undefined,
    );
    const ids = this.wordIds.data;
    const fields = this.wordFields.data;
    let i = 0;
    for (let slot = 0; slot < this.records.length; slot++) {
      const end = this.ends[slot] as number;
      for (; i < end; i++) {
        const id = ids[i] as number;
        const place = at[id] as number;
        allSlots[place] = slot;
        allFields[place] = fields[i] as number;
        at[id] = place + 1;
      }
    }
    const table: SlotTableParts = {
      data: this.data.view(),
      start: this.start.view(),
      flags: this.flags.view(),
    };
    return { records: this.records, facts: this.facts, words, postings, values: this.values, table };
  }

  /** The record's slot-table run and flags, its facet values numbered as the index numbers them. */
  private place(record: StoredRecord): void {
    const data = this.data;
    const at = data.length;
    this.start.push(at);
    this.flags.push(ALIVE | (record.soldThroughCsp ? CSP : 0) | (record.statusRank << RANK_SHIFT));
    const lists = facetValuesOf(record);
    let size = FACETS;
    for (const list of lists) size += list.length;
    if (at + size > data.data.length) data.grow(at + size);
    let end = 0;
    const run = at + FACETS;
    for (let f = 0; f < FACETS; f++) {
      const from = end;
      for (const value of lists[f] as readonly string[]) {
        const id = this.facetId(f, value);
        // A value listed twice counts once.
        let twice = false;
        for (let k = run + from; k < run + end; k++) if (data.data[k] === id) twice = true;
        if (!twice) data.data[run + end++] = id;
      }
      data.data[at + f] = end;
    }
    data.length = at + FACETS + end;
  }

  private facetId(f: number, value: string): number {
    const ids = this.facetIds[f] as Map<string, number>;
    let id = ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      if (id >= MAX_FACET_VALUES) throw new Error(`more than ${MAX_FACET_VALUES} facet values`);
      ids.set(value, id);
      this.values.push({ facet: f, id: value });
    }
    return id;
  }
}
