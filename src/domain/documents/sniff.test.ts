import { describe, expect, it } from 'vitest';
import { sampleFiles } from '../../../test/support/document-fixtures.js';
import { checkDocumentContent, type FileKind, SNIFF_BYTES, sniffFileKind, zipEntryNames } from './sniff.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

/** A ZIP local file header (stored, no data) for each name, back to back. */
function zipOf(...names: string[]): Uint8Array {
  const parts: number[] = [];
  for (const name of names) {
    const header = new Array(30).fill(0);
    header.splice(0, 4, 0x50, 0x4b, 0x03, 0x04);
    header[26] = name.length & 0xff;
    header[27] = name.length >> 8;
    parts.push(...header, ...Array.from(name, (c) => c.charCodeAt(0)));
  }
  return Uint8Array.from(parts);
}

describe('sniffFileKind', () => {
  it.each<[string, Uint8Array, FileKind]>([
    ['PDF', bytes('%PDF-1.7\n'), 'pdf'],
    ['PNG', bytes([0x89], 'PNG\r\n', [0x1a, 0x0a], 'rest'), 'png'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'jpeg'],
    ['MP4', bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 2, 0]), 'mp4'],
    ['QuickTime', bytes([0, 0, 0, 0x14], 'ftypqt  '), 'quicktime'],
    ['HEIC', bytes([0, 0, 0, 0x18], 'ftypheic'), 'heif'],
    ['OLE2', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'ole2'],
    ['DOCX', zipOf('[Content_Types].xml', '_rels/.rels', 'word/document.xml'), 'docx'],
    ['PPTX', zipOf('[Content_Types].xml', 'ppt/presentation.xml'), 'pptx'],
    ['XLSX', zipOf('[Content_Types].xml', 'xl/workbook.xml'), 'xlsx'],
    ['DOCM', zipOf('[Content_Types].xml', 'word/document.xml', 'word/vbaProject.bin'), 'officeMacro'],
    ['JAR', zipOf('META-INF/MANIFEST.MF', 'a.class'), 'javaArchive'],
    ['plain ZIP', zipOf('readme.txt', 'photo.jpg'), 'zip'],
    ['Windows executable', bytes('MZ', [0x90, 0]), 'windowsExecutable'],
    ['ELF', bytes([0x7f], 'ELF', [2, 1, 1]), 'elf'],
    ['Mach-O', bytes([0xcf, 0xfa, 0xed, 0xfe]), 'macho'],
    ['shell script', bytes('#!/bin/sh\nrm -rf /\n'), 'script'],
    ['HTML', bytes('  <!DOCTYPE html><html>'), 'html'],
    ['HTML with BOM', bytes([0xef, 0xbb, 0xbf], '<html><body>'), 'html'],
    ['bare script tag', bytes('<script>alert(1)</script>'), 'html'],
    ['SVG', bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'), 'svg'],
    ['XML', bytes('<?xml version="1.0"?><root/>'), 'xml'],
    ['RTF', bytes('{\\rtf1\\ansi'), 'rtf'],
    ['GIF', bytes('GIF89a'), 'gif'],
    ['gzip', bytes([0x1f, 0x8b, 8]), 'gzip'],
    ['text', bytes('Just some notes\r\n'), 'text'],
    ['empty', new Uint8Array(), 'empty'],
    ['random binary', bytes([0x00, 0x13, 0x37, 0x00, 0xff]), 'unknown'],
  ])('%s', (_name, head, kind) => {
    expect(sniffFileKind(head)).toBe(kind);
  });

  it('reads ZIP entry names in the head only', () => {
    expect(zipEntryNames(zipOf('a', 'word/x.xml'))).toEqual(['a', 'word/x.xml']);
    expect(zipEntryNames(zipOf('word/x.xml').subarray(0, 35))).toEqual([]);
    expect(SNIFF_BYTES).toBe(65_536);
  });
});

describe('checkDocumentContent', () => {
  it('accepts content that matches its extension, typed by content', () => {
    expect(checkDocumentContent('.pdf', bytes('%PDF-1.4'))).toEqual({
      ok: true,
      kind: 'pdf',
      contentType: 'application/pdf',
    });
    expect(checkDocumentContent('.ppt', sampleFiles.ppt)).toMatchObject({
      ok: true,
      contentType: 'application/vnd.ms-powerpoint',
    });
    expect(checkDocumentContent('.xls', sampleFiles.xls)).toMatchObject({
      ok: true,
      contentType: 'application/vnd.ms-excel',
    });
  });

  it.each([
    ['.pdf', bytes('MZ'), 'The file is a Windows executable, not a PDF.'],
    ['.pdf', bytes('<html>'), 'The file is an HTML page, not a PDF.'],
    [
      '.pptx',
      bytes([0x7f], 'ELF'),
      'The file is a Linux executable (ELF), not a PowerPoint presentation (.pptx).',
    ],
    [
      '.docx',
      zipOf('xl/workbook.xml'),
      'The file is an Excel workbook (.xlsx), not a Word document (.docx).',
    ],
    ['.docx', zipOf('notes.txt'), 'The file is a ZIP archive, not a Word document (.docx).'],
    [
      '.docx',
      zipOf('word/document.xml', 'word/vbaProject.bin'),
      'The file is a macro-enabled Office document, not a Word document (.docx).',
    ],
    ['.jpg', bytes([0, 0, 0, 0x18], 'ftypheic'), 'The file is a HEIF or AVIF image, not a JPEG image.'],
    [
      '.mp4',
      bytes([0x13, 0x37, 0, 0]),
      "The file's content is not an MP4 video: its first bytes are not in that format.",
    ],
    ['.exe', bytes('MZ'), 'Files ending in .exe are not accepted.'],
  ])('refuses %s holding something else, naming it', (extension, head, message) => {
    expect(checkDocumentContent(extension, head)).toMatchObject({ ok: false, message });
  });
});
