// The searches the catalogue benches send: a stream of distinct searches as sellers type them, drawn from the
// generated catalogue (bench/catalog-generate.mjs) with a seeded PRNG, so every run and every engine compared
// gets the same stream; and the old six repeated searches (one word, country=SE, platform=Azure).
//
// The stream, per search:
// - 1-3 words (45 % one, 35 % two, 20 % three) from the catalogue's vocabulary: the distinct words of its
//   names, summaries and descriptions (three letters or more, no stop words), each as likely as any other;
// - a fifth with a typo in one word of five letters or more (a letter dropped, doubled, swapped with the
//   next or replaced by its keyboard neighbour);
// - a tenth in Swedish instead: 1-2 words of the Swedish taxonomy labels the catalogue's offers carry, as
//   written (accents, capitals);
// - a third with 1-3 filters on distinct facets, each value drawn from a random offer's own values (so
//   popular values come up as often as sellers would pick them);
// - a fifth read on to page 2 by the first page's cursor, and a third of those to page 3.
import { getTaxonomy } from '../dist/domain/reference/taxonomy.js';
import { SEARCH_WORDS } from './catalog-generate.mjs';
import { prng } from './prng.mjs';

const STOP_WORDS = new Set(['and', 'for', 'the', 'with', 'och', 'för', 'med', 'brings', 'built']);
/** Facets a filter is drawn from, with how often sellers pick each. */
const FILTER_FACETS = [
  ['country', 0.35],
  ['platform', 0.2],
  ['area', 0.15],
  ['status', 0.1],
  ['segment', 0.05],
  ['subArea', 0.05],
  ['offerType', 0.05],
  ['solutionType', 0.05],
];
/** catalog_offers columns holding each facet's values. */
const FACET_COLUMN = {
  platform: 'platforms',
  segment: 'segments',
  solutionType: 'solution_type',
  area: 'areas',
  subArea: 'sub_areas',
  country: 'markets',
  offerType: 'offer_type',
  status: 'co_sell_status',
};
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

const wordsOf = (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const usable = (word) => word.length >= 3 && !STOP_WORDS.has(word) && !/^\d+$/.test(word);

/** The English vocabulary of a generated catalogue: distinct words of its offers' names, summaries, descriptions. */
function englishVocabulary(catalog) {
  const offers = catalog.tables.offers;
  const at = Object.fromEntries(offers.columns.map((c, i) => [c, i]));
  const words = new Set();
  for (const row of offers.rows)
    for (const column of ['name', 'summary', 'description'])
      for (const word of wordsOf(row[at[column]])) if (usable(word)) words.add(word);
  return [...words].sort();
}

/** Swedish words of the taxonomy labels the catalogue's offers carry, as written. */
async function swedishVocabulary() {
  const { swedishLabel } = await import('../dist/domain/catalog/catalog-labels.js');
  const taxonomy = getTaxonomy('2020-12');
  const labels = [
    ...taxonomy.platforms.map((p) => [swedishLabel('platforms', p.id, '2020-12'), p.label]),
    ...taxonomy.solutionAreas.flatMap((a) => [
      [swedishLabel('solutionAreas', a.id, '2020-12'), a.label],
      ...a.subAreas.map((s) => [swedishLabel('subAreas', s.id, '2020-12'), s.label]),
    ]),
  ];
  const words = new Set();
  for (const [swedish, english] of labels) {
    if (!swedish || swedish === english) continue;
    const englishWords = new Set(wordsOf(english));
    for (const word of swedish.match(/[\p{L}\p{N}]+/gu) ?? [])
      if (usable(word.toLowerCase()) && !englishWords.has(word.toLowerCase())) words.add(word);
  }
  return [...words].sort();
}

/** One typo in a word of five letters or more, as fingers make them. */
function misspell(word, random) {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 4);
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1); // dropped
  if (kind === 1) return word.slice(0, at) + word[at] + word.slice(at); // doubled
  if (kind === 2) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2); // swapped
  const row = KEYBOARD_ROWS.find((r) => r.includes(word[at]));
  if (!row) return word.slice(0, at) + word.slice(at + 1);
  const i = row.indexOf(word[at]);
  const neighbour = row[i + 1] ?? row[i - 1];
  return word.slice(0, at) + neighbour + word.slice(at + 1); // neighbouring key
}

/**
 * `count` searches as sellers type them (see the top of this file), each
 * `{ q, filters: { facet: [values] }, pages, typo, swedish }`.
 */
export async function searchStream(catalog, { count = 5000, seed = 20_261_208 } = {}) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const english = englishVocabulary(catalog);
  const swedish = await swedishVocabulary();
  const rows = catalog.tables.catalog_offers;
  const column = Object.fromEntries(rows.columns.map((c, i) => [c, i]));
  const searches = [];
  for (let n = 0; n < count; n++) {
    const isSwedish = random() < 0.1;
    const r = random();
    const wordCount = isSwedish ? 1 + Math.floor(random() * 2) : r < 0.45 ? 1 : r < 0.8 ? 2 : 3;
    const words = [];
    while (words.length < wordCount) {
      const word = pick(isSwedish ? swedish : english);
      if (!words.includes(word)) words.push(word);
    }
    let typo = false;
    if (random() < 0.2) {
      const long = words.map((w, i) => [w, i]).filter(([w]) => w.length >= 5);
      if (long.length > 0) {
        const [word, i] = pick(long);
        words[i] = misspell(word, random);
        typo = true;
      }
    }
    const filters = {};
    if (random() < 1 / 3) {
      const filterCount = 1 + Math.floor(random() * 3);
      while (Object.keys(filters).length < filterCount) {
        let x = random();
        let facet = FILTER_FACETS[FILTER_FACETS.length - 1][0];
        for (const [name, share] of FILTER_FACETS) {
          if (x < share) {
            facet = name;
            break;
          }
          x -= share;
        }
        if (filters[facet]) continue;
        const values = [
          rows.rows[Math.floor(random() * rows.rows.length)][column[FACET_COLUMN[facet]]],
        ].flat();
        const value = pick(values.filter((v) => v !== null));
        if (value !== undefined) filters[facet] = [value];
      }
    }
    const p = random();
    const pages = p < 0.2 / 3 ? 3 : p < 0.2 ? 2 : 1;
    searches.push({ q: words.join(' '), filters, pages, typo, swedish: isSwedish });
  }
  return searches;
}

/** The old six: one word each, country=SE and platform=Azure, repeated. */
export const SIX_SEARCHES = SEARCH_WORDS.map((word) => ({
  q: word,
  filters: { country: ['SE'], platform: ['Azure'] },
  pages: 1,
  typo: false,
  swedish: false,
}));

/** The search's path on the server, for its first page or the page after `cursor`. */
export function searchPath(search, cursor, extra = '') {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  for (const [facet, values] of Object.entries(search.filters))
    for (const value of values) params.append(facet, value);
  if (cursor) params.set('cursor', cursor);
  return `/api/v1/catalog/offers?${params}${extra}`;
}

/** A few figures of a stream, for the report. */
export function describeStream(searches) {
  const share = (test) => Math.round((100 * searches.filter(test).length) / searches.length);
  return {
    searches: searches.length,
    distinct: new Set(searches.map((s) => searchPath(s))).size,
    oneWordPct: share((s) => s.q.split(' ').length === 1),
    typoPct: share((s) => s.typo),
    swedishPct: share((s) => s.swedish),
    filteredPct: share((s) => Object.keys(s.filters).length > 0),
    page2Pct: share((s) => s.pages >= 2),
    page3Pct: share((s) => s.pages >= 3),
  };
}
