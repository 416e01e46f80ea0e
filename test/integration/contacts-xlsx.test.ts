import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../src/domain/contacts/contact-schema.js';
import { contactColumns } from '../../src/domain/contacts/csv/contact-columns.js';
import { parseContactsCsv } from '../../src/domain/contacts/csv/parse-contacts-csv.js';
import { guideExampleContacts } from '../../src/domain/contacts/spreadsheet/contacts-guide.js';
import { getTaxonomy } from '../../src/domain/reference/taxonomy.js';
import { sheetsAsCsv } from '../support/libreoffice.js';
import { createPersonas, type PersonaName, type Personas } from '../support/personas.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type Headers, type OfferApi, offerApi } from './offer-api.js';

type ContactValues = Omit<Contact, 'id'>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = contactColumns.map((c) => c.header).join(',');

/** A sheet's CSV read back by the CSV import's own parser: what importing that sheet would give. */
function importedFrom(csv: string) {
  const parsed = parseContactsCsv(csv, getTaxonomy(), { maxRows: 1000 });
  expect(parsed.errors).toEqual([]);
  return parsed.contacts.map((c) => c.values);
}

function expectWorkbook(response: LightMyRequestResponse, fileName: string) {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe(XLSX);
  expect(response.headers['content-disposition']).toContain(
    `filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  expect(response.headers['cache-control']).toBe('no-store');
  // An .xlsx is a zip: PK\x03\x04.
  expect(response.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}

const people: ContactValues[] = [
  {
    name: 'Åsa Öberg',
    email: 'asa.oberg@contoso.se',
    jobTitle: 'Försäljningschef – Norden',
    role: 'PartnerSales',
    countries: ['SE', 'NO', 'DK'],
    states: [],
  },
  {
    name: 'José Núñez',
    email: 'jose.nunez@contoso.es',
    jobTitle: 'Director de marketing',
    role: 'PartnerMarketing',
    countries: ['OOO'],
    states: ['US-WA', 'CA-ON'],
  },
  // Cells a spreadsheet would run as formulas if they were written as formulas.
  {
    name: '=Åsa',
    email: 'formula@contoso.example',
    jobTitle: '=HYPERLINK("https://evil.example","Click me")',
    role: 'PartnerTechnicalSales',
    countries: ['US'],
    states: ['US-NY'],
  },
  {
    name: 'Plus Person',
    email: 'plus@contoso.example',
    jobTitle: '+46 8 123 45 67',
    role: 'PartnerCustomerSuccessManager',
    countries: ['SE'],
    states: [],
  },
  {
    name: '@handle',
    email: 'at@contoso.example',
    jobTitle: '-1',
    role: 'PartnerSales',
    countries: ['IE', 'GB'],
    states: [],
  },
];

describe('contacts as Excel workbooks', () => {
  let t: TestApp;
  let personas: Personas;
  let api: OfferApi;
  const as = (name: PersonaName): Headers => personas.byName[name].headers;
  const get = (name: PersonaName, url: string) => t.app.inject({ method: 'GET', url, headers: as(name) });

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
    api = offerApi(t.app);
  });
  afterAll(() => t?.close());

  it('exports the contacts so LibreOffice reads them back as the same contacts, formula-like cells as text', async () => {
    const offerId = (
      await api.createOffer(as('contosoOwner'), { name: 'Contoso Analytics', markets: ['SE'] })
    ).offer.id;
    const replaced = await t.app.inject({
      method: 'PUT',
      url: `${api.offerUrl(offerId)}/co-sell/contacts`,
      headers: { ...as('contosoOwner'), 'if-match': '*' },
      payload: { contacts: people },
    });
    expect(replaced.statusCode, replaced.body).toBe(200);

    // A viewer of the organisation may export, as with the CSV.
    const response = await get('contosoViewer', `${api.offerUrl(offerId)}/co-sell/contacts.xlsx`);
    expectWorkbook(response, 'Contoso Analytics contacts.xlsx');

    const sheets = await sheetsAsCsv(response.rawPayload);
    const contacts = sheets.get('Contacts') ?? '';
    expect(contacts.split(/\r?\n/)[0]).toBe(HEADER);
    // Had a cell been a formula, LibreOffice would have computed it ("Click me", 1, …) rather than keep the text.
    expect(importedFrom(contacts)).toEqual(people);
  }, 240_000);

  it('serves a template whose Contacts sheet is the header row and whose Guide example imports cleanly', async () => {
    const response = await get('seller', '/api/v1/co-sell/contacts-template.xlsx');
    expectWorkbook(response, 'co-sell-contacts-template.xlsx');

    const sheets = await sheetsAsCsv(response.rawPayload);
    expect([...sheets.keys()].sort()).toEqual(['Contacts', 'Guide', 'Lists']);
    expect((sheets.get('Contacts') ?? '').trim()).toBe(HEADER);
    const guide = (sheets.get('Guide') ?? '').split(/\r?\n/);
    // The example is the Contacts header row followed by the example contacts, ending at a blank row.
    const start = guide.indexOf(HEADER);
    expect(start).toBeGreaterThan(0);
    const end = guide.findIndex((line, index) => index > start && /^,*$/.test(line));
    expect(importedFrom(guide.slice(start, end).join('\r\n'))).toEqual(guideExampleContacts('en'));
    expect(guide.join('\n')).toContain('OOO: all countries/regions');
    expect(guide.join('\n')).toContain('XX-XX: state and province codes');
  }, 240_000);

  it('writes the Guide in the language the requester chose', async () => {
    const chosen = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/preferences',
      headers: as('contosoEditor'),
      payload: { locale: 'sv' },
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    const response = await get('contosoEditor', '/api/v1/co-sell/contacts-template.xlsx');
    expectWorkbook(response, 'co-sell-contacts-template.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Contacts', 'Vägledning', 'Lists']);
    // The column names stay those the import reads, whatever the language.
    expect(workbook.getWorksheet('Contacts')?.getRow(1).values).toEqual([
      undefined,
      ...contactColumns.map((c) => c.header),
    ]);
    expect(workbook.getWorksheet('Vägledning')?.getCell('A1').value).toBe('Så fyller du i bladet Contacts');
  });

  it('tells callers without access what the CSV export tells them', async () => {
    const offerId = (await api.createOffer(as('contosoOwner'), { name: 'Hidden', markets: ['SE'] })).offer.id;
    const url = `${api.offerUrl(offerId)}/co-sell/contacts.xlsx`;
    expect((await get('fabrikamOwner', url)).statusCode).toBe(
      (await get('fabrikamOwner', url.replace(/\.xlsx$/, '.csv'))).statusCode,
    );
    expect((await get('fabrikamOwner', url)).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/co-sell/contacts-template.xlsx' })).statusCode,
    ).toBe(401);
  });
});
