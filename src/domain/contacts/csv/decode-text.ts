import { englishText, problem } from '../../messages/problem.js';
import type { Message } from '../../schemas/messages.js';

/** How a file's bytes were read. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName }
  | { ok: false; message: string; text: Message };

function refused(text: Message): DecodeResult {
  return { ok: false, message: englishText(text), text };
}

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
    return refused(problem('csv.utf16'));
  }
  const utf8 = decodeWith('utf-8', bytes, 'utf-8');
  if (utf8.ok) return utf8;
  return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

// Windows-1252 at 0x80-0x9F, where it differs from Latin-1 (WHATWG Encoding Standard; the five bytes it
// leaves undefined map to the C1 control of the same number).
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Windows-1252, mapped here rather than by TextDecoder: Node 20.18.3+ and 22.13+ decode 'windows-1252' as
 * Latin-1, turning € ’ “ ” – into C1 control characters (nodejs/node#60888).
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    units[i] = byte >= 0x80 && byte <= 0x9f ? (CP1252_80_9F[byte - 0x80] as number) : byte;
  }
  let text = '';
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.subarray(i, i + 8192));
  return text;
}

function decodeWith(label: string, bytes: Uint8Array, name: TextEncodingName): DecodeResult {
  try {
    const text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text, encoding: name };
  } catch {
    return refused(problem('csv.notText', { encoding: label.toUpperCase() }));
  }
}
