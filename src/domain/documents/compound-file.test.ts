import { describe, expect, it } from 'vitest';
import { compoundFile, sampleFiles } from '../../../test/support/document-fixtures.js';
import { compoundFileKind } from './compound-file.js';
import { checkDocumentContent, SNIFF_BYTES } from './sniff.js';

/** The head the upload keeps, and the tail it keeps of compound files. */
const sampled = (file: Buffer) => ({
  head: file.subarray(0, SNIFF_BYTES),
  tail: { bytes: file.subarray(Math.max(0, file.length - SNIFF_BYTES)), size: file.length },
});

describe('legacy Office files (OLE2 compound files), told apart by their streams', () => {
  it.each([
    ['WordDocument', 'doc'],
    ['Workbook', 'xls'],
    ['Book', 'xls'],
    ['PowerPoint Document', 'ppt'],
    ['__substg1.0_0037001F', 'other'], // an Outlook message
    ['VisioDocument', 'other'],
  ])('a file with the stream %s is %s', (stream, kind) => {
    expect(compoundFileKind({ head: compoundFile(stream) })).toBe(kind);
  });

  it.each([
    ['.doc', sampleFiles.doc, 'application/msword'],
    ['.xls', sampleFiles.xls, 'application/vnd.ms-excel'],
    ['.ppt', sampleFiles.ppt, 'application/vnd.ms-powerpoint'],
  ])('accepts a real %s', (extension, file, contentType) => {
    expect(checkDocumentContent(extension, file)).toEqual({
      ok: true,
      kind: extension.slice(1),
      contentType,
    });
  });

  it.each([
    ['.doc', sampleFiles.xls, 'The file is an Excel workbook (.xls), not a Word document (.doc).'],
    ['.ppt', sampleFiles.doc, 'The file is a Word document (.doc), not a PowerPoint presentation (.ppt).'],
    ['.xls', sampleFiles.ppt, 'The file is a PowerPoint presentation (.ppt), not an Excel workbook (.xls).'],
  ])('refuses another Office format renamed %s', (extension, file, message) => {
    expect(checkDocumentContent(extension, file)).toMatchObject({ ok: false, message });
  });

  it('refuses another kind of compound file, and one it cannot read, saying to save as OOXML or PDF', () => {
    const advice =
      'The file is an older Office format this product cannot confirm is a Word document (.doc): save it as .docx, .pptx or .xlsx, or as PDF, and upload that.';
    const refusal = {
      ok: false,
      kind: 'ole2',
      message: advice,
      text: { key: 'problems.documents.content.olderOffice', params: { expectedFileKind: 'doc' } },
    };
    const outlookMessage = compoundFile('__substg1.0_0037001F');
    expect(checkDocumentContent('.doc', outlookMessage)).toEqual(refusal);
    // Only the container's signature: no directory to read.
    const bare = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ]);
    expect(checkDocumentContent('.doc', bare)).toEqual(refusal);
  });

  it('reads a directory written at the end of a large file from its tail', () => {
    const large = compoundFile('PowerPoint Document', { fillerSectors: 400 }); // about 200 KiB
    const { head, tail } = sampled(large);
    expect(compoundFileKind({ head })).toBe('unreadable');
    expect(compoundFileKind({ head, tail })).toBe('ppt');
    expect(checkDocumentContent('.ppt', head, tail)).toMatchObject({ ok: true, kind: 'ppt' });
    expect(checkDocumentContent('.doc', head, tail)).toMatchObject({ ok: false, kind: 'ppt' });
  });
});
