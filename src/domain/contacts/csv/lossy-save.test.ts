import { describe, expect, it } from 'vitest';
import { sniffImportContainer, zipKindOf } from './import-file-kind.js';
import { lossyRowsText, lossySaveSigns } from './lossy-save.js';

describe('lossySaveSigns', () => {
  it.each(['?ukasz Nowak', 'Ji?í Novák', 'Wang ??', '???', 'Anne-?ise', "O'?onnell"])(
    'sees a letter lost to ? in %j',
    (name) => expect(lossySaveSigns(name, true)).toBe(true),
  );

  it.each(['Who? Me', 'Really?', 'Åsa Öberg', 'Q & A', '? help'])('sees none in %j', (name) =>
    expect(lossySaveSigns(name, true)).toBe(false),
  );

  it('looks for ? only where asked, and for U+FFFD always', () => {
    expect(lossySaveSigns('Wang ??', false)).toBe(false);
    expect(lossySaveSigns('Bj\uFFFDrn', false)).toBe(true);
  });

  it('names at most twenty rows in words', () => {
    expect(lossyRowsText([2, 5])).toBe('2, 5');
    const many = Array.from({ length: 25 }, (_, i) => i + 2);
    expect(lossyRowsText(many)).toBe(`${many.slice(0, 20).join(', ')}, …`);
  });
});

describe('what an import file is, by content', () => {
  const bytes = (...values: number[]) => new Uint8Array([...values, 0, 0, 0, 0]);

  it('tells a zip, an OLE2 compound file and text apart by their first bytes', () => {
    expect(sniffImportContainer(bytes(0x50, 0x4b, 0x03, 0x04))).toBe('zip');
    expect(sniffImportContainer(bytes(0x50, 0x4b, 0x05, 0x06))).toBe('zip');
    expect(sniffImportContainer(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe('ole2');
    expect(sniffImportContainer(new TextEncoder().encode('PK,Name\r\n'))).toBe('text');
    expect(sniffImportContainer(new Uint8Array())).toBe('text');
  });

  it('tells a workbook from other zip archives by their entries', () => {
    expect(zipKindOf(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'])).toBe('xlsx');
    expect(zipKindOf(['[Content_Types].xml', 'xl/workbook.bin'])).toBe('xlsb');
    expect(zipKindOf(['mimetype', 'content.xml', 'META-INF/manifest.xml'])).toBe('ods');
    expect(zipKindOf(['Index/Document.iwa', 'Metadata/Properties.plist'])).toBe('numbers');
    expect(zipKindOf(['[Content_Types].xml', 'word/document.xml'])).toBe('zip');
  });
});
