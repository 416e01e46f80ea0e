/**
 * An RFC 6266 attachment header: an ASCII fallback name for old clients and the exact name as RFC 5987
 * `filename*` (UTF-8, percent-encoded beyond attr-char), so `Översikt åäö.pdf` arrives intact.
 */
export function attachment(fileName: string): string {
  return disposition('attachment', fileName);
}

/** The same header for a file the browser shows in place (only for types that cannot run script). */
export function inline(fileName: string): string {
  return disposition('inline', fileName);
}

function disposition(type: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
