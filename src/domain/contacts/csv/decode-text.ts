/** How a file's bytes were read. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName }
  | { ok: false; message: string };

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * Decodes what spreadsheets save: UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's "Unicode text"),
 * and, when the bytes are not valid UTF-8, Windows-1252 (Excel's "CSV" on Western Windows). UTF-16 without a
 * BOM cannot be told apart reliably and is refused rather than guessed.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return decodeWith('utf-8', bytes.subarray(3), 'utf-8-bom');
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeWith('utf-16le', bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeWith('utf-16be', bytes.subarray(2), 'utf-16be');
  const sample = bytes.subarray(0, 4096);
  const zeros = sample.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
  if (zeros > sample.length / 8) {
    return {
      ok: false,
      message: 'The file looks like UTF-16 without a byte order mark. Save it as "CSV UTF-8" and try again.',
    };
  }
  const utf8 = decodeWith('utf-8', bytes, 'utf-8');
  if (utf8.ok) return utf8;
  return decodeWith('windows-1252', bytes, 'windows-1252');
}

function decodeWith(label: string, bytes: Uint8Array, name: TextEncodingName): DecodeResult {
  try {
    const text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text, encoding: name };
  } catch {
    return { ok: false, message: `The file is not valid ${label.toUpperCase()} text.` };
  }
}
