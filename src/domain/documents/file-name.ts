/** The longest stored file name, in characters; longer names are shortened, keeping the extension. */
export const MAX_FILE_NAME_LENGTH = 150;

// C0 and C1 controls, DEL, and the bidirectional overrides that make "evil‮fdp.exe" read as "evil.exe.pdf".
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not reach a file name
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Characters Windows refuses in names, and the path separators; a downloaded file must be saveable as named.
const RESERVED = /[<>:"|?*\\/]/g;

/**
 * The extension of a file name, lower-cased with its dot (".pdf"), or "" when there is none. A name that is
 * only an extension (".pdf") has none: it is a hidden file's name.
 */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot).toLowerCase() : '';
}

/**
 * A client's file name made safe to store and to send back in Content-Disposition: the last path segment
 * only (browsers and tools may send "C:\fakepath\deck.pdf"), cleaned by cleanFileName. The stored name is
 * only ever shown; it never decides a path on disk.
 */
export function sanitizeFileName(raw: string, fallback = 'document'): string {
  return cleanFileName(raw.split(/[\\/]/).pop() ?? '', fallback);
}

/**
 * A file name made safe to send in Content-Disposition and to save as named, whether a client sent it or the
 * server made it from data (an offer's name): NFC-normalised, without control or bidirectional-override
 * characters, with path separators and Windows-reserved characters replaced, trimmed of spaces and dots, at
 * most MAX_FILE_NAME_LENGTH characters with the extension kept.
 */
export function cleanFileName(raw: string, fallback = 'document'): string {
  let name = raw
    .normalize('NFC')
    .replace(UNSAFE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .replace(/[\s.]+$/, '');
  // A name that is only an extension (".pdf") gets a stem; other leading dots (hidden files) go.
  if (/^\.[^.]+$/.test(name)) name = `${fallback}${name}`;
  name = name.replace(/^[\s.]+/, '');
  if (name === '') name = fallback;
  const extension = extensionOf(name);
  const chars = Array.from(name);
  if (chars.length <= MAX_FILE_NAME_LENGTH) return name;
  // Cut by code points, not UTF-16 units, so no emoji is split into a lone surrogate.
  // An absurd "extension" (a long run after the last dot) is cut like the rest of the name.
  const kept = extension.length <= 16 ? extension : '';
  const extensionChars = Array.from(kept).length;
  const stem = chars
    .slice(0, MAX_FILE_NAME_LENGTH - extensionChars)
    .join('')
    .replace(/[\s.]+$/, '');
  return `${stem}${kept}`;
}
