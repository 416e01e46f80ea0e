import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../../src/domain/documents/document-schema.js';
import { catalogueWords, renderMessage } from '../../src/domain/messages/message-words.js';
import { documentApi, filesUnder } from '../support/document-api.js';
import { sampleFiles } from '../support/document-fixtures.js';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('co-sell documents: upload, versions, download', () => {
  let t: TestApp;
  let personas: Personas;
  let api: ReturnType<typeof documentApi>;
  let owner: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
    api = documentApi(t.app);
    owner = personas.byName.contosoOwner.headers;
  });
  afterAll(() => t?.close());

  it('lists every slot of the taxonomy, empty, with its rules and the limits', async () => {
    const offerId = await api.createOffer(owner);
    const overview = await api.overview(owner, offerId);
    expect(overview.slots.map((s) => s.id)).toEqual([
      'customerOnePager',
      'customerPresentation',
      'customerCaseStudy',
      'verifiableCustomerWins',
      'channelPitchDeck',
      'referenceArchitectureDiagram',
      'otherDocuments',
    ]);
    expect(overview.slots[0]).toMatchObject({
      label: 'Customer one-pager',
      requiredForCoSellReady: true,
      maxFiles: 1,
      isFull: false,
      documents: [],
      versions: [],
    });
    expect(overview.slots[6]).toMatchObject({ maxFiles: 5, documents: [] });
    expect(overview.slots[6]).not.toHaveProperty('versions');
    expect(overview.externalReferenceUrl).toBeNull();
    expect(overview.limits).toMatchObject({
      documentMaxBytes: 25 * 1024 * 1024,
      videoMaxBytes: 200 * 1024 * 1024,
    });
  });

  it.each([
    ['customerOnePager', 'one-pager.pdf', sampleFiles.pdf, 'application/pdf'],
    [
      'customerPresentation',
      'deck.pptx',
      sampleFiles.pptx,
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    [
      'customerCaseStudy',
      'case.docx',
      sampleFiles.docx,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'verifiableCustomerWins',
      'wins.xlsx',
      sampleFiles.xlsx,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    ['channelPitchDeck', 'channel.ppt', sampleFiles.ppt, 'application/vnd.ms-powerpoint'],
    ['referenceArchitectureDiagram', 'architecture.png', sampleFiles.png, 'image/png'],
    ['otherDocuments', 'photo.jpg', sampleFiles.jpg, 'image/jpeg'],
    ['otherDocuments', 'demo.mp4', sampleFiles.mp4, 'video/mp4'],
    ['otherDocuments', 'legacy.doc', sampleFiles.doc, 'application/msword'],
    ['otherDocuments', 'numbers.xls', sampleFiles.xls, 'application/vnd.ms-excel'],
  ] as const)('uploads into %s: %s, typed by content as %s', async (slot, fileName, content, contentType) => {
    const offerId = await api.createOffer(owner);
    // The client's claimed type is ignored: the stored type comes from the content.
    const response = await api.uploadParts(owner, offerId, [
      { name: 'slot', value: slot },
      { name: 'file', fileName, content, contentType: 'text/html' },
    ]);
    expect(response.statusCode, response.body).toBe(201);
    const document = response.json() as DocumentDto;
    expect(document).toMatchObject({
      slot,
      fileName,
      contentType,
      size: content.length,
      sha256: sha256(content),
      version: 1,
      state: 'current',
      uploadedBy: { id: personas.byName.contosoOwner.userId, name: 'contosoOwner' },
    });
    expect(response.headers.location).toBe(`/api/v1/offers/${offerId}/co-sell/documents/${document.id}`);
    const download = await api.content(owner, offerId, document.id);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe(contentType);
    expect(download.headers['content-length']).toBe(String(content.length));
    expect(download.rawPayload.equals(content)).toBe(true);
    const overview = await api.overview(owner, offerId);
    expect(overview.slots.find((s) => s.id === slot)?.documents).toEqual([document]);
  });

  it('replaces the file of a single-file slot, keeps the earlier version, downloads and restores it', async () => {
    const offerId = await api.createOffer(owner);
    const v1Bytes = Buffer.from('%PDF-1.7\nversion one\n');
    const v2Bytes = Buffer.from('%PDF-1.7\nversion two\n');
    const v1 = await api.uploaded(owner, offerId, 'customerPresentation', 'deck v1.pdf', v1Bytes);
    const v2 = await api.uploaded(
      personas.byName.contosoEditor.headers,
      offerId,
      'customerPresentation',
      'deck v2.pdf',
      v2Bytes,
    );
    expect(v2.version).toBe(2);

    let slot = (await api.overview(owner, offerId)).slots.find((s) => s.id === 'customerPresentation');
    expect(slot?.documents.map((d) => [d.fileName, d.version])).toEqual([['deck v2.pdf', 2]]);
    expect(slot?.versions?.map((d) => [d.fileName, d.version, d.state])).toEqual([
      ['deck v1.pdf', 1, 'superseded'],
    ]);
    expect(slot?.isFull).toBe(true);

    const old = await api.content(owner, offerId, v1.id);
    expect(old.statusCode).toBe(200);
    expect(old.rawPayload.equals(v1Bytes)).toBe(true);
    expect((await api.get(owner, offerId, v1.id)).json()).toMatchObject({ state: 'superseded', version: 1 });

    const restored = await api.restore(owner, offerId, v1.id);
    expect(restored.statusCode, restored.body).toBe(201);
    expect(restored.json()).toMatchObject({
      fileName: 'deck v1.pdf',
      version: 3,
      restoredFromVersion: 1,
      sha256: sha256(v1Bytes),
      state: 'current',
    });
    slot = (await api.overview(owner, offerId)).slots.find((s) => s.id === 'customerPresentation');
    expect(slot?.documents.map((d) => d.version)).toEqual([3]);
    expect(slot?.versions?.map((d) => d.version)).toEqual([2, 1]);

    // Restoring the current file is a conflict, not a new version.
    const again = await api.restore(owner, offerId, (restored.json() as DocumentDto).id);
    expect(again.statusCode).toBe(409);

    const history = await t.app.inject({
      method: 'GET',
      url: `/api/v1/offers/${offerId}/history`,
      headers: owner,
    });
    const entries = (
      history.json() as { items: { subject: string; action: string; changes: unknown[] }[] }
    ).items
      .filter((e) => e.subject === 'documents')
      .map((e) => [e.action, e.changes]);
    expect(entries).toEqual([
      [
        'restored',
        [
          {
            field: 'customerPresentation',
            before: { fileName: 'deck v2.pdf', version: 2 },
            after: { fileName: 'deck v1.pdf', version: 3 },
          },
        ],
      ],
      [
        'replaced',
        [
          {
            field: 'customerPresentation',
            before: { fileName: 'deck v1.pdf', version: 1 },
            after: { fileName: 'deck v2.pdf', version: 2 },
          },
        ],
      ],
      [
        'uploaded',
        [{ field: 'customerPresentation', before: null, after: { fileName: 'deck v1.pdf', version: 1 } }],
      ],
    ]);
  });

  it('removes a file from its slot; a single-file slot keeps it among its versions, and it can come back', async () => {
    const offerId = await api.createOffer(owner);
    const doc = await api.uploaded(owner, offerId, 'customerOnePager', 'one.pdf', sampleFiles.pdf);
    const removed = await api.remove(owner, offerId, doc.id);
    expect(removed.statusCode).toBe(204);
    const slot = (await api.overview(owner, offerId)).slots.find((s) => s.id === 'customerOnePager');
    expect(slot?.documents).toEqual([]);
    expect(slot?.versions?.map((d) => [d.id, d.state])).toEqual([[doc.id, 'removed']]);
    expect((await api.remove(owner, offerId, doc.id)).statusCode).toBe(409);
    const back = await api.restore(owner, offerId, doc.id);
    expect(back.json()).toMatchObject({ version: 2, restoredFromVersion: 1 });
    expect((await api.get(owner, offerId, 'doc_unknown')).statusCode).toBe(404);
  });

  it('takes five other documents and refuses a sixth with the limit in the message', async () => {
    const offerId = await api.createOffer(owner);
    for (let i = 1; i <= 5; i++) {
      await api.uploaded(owner, offerId, 'otherDocuments', `extra ${i}.pdf`, Buffer.from(`%PDF-1.4\n${i}\n`));
    }
    const sixth = await api.upload(owner, offerId, 'otherDocuments', 'extra 6.pdf', sampleFiles.pdf);
    expect(sixth.statusCode).toBe(422);
    expect(errorBody(sixth).message).toMatch(/at most 5 files/);
    const other = (await api.overview(owner, offerId)).slots.find((s) => s.id === 'otherDocuments');
    expect(other?.documents).toHaveLength(5);
    expect(other?.isFull).toBe(true);
    // Removing one makes room again.
    await api.remove(owner, offerId, other?.documents[0]?.id ?? '');
    expect(
      (await api.upload(owner, offerId, 'otherDocuments', 'extra 6.pdf', sampleFiles.pdf)).statusCode,
    ).toBe(201);
  });

  describe('refuses what is not a document, and stores nothing', () => {
    let offerId: string;
    let blobsBefore: string[];
    beforeAll(async () => {
      offerId = await api.createOffer(owner);
    });
    beforeEach(async () => {
      blobsBefore = await filesUnder(t.blobs.root);
    });

    /** No row, no new blob, no staging file left behind. */
    const expectNothingStored = async () => {
      const overview = await api.overview(owner, offerId);
      expect(overview.slots.flatMap((s) => [...s.documents, ...(s.versions ?? [])])).toEqual([]);
      const after = await filesUnder(t.blobs.root);
      expect(after).toEqual(blobsBefore);
      expect(after.filter((f) => f.startsWith('tmp/'))).toEqual([]);
    };

    it.each([
      ['a Windows executable renamed deck.pdf', 'deck.pdf', sampleFiles.exe, /Windows executable, not a PDF/],
      ['a Linux executable renamed deck.pptx', 'deck.pptx', sampleFiles.elf, /Linux executable \(ELF\)/],
      ['an HTML page renamed deck.pdf', 'deck.pdf', sampleFiles.html, /HTML page, not a PDF/],
      [
        'a Word document renamed deck.pptx',
        'deck.pptx',
        sampleFiles.docx,
        /Word document \(\.docx\), not a PowerPoint/,
      ],
      ['a PNG renamed photo.jpg', 'photo.jpg', sampleFiles.png, /PNG image, not a JPEG image/],
    ])('%s → 415 naming what it is', async (_what, fileName, content, message) => {
      const response = await api.upload(owner, offerId, 'customerPresentation', fileName, content);
      expect(response.statusCode).toBe(415);
      const body = errorBody(response);
      expect(body.error).toBe('unsupported_media_type');
      expect(body.message).toMatch(message);
      await expectNothingStored();
    });

    it('a refusal for what the file is carries its message key, and reads in Swedish from it', async () => {
      const response = await api.upload(owner, offerId, 'customerPresentation', 'deck.pdf', sampleFiles.exe);
      const body = errorBody(response);
      expect(body.messageKey).toBe('problems.documents.refused');
      expect(body.params).toMatchObject({ fileName: 'deck.pdf', fileKind: 'windowsExecutable' });
      const message = { key: body.messageKey ?? '', params: body.params ?? {} };
      // What the web and an email say for the key and its parameters, in each language.
      expect(renderMessage(message, catalogueWords('sv'))).toMatch(
        /^deck\.pdf: .*ett körbart Windows-program/,
      );
      expect(renderMessage(message, catalogueWords('en'))).toBe(body.message);
      await expectNothingStored();
    });

    it('an extension outside the taxonomy → 415 listing the accepted ones', async () => {
      const response = await api.upload(owner, offerId, 'otherDocuments', 'setup.exe', sampleFiles.exe);
      expect(response.statusCode).toBe(415);
      expect(errorBody(response).message).toMatch(/\.exe cannot be uploaded.*\.pdf, \.ppt, \.pptx/);
      await expectNothingStored();
    });

    it('an empty file → 422 saying it is empty', async () => {
      const response = await api.upload(owner, offerId, 'customerOnePager', 'empty.pdf', Buffer.alloc(0));
      expect(response.statusCode).toBe(422);
      expect(errorBody(response).message).toMatch(/empty \(0 bytes\)/);
      await expectNothingStored();
    });

    it('no slot → 400; an unknown slot → 422 naming the slots', async () => {
      const missing = await api.uploadParts(owner, offerId, [
        { name: 'file', fileName: 'a.pdf', content: sampleFiles.pdf },
      ]);
      expect(missing.statusCode).toBe(400);
      expect(errorBody(missing).issues?.[0]?.path).toBe('slot');
      const unknown = await api.upload(owner, offerId, 'brochure', 'a.pdf', sampleFiles.pdf);
      expect(unknown.statusCode).toBe(422);
      expect(errorBody(unknown).message).toMatch(
        /no document slot brochure.*customerOnePager, customerPresentation/,
      );
      await expectNothingStored();
    });

    it('two files in one request → 400, neither stored', async () => {
      const response = await api.uploadParts(owner, offerId, [
        { name: 'slot', value: 'otherDocuments' },
        { name: 'file', fileName: 'a.pdf', content: sampleFiles.pdf },
        { name: 'file', fileName: 'b.pdf', content: sampleFiles.pdf },
      ]);
      expect(response.statusCode).toBe(400);
      expect(errorBody(response).message).toMatch(/one file per request/);
      await expectNothingStored();
    });

    it('a multipart body cut off in the middle of the file → 400', async () => {
      const content = Buffer.concat([sampleFiles.pdf, Buffer.alloc(10_000, 0x41)]);
      const response = await api.uploadParts(
        owner,
        offerId,
        [
          { name: 'slot', value: 'otherDocuments' },
          { name: 'file', fileName: 'a.pdf', content },
        ],
        '',
        5_000,
      );
      expect(response.statusCode).toBe(400);
      expect(errorBody(response).message).toMatch(/ended before/);
      await expectNothingStored();
    });

    it('a body that is not multipart → 415', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: `${api.base(offerId)}/documents`,
        headers: { ...owner, 'if-match': '*' },
        payload: { slot: 'customerOnePager' },
      });
      expect(response.statusCode).toBe(415);
      await expectNothingStored();
    });
  });

  it('takes the slot from the query string when the file comes first', async () => {
    const offerId = await api.createOffer(owner);
    const response = await api.uploadParts(
      owner,
      offerId,
      [{ name: 'file', fileName: 'one.pdf', content: sampleFiles.pdf }],
      '?slot=customerOnePager',
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ slot: 'customerOnePager' });
  });

  it('keeps a Unicode file name, made safe, and sends it back in Content-Disposition', async () => {
    const offerId = await api.createOffer(owner);
    const doc = await api.uploaded(
      owner,
      offerId,
      'customerCaseStudy',
      'C:\\Users\\me\\Översikt åäö.pdf',
      sampleFiles.pdf,
    );
    expect(doc.fileName).toBe('Översikt åäö.pdf');
    const download = await api.content(owner, offerId, doc.id);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="_versikt ___.pdf"; filename*=UTF-8''${encodeURIComponent('Översikt åäö.pdf')}`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['accept-ranges']).toBe('bytes');
  });

  it('serves byte ranges: 206 with Content-Range, 416 past the end, whole when If-Range is stale', async () => {
    const offerId = await api.createOffer(owner);
    const doc = await api.uploaded(owner, offerId, 'otherDocuments', 'demo.mp4', sampleFiles.mp4);
    const size = sampleFiles.mp4.length;

    const middle = await api.content(owner, offerId, doc.id, { range: 'bytes=4-11' });
    expect(middle.statusCode).toBe(206);
    expect(middle.headers['content-range']).toBe(`bytes 4-11/${size}`);
    expect(middle.headers['content-length']).toBe('8');
    expect(middle.rawPayload.toString('latin1')).toBe('ftypisom');

    const tail = await api.content(owner, offerId, doc.id, { range: 'bytes=-10' });
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload.equals(sampleFiles.mp4.subarray(size - 10))).toBe(true);

    const open = await api.content(owner, offerId, doc.id, { range: `bytes=${size - 3}-` });
    expect(open.headers['content-range']).toBe(`bytes ${size - 3}-${size - 1}/${size}`);

    const past = await api.content(owner, offerId, doc.id, { range: `bytes=${size}-` });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${size}`);
    expect(errorBody(past).error).toBe('range_not_satisfiable');

    const stale = await api.content(owner, offerId, doc.id, { range: 'bytes=0-3', 'if-range': '"other"' });
    expect(stale.statusCode).toBe(200);
    expect(stale.rawPayload.length).toBe(size);

    const cached = await api.content(owner, offerId, doc.id, { 'if-none-match': `"${doc.sha256}"` });
    expect(cached.statusCode).toBe(304);
  });

  it('stores the same bytes once, whatever the number of documents', async () => {
    const offerId = await api.createOffer(owner);
    const bytes = Buffer.from('%PDF-1.4\nshared bytes\n');
    await api.uploaded(owner, offerId, 'customerOnePager', 'a.pdf', bytes);
    await api.uploaded(owner, offerId, 'customerCaseStudy', 'b.pdf', bytes);
    const hash = sha256(bytes);
    expect((await filesUnder(t.blobs.root)).filter((f) => f.endsWith(hash))).toEqual([
      `${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`,
    ]);
  });
});
