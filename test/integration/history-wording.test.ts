import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeHistoryEntry } from '../../src/domain/messages/describe-history.js';
import { catalogueWords } from '../../src/domain/messages/message-words.js';
import type { HistoryEntry } from '../../src/domain/schemas/offers.js';
import { contactsFile } from '../support/csv-fixtures.js';
import { documentApi } from '../support/document-api.js';
import { sampleFiles } from '../support/document-fixtures.js';
import { createPersonas, type PersonaName, type Personas } from '../support/personas.js';
import { createTestApp, manualClock, type TestApp } from '../support/test-app.js';
import { type OfferApi, offerApi } from './offer-api.js';
import { completeProfile, readinessApi } from './readiness-api.js';

const en = catalogueWords('en');
const sv = catalogueWords('sv');

/** An entry as an English and a Swedish reader see it: headline, reason, then each detail line. */
const read = (entry: HistoryEntry | undefined) => {
  if (!entry) throw new Error('no such history entry');
  const lines = (d: ReturnType<typeof describeHistoryEntry>) => [d.headline, d.reason, ...d.details];
  return { en: lines(describeHistoryEntry(entry, en)), sv: lines(describeHistoryEntry(entry, sv)) };
};

/**
 * Every kind of change an offer's history records, read back over the API: the structured data (message keys,
 * ids, file names, counts) the web words, and the sentences it makes of them in English and Swedish.
 */
describe('history in words', () => {
  const clock = manualClock();
  let t: TestApp;
  let personas: Personas;
  let api: OfferApi;
  let docs: ReturnType<typeof documentApi>;
  const as = (name: PersonaName) => personas.byName[name].headers;
  const history = (offerId: string) => api.readHistory(as('contosoViewer'), offerId);
  const latest = async (offerId: string, subject: string) =>
    (await history(offerId)).find((e) => e.subject === subject);

  beforeAll(async () => {
    t = await createTestApp({ clock });
    personas = await createPersonas(t.app);
    api = offerApi(t.app);
    docs = documentApi(t.app);
  });
  afterAll(() => t?.close());

  it('words an offer’s and a listing’s fields by their labels and its values by their names', async () => {
    const created = await api.createOffer(as('contosoOwner'), {
      name: 'Contoso Analytics',
      offerType: 'SaaS',
      markets: ['SE'],
    });
    const offerId = created.offer.id;
    await api.patch(
      as('contosoEditor'),
      offerId,
      { markets: ['SE', 'NO'], soldThroughCsp: true },
      created.etag,
    );
    await api.putListing(
      as('contosoOwner'),
      offerId,
      {
        platforms: ['Azure'],
        marketSegments: ['SMB'],
        solutionAreas: [{ area: 'DataAndAI', subAreas: ['BigData'] }],
      },
      '*',
    );
    const [listing, updated] = await history(offerId);
    expect(updated).toMatchObject({
      subject: 'offer',
      action: 'updated',
      summaryMessage: null,
      changes: [
        { field: 'markets', before: ['SE'], after: ['SE', 'NO'] },
        { field: 'soldThroughCsp', before: false, after: true },
      ],
    });
    expect(read(updated)).toEqual({
      en: [
        'contosoEditor changed the offer',
        null,
        'Markets: Sweden → Sweden, Norway',
        'Sold through CSP: No → Yes',
      ],
      sv: [
        'contosoEditor ändrade erbjudandet',
        null,
        'Marknader: Sverige → Sverige, Norge',
        'Säljs via CSP: Nej → Ja',
      ],
    });
    expect(read(listing)).toEqual({
      en: [
        'contosoOwner saved the listing for the first time',
        null,
        'Microsoft platforms: Microsoft Azure',
        'Market segments: Small and medium business',
        'Solution areas: Data and AI (Big data)',
      ],
      sv: [
        'contosoOwner sparade listningen för första gången',
        null,
        'Plattformar: Microsoft Azure',
        'Marknadssegment: Små och medelstora företag',
        'Lösningsområden: Data och AI (Stordata)',
      ],
    });
  });

  it('tells document changes under the slot’s title, with file names and versions', async () => {
    const offerId = await docs.createOffer(as('contosoOwner'));
    const first = await docs.uploaded(
      as('contosoOwner'),
      offerId,
      'customerPresentation',
      'deck.pdf',
      sampleFiles.pdf,
    );
    await docs.uploaded(as('contosoEditor'), offerId, 'customerPresentation', 'deck v2.pdf', sampleFiles.pdf);
    const restored = await docs.restore(as('contosoOwner'), offerId, first.id);
    expect(restored.statusCode).toBe(201);
    const current = (restored.json() as { id: string }).id;
    expect((await docs.remove(as('contosoOwner'), offerId, current)).statusCode).toBe(204);
    const [removed, restore, replaced, uploaded] = await history(offerId);

    expect(uploaded).toMatchObject({
      action: 'uploaded',
      summary: 'contosoOwner uploaded deck.pdf to Customer presentation (pitch deck)',
      summaryMessage: {
        key: 'history.summaries.documentUploaded',
        params: { slot: 'customerPresentation', fileName: 'deck.pdf' },
      },
      changes: [{ field: 'customerPresentation', before: null, after: { fileName: 'deck.pdf', version: 1 } }],
    });
    expect(read(uploaded).sv).toEqual([
      'contosoOwner laddade upp deck.pdf till Kundpresentation (pitch deck)',
      null,
      'Kundpresentation (pitch deck): deck.pdf (version 1)',
    ]);
    expect(replaced?.summaryMessage).toEqual({
      key: 'history.summaries.documentReplaced',
      params: { slot: 'customerPresentation', fileName: 'deck v2.pdf', previousFileName: 'deck.pdf' },
    });
    expect(read(replaced).en).toEqual([
      'contosoEditor replaced deck.pdf with deck v2.pdf in Customer presentation (pitch deck)',
      null,
      'Customer presentation (pitch deck): deck.pdf (version 1) → deck v2.pdf (version 2)',
    ]);
    expect(restore?.summaryMessage).toEqual({
      key: 'history.summaries.documentRestored',
      params: { slot: 'customerPresentation', fileName: 'deck.pdf', restoredVersion: 1, version: 3 },
    });
    expect(read(restore).sv[0]).toBe(
      'contosoOwner återställde version 1 av Kundpresentation (pitch deck) (deck.pdf) som version 3',
    );
    expect(removed?.changes).toEqual([
      { field: 'customerPresentation', before: { fileName: 'deck.pdf', version: 3 }, after: null },
    ]);
    expect(read(removed).en.slice(0, 1)).toEqual([
      'contosoOwner removed deck.pdf from Customer presentation (pitch deck)',
    ]);
  });

  it('tells the external reference URL under its own title', async () => {
    const offerId = await docs.createOffer(as('contosoOwner'));
    await docs.putUrl(as('contosoOwner'), offerId, 'https://contoso.example/a');
    await docs.putUrl(as('contosoOwner'), offerId, 'https://contoso.example/b');
    await docs.deleteUrl(as('contosoEditor'), offerId);
    const [cleared, changed, set] = await history(offerId);
    expect([set, changed, cleared].map((e) => e?.summaryMessage)).toEqual([
      { key: 'history.summaries.externalUrlSet', params: { url: 'https://contoso.example/a' } },
      { key: 'history.summaries.externalUrlChanged', params: { url: 'https://contoso.example/b' } },
      { key: 'history.summaries.externalUrlRemoved', params: { url: 'https://contoso.example/b' } },
    ]);
    expect(read(changed)).toEqual({
      en: [
        'contosoOwner changed the external reference URL to https://contoso.example/b',
        null,
        'External reference URL: https://contoso.example/a → https://contoso.example/b',
      ],
      sv: [
        'contosoOwner ändrade den externa referens-URL:en till https://contoso.example/b',
        null,
        'Extern referens-URL: https://contoso.example/a → https://contoso.example/b',
      ],
    });
    expect(read(cleared).en[0]).toBe(
      'contosoEditor removed the external reference URL https://contoso.example/b',
    );
  });

  it('names contacts and their roles, and an import by counts with the names added and removed', async () => {
    const offerId = await docs.createOffer(as('contosoOwner'), { markets: ['SE', 'NO'] });
    const contacts = `/api/v1/offers/${offerId}/co-sell/contacts`;
    const added = await t.app.inject({
      method: 'POST',
      url: contacts,
      headers: { ...as('contosoOwner'), 'if-match': '*' },
      payload: {
        name: 'Åsa Öberg',
        email: 'asa@contoso.se',
        jobTitle: 'Sales',
        role: 'PartnerSales',
        countries: ['SE'],
      },
    });
    expect(added.statusCode, added.body).toBe(201);
    const contactId = (added.json() as { contact: { id: string } }).contact.id;
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `${contacts}/${contactId}`,
      headers: { ...as('contosoEditor'), 'if-match': '*' },
      payload: { countries: ['SE', 'NO'] },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const [update, add] = await history(offerId);
    expect(add).toMatchObject({
      action: 'added',
      summaryMessage: {
        key: 'history.summaries.contactAdded',
        params: { name: 'Åsa Öberg', email: 'asa@contoso.se', role: 'PartnerSales' },
      },
      changes: [
        {
          field: 'contact',
          before: null,
          after: expect.objectContaining({ name: 'Åsa Öberg', countries: ['SE'] }),
        },
      ],
    });
    expect(read(add).en).toEqual([
      'contosoOwner added Åsa Öberg as a Partner sales contact',
      null,
      'Contact: Åsa Öberg (Partner sales): Sweden',
    ]);
    expect(update?.changes).toEqual([{ field: 'countries', before: ['SE'], after: ['SE', 'NO'] }]);
    expect(read(update).sv).toEqual([
      'contosoEditor ändrade kontakten Åsa Öberg med rollen Partnerförsäljning',
      null,
      'Länder/regioner: Sverige → Sverige, Norge',
    ]);

    const file = contactsFile([
      ['Bo Ek', 'bo@contoso.se', 'Sales', 'PartnerMarketing', 'NO', ''],
      ['Cia Lund', 'cia@contoso.se', 'Sales', 'PartnerSales', 'OOO', ''],
    ]);
    const imported = await t.app.inject({
      method: 'PUT',
      url: `${contacts}.csv`,
      headers: { ...as('contosoOwner'), 'content-type': 'text/csv', 'if-match': '*' },
      payload: file,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const entry = await latest(offerId, 'contacts');
    expect(entry).toMatchObject({
      action: 'imported',
      summaryMessage: { key: 'history.summaries.contactsImported', params: { count: 2 } },
      changes: [
        {
          field: 'contacts',
          before: { count: 1 },
          after: {
            count: 2,
            added: 2,
            removed: 1,
            changed: 0,
            unchanged: 0,
            addedContacts: [
              { name: 'Bo Ek', role: 'PartnerMarketing' },
              { name: 'Cia Lund', role: 'PartnerSales' },
            ],
            removedContacts: [{ name: 'Åsa Öberg', role: 'PartnerSales' }],
          },
        },
      ],
    });
    expect(read(entry)).toEqual({
      en: [
        'contosoOwner imported a CSV file of 2 contacts',
        null,
        'Before: 1 contact',
        '2 added: Bo Ek (Partner marketing), Cia Lund (Partner sales)',
        '1 removed: Åsa Öberg (Partner sales)',
      ],
      sv: [
        'contosoOwner importerade en CSV-fil med 2 kontakter',
        null,
        'Före: 1 kontakt',
        '2 tillagda: Bo Ek (Partnermarknadsföring), Cia Lund (Partnerförsäljning)',
        '1 borttagen: Åsa Öberg (Partnerförsäljning)',
      ],
    });
  });

  it('gives each status change its statuses and its reason: an action’s, or the requirement that fell', async () => {
    const readiness = readinessApi(t.app);
    expect(
      (await readiness.putProfile(as('contosoOwner'), personas.contosoId, completeProfile)).statusCode,
    ).toBe(200);
    const offerId = await readiness.readyOffer(as('contosoEditor'));
    const submission = (await readiness.submit(as('contosoEditor'), offerId)).json() as { id: string };
    expect((await readiness.decide(as('reviewer'), submission.id, { decision: 'approve' })).statusCode).toBe(
      200,
    );
    const onePager = (await docs.overview(as('contosoOwner'), offerId)).slots.find(
      (s) => s.id === 'customerOnePager',
    );
    const docId = onePager?.documents[0]?.id ?? '';
    expect((await docs.remove(as('contosoOwner'), offerId, docId)).statusCode).toBe(204);
    const [dropped, approved, submitted] = (await history(offerId)).filter(
      (e) => e.subject === 'coSellStatus',
    );

    expect(submitted?.summaryMessage).toEqual({
      key: 'history.because.submitted',
      params: { name: 'contosoEditor' },
    });
    expect(read(submitted)).toEqual({
      en: [
        'The co-sell status changed from Not co-sell ready to In review',
        'contosoEditor submitted the offer for review.',
      ],
      sv: [
        'Samförsäljningsstatusen ändrades från Inte redo för samförsäljning till Under granskning',
        'contosoEditor skickade in erbjudandet för granskning.',
      ],
    });
    expect(approved?.summaryMessage).toEqual({
      key: 'history.because.approved',
      params: { name: 'reviewer' },
    });
    expect(read(approved).sv[1]).toBe('reviewer godkände inskickningen.');

    // A drop carries the requirement and the engine's own reason key with its data; the English summary stays.
    expect(dropped?.summaryMessage).toEqual({
      key: 'history.because.requirementUnmet',
      params: { item: 'customerOnePager', reason: 'documentSlot.empty', slot: 'customerOnePager' },
    });
    expect(dropped?.summary).toMatch(/one-pager/i);
    expect(read(dropped)).toEqual({
      en: [
        'The co-sell status changed from Co-sell ready to Not co-sell ready',
        'Solution one-pager is no longer met.',
      ],
      sv: [
        'Samförsäljningsstatusen ändrades från Redo för samförsäljning till Inte redo för samförsäljning',
        'Lösningsblad (one-pager) är inte längre uppfyllt.',
      ],
    });
  });
});
