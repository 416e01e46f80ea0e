/**
 * Accent and case folding for the catalogue's search: what is stored and what is searched for are folded
 * alike, so "Säkerhet", "SAKERHET" and "sakerhet" are one word. Pure, so the server folds the query exactly
 * as it folded the stored text, on PostgreSQL and PGlite alike.
 */
const SPECIAL: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øæœßđðłþı]/g, (c) => SPECIAL[c] ?? c);
}

/** The words of a text already folded: runs of letters and digits. */
export function wordsOfFolded(folded: string): string[] {
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The words of a text, folded: runs of letters and digits. */
export function foldedWords(text: string): string[] {
  return wordsOfFolded(foldText(text));
}

/** The search terms of a query: folded words, each once, at most `max`. */
/** A search uses its first eight distinct words (the index reports where each was found in four bits of 32). */
export const MAX_QUERY_TERMS = 8;

export function queryTerms(query: string | undefined, max = MAX_QUERY_TERMS): string[] {
  if (!query) return [];
  return [...new Set(foldedWords(query))].slice(0, max);
}

/** pg_trgm's trigrams of one word: padded with two spaces in front and one behind. */
export function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** The shortest term matched by similarity (misspellings); shorter ones match by prefix only. */
export const FUZZY_MIN_LENGTH = 4;
/**
 * How similar a misspelt term must be to a word: the share of the term's trigrams the word has, as pg_trgm's
 * word_similarity measures it, at its default threshold ("analytcs" has 7 of its 9 in "analytics": 0.78).
 */
export const FUZZY_THRESHOLD = 0.6;

/** How a word found through a term counts towards a score: the word itself, a longer word, a close word. */
export const MATCH_QUALITY = { exact: 1, prefix: 0.8, fuzzy: 0.5 } as const;
