import { CATALOG_FACETS } from './catalog-schema.js';
import { type CatalogIndexParts, facetValuesOf, type StoredRecord } from './search-index.js';

/** Says the bytes are an index's parts, in this layout ("CIX1"); another layout is not read. */
const MAGIC = 0x31584943;
const HEADER = 10;
/** Between the texts: PostgreSQL's text holds no NUL, so no name, id or word does. */
const SEPARATOR = '\0';
const END = 'end';
/** The slot table's flags: sold through CSP, and the status rank above it (slot-table.ts). */
const CSP = 2;
const RANK_SHIFT = 2;

const padded = (bytes: number) => (bytes + 3) & ~3;

/** Where each part starts, in the order they are laid out, from the counts in the header. */
function layout(counts: {
  slots: number;
  wordLists: number;
  total: number;
  dataLength: number;
  valueCount: number;
  listed: number;
  textLength: number;
}) {
  const at = { lengths: HEADER * 4 } as Record<string, number>;
  at.slots = (at.lengths as number) + counts.wordLists * 4;
  at.start = at.slots + counts.total * 4;
  at.data = at.start + counts.slots * 4;
  at.fields = at.data + padded(counts.dataLength * 2);
  at.flags = at.fields + padded(counts.total);
  at.facets = at.flags + padded(counts.slots);
  at.lists = at.facets + padded(counts.valueCount);
  at.text = at.lists + padded(counts.listed * 2);
  at.end = at.text + counts.textLength;
  return at as Record<
    'lengths' | 'slots' | 'start' | 'data' | 'fields' | 'flags' | 'facets' | 'lists' | 'text' | 'end',
    number
  >;
}

/**
 * An index's parts as bytes (a snapshot's body): counts, then the typed arrays as they are in memory (the
 * postings of every word one after the other, the slot table), each record's facet values as value numbers,
 * then the texts (ids, versions, names, summaries, card facts, words, facet values) in one UTF-8 run. Reading
 * it back copies no posting and makes no string per facet value: the index takes views of the bytes.
 * Typed arrays keep the machine's byte order: a snapshot is read where it was written.
 */
export function encodeIndexParts(parts: CatalogIndexParts): Uint8Array {
  const slots = parts.records.length;
  const wordLists = parts.postings.length;
  const lengths = new Int32Array(wordLists);
  let total = 0;
  parts.postings.forEach((list, id) => {
    lengths[id] = list ? list.slots.length : -1;
    total += list ? list.slots.length : 0;
  });
  const numberOf = CATALOG_FACETS.map(() => new Map<string, number>());
  parts.values.forEach(({ facet, id }, n) => {
    numberOf[facet]?.set(id, n);
  });
  let listed = 0;
  for (const record of parts.records) {
    for (const values of facetValuesOf(record)) listed += 1 + values.length;
  }
  const lists = new Uint16Array(listed);
  let l = 0;
  const texts: string[] = [];
  parts.records.forEach((r, slot) => {
    texts.push(r.offerId, r.version, r.organizationName, r.name, r.summary, parts.facts[slot] as string);
    facetValuesOf(r).forEach((values, f) => {
      lists[l++] = values.length;
      for (const value of values) {
        const n = numberOf[f]?.get(value);
        if (n === undefined) throw new Error(`a facet value the index has not numbered: ${value}`);
        lists[l++] = n;
      }
    });
    // Status rank and CSP are read back from the slot table's flags.
    const flags = parts.table.flags[slot] as number;
    if (flags >>> RANK_SHIFT !== r.statusRank || ((flags & CSP) !== 0) !== r.soldThroughCsp)
      throw new Error('a record its slot flags disagree with');
  });
  for (const word of parts.words) texts.push(word);
  for (const value of parts.values) texts.push(value.id);
  // The last text, so that a text left over or missing shows (and an empty index still has one).
  texts.push(END);
  const text = new TextEncoder().encode(texts.join(SEPARATOR));
  const { data, start, flags } = parts.table;
  const at = layout({
    slots,
    wordLists,
    total,
    dataLength: data.length,
    valueCount: parts.values.length,
    listed,
    textLength: text.length,
  });
  const bytes = new Uint8Array(at.end);
  new Int32Array(bytes.buffer, 0, HEADER).set([
    MAGIC,
    slots,
    wordLists,
    total,
    data.length,
    parts.words.length,
    parts.values.length,
    listed,
    text.length,
    0,
  ]);
  new Int32Array(bytes.buffer, at.lengths, wordLists).set(lengths);
  const allSlots = new Int32Array(bytes.buffer, at.slots, total);
  let n = 0;
  for (const list of parts.postings) {
    if (!list) continue;
    allSlots.set(list.slots, n);
    bytes.set(list.fields, at.fields + n);
    n += list.slots.length;
  }
  new Int32Array(bytes.buffer, at.start, slots).set(start);
  new Uint16Array(bytes.buffer, at.data, data.length).set(data);
  bytes.set(flags, at.flags);
  bytes.set(
    parts.values.map((value) => value.facet),
    at.facets,
  );
  new Uint16Array(bytes.buffer, at.lists, listed).set(lists);
  bytes.set(text, at.text);
  return bytes;
}

/**
 * The parts `encodeIndexParts` wrote; throws when the bytes are not such parts (CatalogSearchIndex.fromParts
 * checks that they fit together).
 */
export function decodeIndexParts(given: Uint8Array): CatalogIndexParts {
  // Typed-array views need their alignment: a buffer that starts elsewhere is copied once.
  const bytes = given.byteOffset % 4 === 0 ? given : given.slice();
  if (bytes.length < HEADER * 4) throw new Error('index parts too short');
  const header = Array.from(new Int32Array(bytes.buffer, bytes.byteOffset, HEADER));
  const [magic, slots, wordLists, total, dataLength, wordCount, valueCount, listed, textLength] = header as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (magic !== MAGIC || header.some((count) => count < 0)) throw new Error('not index parts');
  const at = layout({ slots, wordLists, total, dataLength, valueCount, listed, textLength });
  if (at.end !== bytes.length) throw new Error('index parts of the wrong length');
  const view = <A>(
    Kind: new (buffer: ArrayBufferLike, offset: number, length: number) => A,
    offset: number,
    length: number,
  ) => new Kind(bytes.buffer, bytes.byteOffset + offset, length);
  const lengths = view(Int32Array, at.lengths, wordLists);
  const allSlots = view(Int32Array, at.slots, total);
  const start = view(Int32Array, at.start, slots);
  const data = view(Uint16Array, at.data, dataLength);
  const allFields = bytes.subarray(at.fields, at.fields + total);
  const flags = bytes.subarray(at.flags, at.flags + slots);
  const facets = bytes.subarray(at.facets, at.facets + valueCount);
  const lists = view(Uint16Array, at.lists, listed);
  const texts = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at.text)).split(SEPARATOR);

  const postings: CatalogIndexParts['postings'][number][] = new Array(wordLists);
  let n = 0;
  for (let id = 0; id < wordLists; id++) {
    const length = lengths[id] as number;
    if (length < 0) continue;
    if (n + length > total) throw new Error('postings past their end');
    postings[id] = { slots: allSlots.subarray(n, n + length), fields: allFields.subarray(n, n + length) };
    n += length;
  }
  if (n !== total) throw new Error('postings short of their end');

  const firstValue = 6 * slots + wordCount;
  if (texts.length !== firstValue + valueCount + 1 || texts[texts.length - 1] !== END)
    throw new Error('index parts with texts missing or left over');
  const valueIds = texts.slice(firstValue, firstValue + valueCount);
  let l = 0;
  const list = (): string[] => {
    const count = lists[l++] as number;
    if (l + count > listed) throw new Error('facet values past their end');
    const values: string[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const value = valueIds[lists[l++] as number];
      if (value === undefined) throw new Error('a facet value out of range');
      values[i] = value;
    }
    return values;
  };
  const records: StoredRecord[] = new Array(slots);
  const facts: string[] = new Array(slots);
  for (let slot = 0; slot < slots; slot++) {
    const t = 6 * slot;
    // In facetValuesOf's order: platforms, segments, solution type, areas, sub-areas, markets, type, status.
    const platforms = list();
    const segments = list();
    const [solutionType = null] = list();
    const areas = list();
    const subAreas = list();
    const markets = list();
    const [offerType] = list();
    const [coSellStatus] = list();
    if (offerType === undefined || coSellStatus === undefined) throw new Error('a record without its type');
    const flagged = flags[slot] as number;
    records[slot] = {
      offerId: texts[t] as string,
      version: texts[t + 1] as string,
      organizationName: texts[t + 2] as string,
      name: texts[t + 3] as string,
      summary: texts[t + 4] as string,
      offerType,
      coSellStatus,
      statusRank: flagged >>> RANK_SHIFT,
      soldThroughCsp: (flagged & CSP) !== 0,
      markets,
      platforms,
      segments,
      solutionType,
      areas,
      subAreas,
    };
    facts[slot] = texts[t + 5] as string;
  }
  if (l !== listed) throw new Error('facet values left over');
  const words = texts.slice(6 * slots, firstValue);
  const values = valueIds.map((id, n) => ({ facet: facets[n] as number, id }));
  return { records, facts, words, postings, values, table: { data, start, flags } };
}
