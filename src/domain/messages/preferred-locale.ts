import { type Locale, localeIds } from '../schemas/locale-ids.js';

function localeOfTag(tag: string): Locale | undefined {
  // "sv-SE", "sv_FI", "SV" all mean Swedish; the region does not change the words we have.
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (localeIds as readonly string[]).includes(language ?? '') ? (language as Locale) : undefined;
}

/**
 * The first of a person's languages, in their order of preference (the browser's `navigator.languages`),
 * that the product speaks; undefined when it speaks none of them.
 */
export function localeFromLanguages(tags: readonly string[]): Locale | undefined {
  for (const tag of tags) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return undefined;
}

/**
 * The language an HTTP `Accept-Language` header prefers among those the product speaks (RFC 9110: the
 * highest `q` first, the header's order between equals, `q=0` meaning "not this one"); undefined when the
 * header is absent or names none of them, so that the caller can tell "the browser said" from "we guessed".
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.split(';');
      const q = parameters.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0 && entry.tag !== '' && entry.tag !== '*')
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return localeFromLanguages(ranked.map((entry) => entry.tag));
}
