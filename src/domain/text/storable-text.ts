/**
 * Text a database can store. PostgreSQL refuses U+0000 in text and in JSON ("invalid byte sequence",
 * "unsupported Unicode escape sequence"), and a UTF-16 surrogate without its pair is not Unicode at all (jsonb
 * refuses its escape; UTF-8 cannot encode it). Left to the database they were 500s; this one rule lets the
 * API edge, the CSV import and multipart fields refuse them with the place they were found.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is one of the characters to find
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** What is wrong, for an issue that names where: said once so every place says it alike. */
export const UNSTORABLE_TEXT_MESSAGE =
  'contains a character that cannot be stored: U+0000 (NUL) or half of a UTF-16 surrogate pair; remove it';

/** True when `text` has no U+0000 and no unpaired surrogate. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** The text with each unstorable character shown as U+FFFD, to echo back a value in an error. */
export function showUnstorableText(text: string): string {
  return text.replace(UNSTORABLE_ALL, '\uFFFD');
}

/** The most paths findUnstorableText reports: enough to fix a request, bounded for a hostile one. */
const MAX_FOUND = 20;

/** A place in a value: its key or index, and the place that holds it (linked, so no path is copied). */
interface Place {
  key: string | number;
  parent: Place | undefined;
}

function pathOf(place: Place | undefined): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at = place; at; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * The paths of every string in a parsed JSON value (or query string, or path parameters) that is not
 * storable, object keys included, in document order. Iterative, so deep nesting cannot exhaust the stack.
 */
export function findUnstorableText(value: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const pending: { value: unknown; place: Place | undefined; isKey?: true }[] = [{ value, place: undefined }];
  while (pending.length > 0 && found.length < MAX_FOUND) {
    const { value: current, place, isKey } = pending.pop() as (typeof pending)[number];
    if (isKey) found.push(pathOf(place));
    else if (typeof current === 'string') {
      if (!isStorableText(current)) found.push(pathOf(place));
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--)
        pending.push({ value: current[i], place: { key: i, parent: place } });
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string, unknown];
        if (!isStorableText(key))
          pending.push({ value: key, place: { key: showUnstorableText(key), parent: place }, isKey: true });
        else pending.push({ value: child, place: { key, parent: place } });
      }
    }
  }
  return found;
}
