import { describe, expect, it } from 'vitest';
import { sampleFiles } from '../../../test/support/document-fixtures.js';
import { getTaxonomy, listTaxonomyVersions } from '../reference/taxonomy.js';
import {
  type DocumentExtension,
  documentExtensions,
  documentFormats,
  findDocumentFormat,
  maxBytesFor,
} from './document-formats.js';
import { checkDocumentContent } from './sniff.js';

const samples: Record<DocumentExtension, Uint8Array> = {
  '.pdf': sampleFiles.pdf,
  '.ppt': sampleFiles.ppt,
  '.pptx': sampleFiles.pptx,
  '.doc': sampleFiles.doc,
  '.docx': sampleFiles.docx,
  '.xls': sampleFiles.xls,
  '.xlsx': sampleFiles.xlsx,
  '.jpg': sampleFiles.jpg,
  '.png': sampleFiles.png,
  '.mp4': sampleFiles.mp4,
};

describe('documentFormats', () => {
  it('are the extensions every taxonomy version accepts, in its order', () => {
    for (const version of listTaxonomyVersions()) {
      expect(getTaxonomy(version).rules.documentFileExtensions, version).toEqual(documentExtensions);
    }
  });

  it.each(documentFormats)('$extension: its content passes the content check as $contentType', (format) => {
    expect(checkDocumentContent(format.extension, samples[format.extension])).toMatchObject({
      ok: true,
      contentType: format.contentType,
    });
  });

  it('knows only lower-case extensions with their dot', () => {
    expect(findDocumentFormat('.pdf')?.typeName).toBe('PDF');
    expect(findDocumentFormat('.PDF')).toBeUndefined();
    expect(findDocumentFormat('pdf')).toBeUndefined();
    expect(findDocumentFormat('.exe')).toBeUndefined();
  });
});

describe('maxBytesFor', () => {
  const limits = { documentMaxBytes: 10, videoMaxBytes: 100 };

  it.each([
    ['demo.mp4', 100],
    ['DEMO.MP4', 100],
    ['deck.pptx', 10],
    ['unknown.mov', 10],
    ['no-extension', 10],
  ])('%s → %i', (fileName, maxBytes) => {
    expect(maxBytesFor(fileName, limits)).toBe(maxBytes);
  });
});
