import { describe, expect, it } from 'vitest';
import {
  encodeText,
  encodeUtf8,
  encodeUtf16,
  encodeWindows1252,
} from '../../../../test/support/csv-fixtures.js';
import { decodeText } from './decode-text.js';

const SWEDISH = 'Namn;E-post\r\nÅsa Öberg;asa@example.se\r\nLars Sjöström;lars@example.se\r\n';

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(encodeUtf8(SWEDISH))).toEqual({ ok: true, text: SWEDISH, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const result = decodeText(encodeUtf8(SWEDISH, { bom: true }));
    expect(result).toEqual({ ok: true, text: SWEDISH, encoding: 'utf-8-bom' });
  });

  it.each(['le', 'be'] as const)('reads UTF-16 %s with a BOM and drops the BOM', (order) => {
    const text = `${SWEDISH}Zoë O'Brien-Smith;zoe@example.ie;emoji 🎉\r\n`;
    const result = decodeText(encodeUtf16(text, order));
    expect(result).toEqual({ ok: true, text, encoding: `utf-16${order}` });
  });

  it('reads bytes that are not UTF-8 as Windows-1252, including the 0x80-0x9F range Latin-1 lacks', () => {
    const text = 'Åsa Öberg;Partners’ sales € “Nordics” – Šárka Žák…\r\n';
    const bytes = encodeWindows1252(text);
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xc5, 0x73, 0x61]); // Å s a
    expect(bytes).toContain(0x92); // ’
    expect(bytes).toContain(0x80); // €
    const result = decodeText(bytes);
    expect(result).toEqual({ ok: true, text, encoding: 'windows-1252' });
  });

  it('maps every byte 0x80-0x9F the way Windows-1252 does (not as C1 controls)', () => {
    const defined = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
    const bytes = encodeWindows1252(defined);
    expect(bytes.length).toBe(27);
    expect(bytes.every((b) => b >= 0x80 && b <= 0x9f)).toBe(true);
    expect(decodeText(Uint8Array.from([0xc5, ...bytes]))).toEqual({
      ok: true,
      text: `Å${defined}`,
      encoding: 'windows-1252',
    });
    // The five bytes Windows-1252 leaves undefined stay the C1 control of the same number (WHATWG).
    const undefinedBytes = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
    const result = decodeText(Uint8Array.from([0xff, ...undefinedBytes]));
    expect(result).toEqual({
      ok: true,
      text: String.fromCharCode(0xff, ...undefinedBytes),
      encoding: 'windows-1252',
    });
  });

  it('falls back to Windows-1252 for invalid UTF-8 even when most of the file is ASCII', () => {
    const ascii = 'a'.repeat(5000);
    const bytes = Uint8Array.from([...Buffer.from(ascii), 0xe9]); // é in Windows-1252, a broken UTF-8 lead
    expect(decodeText(bytes)).toEqual({ ok: true, text: `${ascii}é`, encoding: 'windows-1252' });
  });

  it('keeps valid UTF-8 as UTF-8 (a UTF-8 file is not misread as Windows-1252 mojibake)', () => {
    const result = decodeText(encodeUtf8('José Núñez'));
    expect(result).toEqual({ ok: true, text: 'José Núñez', encoding: 'utf-8' });
  });

  it.each(['le', 'be'] as const)('refuses UTF-16 %s without a BOM rather than guess', (order) => {
    const result = decodeText(encodeUtf16(SWEDISH, order, { bom: false }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/UTF-16 without a byte order mark/);
  });

  it('refuses a UTF-8 BOM followed by bytes that are not UTF-8', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xc5, 0x73]);
    const result = decodeText(bytes);
    expect(result).toEqual({
      ok: false,
      message: 'The file is not valid UTF-8 text.',
      text: { key: 'problems.csv.notText', params: { encoding: 'UTF-8' } },
    });
  });

  it('refuses a UTF-16 BOM followed by an odd number of bytes', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42]);
    expect(decodeText(bytes)).toEqual({
      ok: false,
      message: 'The file is not valid UTF-16LE text.',
      text: { key: 'problems.csv.notText', params: { encoding: 'UTF-16LE' } },
    });
  });

  it('decodes an empty file as empty UTF-8 text (the parser reports it as empty)', () => {
    expect(decodeText(new Uint8Array())).toEqual({ ok: true, text: '', encoding: 'utf-8' });
  });

  it('the fixture encoder round-trips through the platform decoder for every encoding', () => {
    const text = 'Åsa Öberg, José Núñez, Zoë O’Brien-Smith, 25 €';
    for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const) {
      const result = decodeText(encodeText(text, encoding));
      expect(result, encoding).toEqual({ ok: true, text, encoding });
    }
    expect(() => encodeWindows1252('日本')).toThrow(/not in Windows-1252/);
  });
});
