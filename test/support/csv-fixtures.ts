/**
 * Contacts CSV files built in the tests themselves, byte for byte, in the encodings and dialects spreadsheets
 * save: no binary fixtures are checked in, and each test shows the exact file it sends.
 */

export type FixtureEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface CsvDialect {
  /** The cell separator: Excel uses the list separator of the region (comma, or semicolon in much of Europe). */
  delimiter?: ',' | ';' | '\t';
  newline?: '\r\n' | '\n';
  /** End the last row with a newline too (spreadsheets do). Default true. */
  finalNewline?: boolean;
}

/** The header the template and the export write. */
export const TEMPLATE_HEADER = [
  'Name',
  'Email',
  'Job title',
  'Role',
  'Countries/Regions',
  'States/Provinces',
] as const;

/** Windows-1252 at 0x80-0x9F, where it differs from Latin-1 (ISO-8859-1 has C1 controls there). */
const CP1252_HIGH: Record<number, number> = {
  8364: 0x80, // €
  8218: 0x82, // ‚
  402: 0x83, // ƒ
  8222: 0x84, // „
  8230: 0x85, // …
  8224: 0x86, // †
  8225: 0x87, // ‡
  710: 0x88, // ˆ
  8240: 0x89, // ‰
  352: 0x8a, // Š
  8249: 0x8b, // ‹
  338: 0x8c, // Œ
  381: 0x8e, // Ž
  8216: 0x91, // ‘
  8217: 0x92, // ’
  8220: 0x93, // “
  8221: 0x94, // ”
  8226: 0x95, // •
  8211: 0x96, // –
  8212: 0x97, // —
  732: 0x98, // ˜
  8482: 0x99, // ™
  353: 0x9a, // š
  8250: 0x9b, // ›
  339: 0x9c, // œ
  382: 0x9e, // ž
  376: 0x9f, // Ÿ
};

/**
 * Encodes text as Windows-1252 (Excel's "CSV" on Western Windows). Throws for a character the code page
 * does not have, so a fixture cannot silently lose one.
 */
export function encodeWindows1252(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    const high = CP1252_HIGH[code];
    if (high !== undefined) bytes.push(high);
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else
      throw new Error(
        `U+${code.toString(16).toUpperCase().padStart(4, '0')} (${char}) is not in Windows-1252`,
      );
  }
  return Uint8Array.from(bytes);
}

/** UTF-16 code units in the given byte order, with a byte order mark unless `bom` is false. */
export function encodeUtf16(text: string, order: 'le' | 'be', options: { bom?: boolean } = {}): Uint8Array {
  const bom = options.bom ?? true;
  // Code units, not code points: a character outside the BMP is two units (a surrogate pair).
  const codeUnits = bom ? [0xfeff] : [];
  for (let i = 0; i < text.length; i++) codeUnits.push(text.charCodeAt(i));
  const bytes = new Uint8Array(codeUnits.length * 2);
  codeUnits.forEach((unit, i) => {
    const [first, second] = order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
    bytes[i * 2] = first;
    bytes[i * 2 + 1] = second;
  });
  return bytes;
}

export function encodeUtf8(text: string, options: { bom?: boolean } = {}): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!options.bom) return body;
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
}

/** The text in one of the encodings the import reads, as the bytes of a file. */
export function encodeText(text: string, encoding: FixtureEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(encodeUtf8(text));
    case 'utf-8-bom':
      return Buffer.from(encodeUtf8(text, { bom: true }));
    case 'utf-16le':
      return Buffer.from(encodeUtf16(text, 'le'));
    case 'utf-16be':
      return Buffer.from(encodeUtf16(text, 'be'));
    case 'windows-1252':
      return Buffer.from(encodeWindows1252(text));
  }
}

/** One cell as a spreadsheet writes it: quoted when it holds the separator, a quote or a line break. */
export function csvCell(value: string, delimiter: string): string {
  const needsQuotes = value.includes(delimiter) || /["\r\n]/.test(value);
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows of cells as CSV text, each cell quoted only where needed. */
export function csvText(rows: readonly (readonly string[])[], dialect: CsvDialect = {}): string {
  const delimiter = dialect.delimiter ?? ',';
  const newline = dialect.newline ?? '\r\n';
  const lines = rows.map((cells) => cells.map((c) => csvCell(c, delimiter)).join(delimiter));
  return lines.join(newline) + ((dialect.finalNewline ?? true) ? newline : '');
}

/** Raw lines joined as they are: for files whose quoting is the point of the test. */
export function rawCsv(lines: readonly string[], newline: '\r\n' | '\n' = '\r\n'): string {
  return lines.join(newline) + newline;
}

/** A contacts file: a header row (the template's unless given) and rows, encoded as a spreadsheet saves it. */
export function contactsFile(
  rows: readonly (readonly string[])[],
  options: CsvDialect & { header?: readonly string[]; encoding?: FixtureEncoding } = {},
): Buffer {
  const text = csvText([options.header ?? TEMPLATE_HEADER, ...rows], options);
  return encodeText(text, options.encoding ?? 'utf-8');
}

/** A multipart/form-data body with one file part, as a browser's file input sends it. */
export function multipartBody(
  file: Buffer,
  options: { fieldName?: string; fileName?: string; contentType?: string } = {},
): { payload: Buffer; contentType: string } {
  const boundary = `----cosell-test-${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="${options.fieldName ?? 'file'}"; filename="${options.fileName ?? 'contacts.csv'}"\r\n` +
      `Content-Type: ${options.contentType ?? 'text/csv'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, file, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
