import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentApi } from '../support/document-api.js';
import { compoundFile, sampleFiles } from '../support/document-fixtures.js';
import { createPersonas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';

/** Legacy Office uploads: a .doc must be a Word document, not any OLE2 file renamed. */
describe('co-sell documents: legacy Office files', () => {
  let t: TestApp;
  let owner: Record<string, string>;
  let api: ReturnType<typeof documentApi>;
  let offerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    owner = (await createPersonas(t.app)).byName.contosoOwner.headers;
    api = documentApi(t.app);
    offerId = await api.createOffer(owner);
  });
  afterAll(() => t?.close());

  it('accepts a large .ppt whose directory is at its end (read from the tail the upload keeps)', async () => {
    const deck = compoundFile('PowerPoint Document', { fillerSectors: 600 }); // 300 KiB
    const response = await api.upload(owner, offerId, 'channelPitchDeck', 'deck.ppt', deck);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      contentType: 'application/vnd.ms-powerpoint',
      size: deck.length,
    });
  });

  it.each([
    [
      'a workbook renamed .doc',
      'sheet.doc',
      sampleFiles.xls,
      'The file is an Excel workbook (.xls), not a Word document (.doc).',
    ],
    [
      'an Outlook message renamed .doc',
      'mail.doc',
      compoundFile('__substg1.0_0037001F', { fillerSectors: 300 }),
      'save it as .docx, .pptx or .xlsx, or as PDF',
    ],
  ])('refuses %s (415), storing nothing', async (_what, fileName, content, message) => {
    const response = await api.upload(owner, offerId, 'otherDocuments', fileName, content);
    expect(response.statusCode).toBe(415);
    expect(errorBody(response).message).toContain(message);
  });
});
