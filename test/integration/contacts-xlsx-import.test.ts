import type { CellValue } from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, ImportReport } from '../../src/domain/contacts/contact-schema.js';
import { contactsFile, multipartBody, TEMPLATE_HEADER } from '../support/csv-fixtures.js';
import { createPersonas, type PersonaName, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';
import { ODS_ENTRIES, ole2File, workbookFile, zipOf } from '../support/xlsx-fixtures.js';
import { type Headers, type OfferApi, offerApi } from './offer-api.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type ContactValues = Omit<Contact, 'id'>;

const good = (n: number, changes: Partial<ContactValues> = {}): ContactValues => ({
  name: `Person ${n}`,
  email: `person${n}@contoso.example`,
  jobTitle: 'Sales',
  role: 'PartnerSales',
  countries: ['SE'],
  states: [],
  ...changes,
});
const cells = (c: ContactValues): string[] => [
  c.name,
  c.email,
  c.jobTitle,
  c.role,
  c.countries.join(', '),
  c.states.join(', '),
];
/** A workbook as the template is laid out: a guide first, then the Contacts sheet. */
const contactsWorkbook = (contacts: readonly (readonly CellValue[])[]) =>
  workbookFile([
    { name: 'Guide', rows: [['Fill in the Contacts sheet']] },
    { name: 'Contacts', rows: [[...TEMPLATE_HEADER], ...contacts] },
  ]);

describe('contacts import from an .xlsx workbook (PUT .../contacts.csv, decided by content)', () => {
  let t: TestApp;
  let personas: Personas;
  let api: OfferApi;
  const as = (name: PersonaName): Headers => personas.byName[name].headers;
  const owner = () => as('contosoOwner');
  const newOffer = async () =>
    (await api.createOffer(owner(), { name: 'Contoso Analytics', markets: ['SE'] })).offer.id;
  const url = (offerId: string, dryRun = false) =>
    `${api.offerUrl(offerId)}/co-sell/contacts.csv${dryRun ? '?dryRun=true' : ''}`;
  const put = (
    offerId: string,
    body: Buffer,
    options: { contentType?: string; dryRun?: boolean; ifMatch?: string | null } = {},
  ): Promise<LightMyRequestResponse> => {
    const ifMatch = options.ifMatch === undefined ? '*' : options.ifMatch;
    return t.app.inject({
      method: 'PUT',
      url: url(offerId, options.dryRun),
      headers: {
        ...owner(),
        'content-type': options.contentType ?? XLSX,
        ...(ifMatch !== null && { 'if-match': ifMatch }),
      },
      payload: body,
    });
  };
  const list = async (offerId: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `${api.offerUrl(offerId)}/co-sell/contacts`,
      headers: owner(),
    });
    return { items: (response.json() as { items: Contact[] }).items, etag: String(response.headers.etag) };
  };
  const withoutIds = (items: Contact[]) => items.map(({ id: _id, ...values }) => values);

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
    api = offerApi(t.app);
  });
  afterAll(() => t?.close());

  it('imports the Contacts sheet of a workbook, sent as itself or as a multipart file with any type', async () => {
    const offerId = await newOffer();
    const file = await contactsWorkbook([cells(good(1)), cells(good(2, { countries: ['SE', 'NO'] }))]);
    const response = await put(offerId, file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      ok: true,
      applied: true,
      format: 'xlsx',
      sheet: 'Contacts',
      rows: 2,
      errors: [],
    });
    expect(response.json()).not.toHaveProperty('warnings');
    expect(withoutIds((await list(offerId)).items)).toEqual([good(1), good(2, { countries: ['SE', 'NO'] })]);

    // A browser's multipart upload, labelled as octet-stream: the content decides.
    const next = await contactsWorkbook([cells(good(3))]);
    const { payload, contentType } = multipartBody(next, {
      fileName: 'contacts.xlsx',
      contentType: 'application/octet-stream',
    });
    const multipart = await put(offerId, payload, { contentType });
    expect(multipart.statusCode, multipart.body).toBe(200);
    expect(withoutIds((await list(offerId)).items)).toEqual([good(3)]);
  });

  it('reports every problem with sheet, row, column, cell and message key (422), and changes nothing', async () => {
    const offerId = await newOffer();
    const before = await list(offerId);
    const file = await contactsWorkbook([
      cells(good(1)),
      cells(good(2, { email: 'person2.contoso.example' })),
      [...cells(good(3)).slice(0, 1), { formula: 'B2' }, ...cells(good(3)).slice(2)],
    ]);
    const response = await put(offerId, file);
    expect(response.statusCode, response.body).toBe(422);
    expect(errorBody(response)).toMatchObject({
      error: 'rule_violation',
      messageKey: 'problems.csv.fileProblems',
      params: { count: 3 },
    });
    const report = response.json() as ImportReport;
    expect(report).toMatchObject({ ok: false, applied: false, format: 'xlsx', sheet: 'Contacts', rows: 3 });
    expect(report.errors).toEqual([
      {
        sheet: 'Contacts',
        row: 3,
        column: 'Email',
        cell: 'B3',
        value: 'person2.contoso.example',
        message: 'person2.contoso.example is not an email address',
        key: 'problems.contacts.emailInvalid',
        params: { value: 'person2.contoso.example' },
        allowed: 'an address such as name@example.com',
        allowedKey: 'problems.contacts.allowed.email',
        allowedParams: {},
      },
      {
        sheet: 'Contacts',
        row: 4,
        column: 'Email',
        cell: 'B4',
        value: '',
        message:
          'The cell has a formula without a saved result: open the file in a spreadsheet, save it and import it again.',
        key: 'problems.csv.formulaNoResult',
        params: {},
      },
      {
        sheet: 'Contacts',
        row: 4,
        column: 'Email',
        cell: 'B4',
        value: '',
        message: 'Email is required',
        key: 'problems.contacts.emailRequired',
        params: {},
      },
    ]);
    expect((await list(offerId)).items).toEqual(before.items);
  });

  it('previews a workbook (dry run): the diff and the status effect, nothing written', async () => {
    const offerId = await newOffer();
    const put1 = await put(offerId, await contactsWorkbook([cells(good(1)), cells(good(2))]));
    expect(put1.statusCode, put1.body).toBe(200);
    const before = await list(offerId);
    const file = await contactsWorkbook([cells(good(1, { jobTitle: 'Head of sales' })), cells(good(4))]);
    const response = await put(offerId, file, { dryRun: true, ifMatch: before.etag });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as ImportReport;
    expect(report).toMatchObject({
      ok: true,
      dryRun: true,
      applied: false,
      format: 'xlsx',
      sheet: 'Contacts',
      rows: 2,
      version: Number(JSON.parse(before.etag)),
      diff: {
        added: [good(4)],
        removed: [before.items[1]],
        changed: [{ before: before.items[0], after: good(1, { jobTitle: 'Head of sales' }) }],
        unchanged: 0,
      },
      statusEffect: expect.any(Object),
    });
    expect(await list(offerId)).toEqual(before);
  });

  it('requires If-Match (428) for a workbook too, also for a dry run; a stale one is 412', async () => {
    const offerId = await newOffer();
    const file = await contactsWorkbook([cells(good(1))]);
    expect((await put(offerId, file)).statusCode).toBe(200);
    const { items, etag } = await list(offerId);
    const next = await contactsWorkbook([cells(good(2))]);
    for (const dryRun of [false, true]) {
      const unasked = await put(offerId, next, { dryRun, ifMatch: null });
      expect(unasked.statusCode, unasked.body).toBe(428);
      expect(errorBody(unasked).error).toBe('precondition_required');
      const stale = await put(offerId, next, { dryRun, ifMatch: '"0"' });
      expect(stale.statusCode, stale.body).toBe(412);
      expect(errorBody(stale).error).toBe('precondition_failed');
    }
    expect((await list(offerId)).items).toEqual(items);
    const current = await put(offerId, next, { ifMatch: etag });
    expect(current.statusCode, current.body).toBe(200);
    expect(current.headers.etag).toBe(`"${Number(JSON.parse(etag)) + 1}"`);
  });

  it('says what an .ods, an .xls or another zip is and what to do, not that the header row is unknown', async () => {
    const offerId = await newOffer();
    const cases = [
      {
        body: await zipOf(ODS_ENTRIES),
        type: 'application/vnd.oasis.opendocument.spreadsheet',
        key: 'formatOds',
        words: /OpenDocument spreadsheet \(\.ods\)\. Save it as \.xlsx/,
      },
      {
        body: ole2File(),
        type: 'application/vnd.ms-excel',
        key: 'formatXls',
        words: /Excel 97-2003 workbook \(\.xls\)/,
      },
      { body: await zipOf(['photo.jpg']), type: 'application/zip', key: 'formatZip', words: /zip archive/ },
    ];
    for (const { body, type, key, words } of cases) {
      for (const dryRun of [true, false]) {
        const response = await put(offerId, body, { contentType: type, dryRun });
        expect(response.statusCode, response.body).toBe(dryRun ? 200 : 422);
        const report = response.json() as ImportReport;
        expect(report).toMatchObject({ ok: false, applied: false, rows: 0, diff: null });
        expect(report.errors).toEqual([
          expect.objectContaining({ row: 1, column: '', key: `problems.csv.${key}`, params: {} }),
        ]);
        expect(report.errors[0]?.message).toMatch(words);
        expect(report.errors[0]?.message).not.toMatch(/header row/);
      }
    }
  });

  it('warns of a CSV that lost letters in a Windows-1252 save, and still imports it when asked', async () => {
    const offerId = await newOffer();
    const file = contactsFile(
      [
        cells(good(1, { name: 'Åsa Öberg' })),
        cells(good(2, { name: '?ukasz Nowak' })),
        cells(good(3, { name: 'Wang ??' })),
      ],
      { encoding: 'windows-1252' },
    );
    const preview = await put(offerId, file, { contentType: 'text/csv', dryRun: true });
    expect(preview.statusCode, preview.body).toBe(200);
    const expectedWarning = {
      rows: [3, 4],
      message:
        'Rows 3, 4 have question marks or � where letters may have been: the file may have been saved in an encoding that lost characters. Check the names, or save the file as "CSV UTF-8" or .xlsx and import that.',
      key: 'problems.csv.lossySave',
      params: { count: 2, rows: '3, 4' },
    };
    expect(preview.json()).toMatchObject({ ok: true, encoding: 'windows-1252', warnings: [expectedWarning] });
    const imported = await put(offerId, file, { contentType: 'text/csv' });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ ok: true, applied: true, warnings: [expectedWarning] });
    expect((await list(offerId)).items.map((c) => c.name)).toEqual(['Åsa Öberg', '?ukasz Nowak', 'Wang ??']);
  });
});
