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

/** The words of a text, folded: runs of letters and digits. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The search terms of a query: folded words, each once, at most `max`. */
export function queryTerms(query: string | undefined, max = 8): string[] {
  if (!query) return [];
  return [...new Set(foldedWords(query))].slice(0, max);
}

function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** pg_trgm's similarity of one word to another: shared trigrams over the trigrams of both. */
export function wordSimilarity(term: string, word: string): number {
  const a = trigrams(term);
  const b = trigrams(word);
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}

/** The shortest term matched by similarity (misspellings); shorter ones match by prefix only. */
export const FUZZY_MIN_LENGTH = 4;
/** How similar a misspelt term must be to a word (pg_trgm word_similarity) to match it. */
export const FUZZY_THRESHOLD = 0.6;

/** Whether a folded term finds a text: a word starting with it, or (long enough terms) a close word. */
export function termMatches(term: string, words: readonly string[]): boolean {
  if (words.some((w) => w.startsWith(term))) return true;
  if (term.length < FUZZY_MIN_LENGTH) return false;
  return words.some((w) => wordSimilarity(term, w) >= FUZZY_THRESHOLD - 0.1);
}
