import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, ImportReport } from '../../src/domain/contacts/contact-schema.js';
import {
  contactsFile,
  csvText,
  encodeText,
  encodeUtf16,
  multipartBody,
  rawCsv,
  TEMPLATE_HEADER,
} from '../support/csv-fixtures.js';
import { createPersonas, type PersonaName, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';
import { type Headers, type OfferApi, offerApi } from './offer-api.js';

type ContactValues = Omit<Contact, 'id'>;
const ROLE_LABELS =
  'Partner marketing, Partner sales, Partner technical sales, Partner customer success manager';
const LABELS: Record<string, string> = {
  PartnerMarketing: 'Partner marketing',
  PartnerSales: 'Partner sales',
  PartnerTechnicalSales: 'Partner technical sales',
  PartnerCustomerSuccessManager: 'Partner customer success manager',
};
const COUNTRIES_ALLOWED = 'two-letter codes such as SE or US, or OOO alone for all countries/regions';

/** What an import answers when the file has problems: the report in the error shape. */
type FailedImport = ImportReport & { error: string; message: string; status: number; requestId: string };

/** The client's side of the contacts CSV endpoints. */
function csvApi(t: TestApp, api: OfferApi) {
  const base = (offerId: string) => `${api.offerUrl(offerId)}/co-sell`;
  return {
    put(
      as: Headers,
      offerId: string,
      body: Buffer | string,
      // If-Match: * ("whatever is there") unless a test names an ETag, or null for none at all.
      options: { contentType?: string; dryRun?: boolean; ifMatch?: string | null } = {},
    ): Promise<LightMyRequestResponse> {
      const ifMatch = options.ifMatch === undefined ? '*' : options.ifMatch;
      return t.app.inject({
        method: 'PUT',
        url: `${base(offerId)}/contacts.csv${options.dryRun ? '?dryRun=true' : ''}`,
        headers: {
          ...as,
          'content-type': options.contentType ?? 'text/csv',
          ...(ifMatch !== null && { 'if-match': ifMatch }),
        },
        payload: body,
      });
    },
    /** Imports and expects it to be applied; returns the report. */
    async importOk(as: Headers, offerId: string, body: Buffer | string): Promise<ImportReport> {
      const response = await this.put(as, offerId, body);
      if (response.statusCode !== 200) throw new Error(`import: ${response.statusCode} ${response.body}`);
      const report = response.json() as ImportReport;
      expect(report).toMatchObject({ ok: true, applied: true, dryRun: false, errors: [] });
      return report;
    },
    /** Imports a file with problems: 422, the report in the error shape, and nothing applied. */
    async importFails(as: Headers, offerId: string, body: Buffer | string): Promise<FailedImport> {
      const response = await this.put(as, offerId, body);
      expect(response.statusCode, response.body).toBe(422);
      const shaped = errorBody(response);
      expect(shaped.error).toBe('rule_violation');
      const report = response.json() as FailedImport;
      expect(report).toMatchObject({ ok: false, applied: false, dryRun: false });
      expect(report.message).toBe(
        `The file has ${report.errors.length} problem${report.errors.length === 1 ? '' : 's'}; nothing was changed.`,
      );
      expect(shaped).toMatchObject({
        messageKey: 'problems.csv.fileProblems',
        params: { count: report.errors.length },
      });
      return report;
    },
    export: (as: Headers, offerId: string) =>
      t.app.inject({ method: 'GET', url: `${base(offerId)}/contacts.csv`, headers: as }),
    template: (as: Headers) =>
      t.app.inject({ method: 'GET', url: '/api/v1/co-sell/contacts-template.csv', headers: as }),
    async list(as: Headers, offerId: string): Promise<{ items: Contact[]; etag: string }> {
      const response = await t.app.inject({ method: 'GET', url: `${base(offerId)}/contacts`, headers: as });
      if (response.statusCode !== 200) throw new Error(`list: ${response.statusCode} ${response.body}`);
      return { items: (response.json() as { items: Contact[] }).items, etag: String(response.headers.etag) };
    },
    replace(as: Headers, offerId: string, contacts: unknown[]) {
      return t.app.inject({
        method: 'PUT',
        url: `${base(offerId)}/contacts`,
        headers: { ...as, 'if-match': '*' },
        payload: { contacts },
      });
    },
  };
}

const withoutIds = (items: Contact[]): ContactValues[] => items.map(({ id: _id, ...values }) => values);
const row = (c: ContactValues, roleCell = c.role): string[] => [
  c.name,
  c.email,
  c.jobTitle,
  roleCell,
  c.countries.join(', '),
  c.states.join(', '),
];

const swedes: ContactValues[] = [
  {
    name: 'Åsa Öberg',
    email: 'asa.oberg@contoso.se',
    jobTitle: 'Försäljningschef – Norden', // – is 0x96 in Windows-1252
    role: 'PartnerSales',
    countries: ['SE', 'NO', 'DK'],
    states: [],
  },
  {
    name: 'Lars Sjöström',
    email: 'lars.sjostrom@contoso.se',
    jobTitle: 'Partners’ technical lead, € deals', // ’ is 0x92, € is 0x80
    role: 'PartnerTechnicalSales',
    countries: ['SE'],
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
];

const good = (n: number, changes: Partial<ContactValues> = {}): ContactValues => ({
  name: `Person ${n}`,
  email: `person${n}@contoso.example`,
  jobTitle: 'Sales',
  role: 'PartnerSales',
  countries: ['SE'],
  states: [],
  ...changes,
});

describe('contacts CSV import and export', () => {
  let t: TestApp;
  let personas: Personas;
  let api: OfferApi;
  let csv: ReturnType<typeof csvApi>;
  const as = (name: PersonaName): Headers => personas.byName[name].headers;
  const owner = () => as('contosoOwner');
  const newOffer = async (markets = ['SE']) =>
    (await api.createOffer(owner(), { name: 'Contoso Analytics', markets })).offer.id;

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
    api = offerApi(t.app);
    csv = csvApi(t, api);
  });
  afterAll(() => t?.close());

  describe('files as spreadsheets save them', () => {
    it('imports a semicolon-separated Windows-1252 file with Swedish names exactly', async () => {
      const offerId = await newOffer();
      const file = contactsFile(
        swedes.map((c) => row(c, LABELS[c.role])),
        { delimiter: ';', encoding: 'windows-1252' },
      );
      // The bytes really are Windows-1252: Å is one byte, ’ and € are in the range Latin-1 lacks.
      expect(file.includes(Buffer.from([0xc5, 0x73, 0x61]))).toBe(true);
      expect(file.includes(0x92)).toBe(true);
      expect(file.includes(0x80)).toBe(true);
      const report = await csv.importOk(owner(), offerId, file);
      expect(report).toMatchObject({ encoding: 'windows-1252', delimiter: 'semicolon', rows: 3 });
      expect(withoutIds((await csv.list(owner(), offerId)).items)).toEqual(swedes);
    });

    it.each([
      ['utf-8-bom', ',', '\r\n'],
      ['utf-8', ';', '\n'],
      ['utf-16le', ',', '\r\n'],
      ['utf-16be', ';', '\n'],
      ['windows-1252', ',', '\n'],
    ] as const)(
      'imports a %s file separated by %j with %j line ends',
      async (encoding, delimiter, newline) => {
        const offerId = await newOffer();
        const people = [...swedes, { ...good(1), name: "Zoë O'Brien-Smith", countries: ['IE', 'GB'] }];
        const report = await csv.importOk(
          owner(),
          offerId,
          contactsFile(
            people.map((c) => row(c)),
            { delimiter, newline, encoding },
          ),
        );
        expect(report.encoding).toBe(encoding);
        expect(withoutIds((await csv.list(owner(), offerId)).items)).toEqual(people);
      },
    );

    it('reads "NL, BE" quoted in a comma file as two countries', async () => {
      const offerId = await newOffer();
      const text = rawCsv([
        'Name,Email,Job title,Role,Countries/Regions,States/Provinces',
        'Anna de Vries,anna@contoso.nl,Sales,Partner sales,"NL, BE",',
      ]);
      await csv.importOk(owner(), offerId, text);
      expect((await csv.list(owner(), offerId)).items[0]?.countries).toEqual(['NL', 'BE']);
    });

    it('reads headers shuffled, in odd case and without spaces; role labels and ids in any case; countries by spaces or semicolons; trailing empty rows', async () => {
      const offerId = await newOffer();
      const text = `${csvText([
        ['ROLE', 'countries / regions', 'JOBTITLE', 'e-mail', 'name', 'StatesProvinces'],
        ['partner SALES', 'SE NO', 'Sales', 'a@contoso.se', 'A', ''],
        ['PARTNERMARKETING', 'se;dk', 'Marketing', 'b@contoso.se', 'B', ''],
        ['Partner Technical Sales', 'US CA', 'Architect', 'c@contoso.se', 'C', 'us-wa ca-on'],
        ['partnercustomersuccessmanager', 'OOO', 'CSM', 'd@contoso.se', 'D', ''],
      ])},,,,,\r\n\r\n,,,,,\r\n`;
      const report = await csv.importOk(owner(), offerId, text);
      expect(report.rows).toBe(4);
      expect(withoutIds((await csv.list(owner(), offerId)).items)).toEqual([
        { ...good(0), name: 'A', email: 'a@contoso.se', countries: ['SE', 'NO'] },
        {
          ...good(0),
          name: 'B',
          email: 'b@contoso.se',
          jobTitle: 'Marketing',
          role: 'PartnerMarketing',
          countries: ['SE', 'DK'],
        },
        {
          name: 'C',
          email: 'c@contoso.se',
          jobTitle: 'Architect',
          role: 'PartnerTechnicalSales',
          countries: ['US', 'CA'],
          states: ['US-WA', 'CA-ON'],
        },
        {
          ...good(0),
          name: 'D',
          email: 'd@contoso.se',
          jobTitle: 'CSM',
          role: 'PartnerCustomerSuccessManager',
          countries: ['OOO'],
        },
      ]);
    });

    it('takes the file as a multipart upload too', async () => {
      const offerId = await newOffer();
      const { payload, contentType } = multipartBody(
        contactsFile(
          swedes.map((c) => row(c)),
          { encoding: 'utf-16le', delimiter: ';' },
        ),
        { contentType: 'application/vnd.ms-excel', fileName: 'Kontakter.csv' },
      );
      const response = await csv.put(owner(), offerId, payload, { contentType });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ ok: true, applied: true, encoding: 'utf-16le' });
      expect(withoutIds((await csv.list(owner(), offerId)).items)).toEqual(swedes);
    });

    it('accepts the content types Windows and browsers give a .csv', async () => {
      const offerId = await newOffer();
      for (const contentType of ['application/vnd.ms-excel', 'text/plain', 'application/octet-stream']) {
        const response = await csv.put(owner(), offerId, contactsFile([row(good(1))]), { contentType });
        expect(response.statusCode, contentType).toBe(200);
      }
      const json = await csv.put(owner(), offerId, '{"contacts":[]}', { contentType: 'application/json' });
      expect(json.statusCode).toBe(415);
      expect(errorBody(json).error).toBe('unsupported_media_type');
    });
  });

  describe('every problem reported at once, with row, column and value; nothing changes', () => {
    let offerId: string;
    let before: Contact[];

    beforeAll(async () => {
      offerId = await newOffer();
      await csv.importOk(owner(), offerId, contactsFile(swedes.map((c) => row(c))));
      before = (await csv.list(owner(), offerId)).items;
    });

    /** Imports a file that must fail and checks the contacts are still the ones before. */
    async function refused(body: Buffer | string) {
      const report = await csv.importFails(owner(), offerId, body);
      expect((await csv.list(owner(), offerId)).items).toEqual(before);
      return report;
    }
    const oneRow = (changes: Partial<ContactValues>, roleCell?: string) =>
      contactsFile([row(good(1)), row(good(2, changes), roleCell)]);

    it('a bad email', async () => {
      const report = await refused(oneRow({ email: 'person2.contoso.example' }));
      expect(report.errors).toEqual([
        {
          row: 3,
          column: 'Email',
          value: 'person2.contoso.example',
          message: 'person2.contoso.example is not an email address',
          allowedKey: 'problems.contacts.allowed.email',
          allowedParams: {},
          key: 'problems.contacts.emailInvalid',
          params: {
            value: 'person2.contoso.example',
          },
          allowed: 'an address such as name@example.com',
        },
      ]);
      expect(report.rows).toBe(2);
    });

    it('an unknown role, listing the labels as allowed', async () => {
      const report = await refused(oneRow({}, 'Partner wizard'));
      expect(report.errors).toEqual([
        {
          row: 3,
          column: 'Role',
          value: 'Partner wizard',
          message: 'Partner wizard is not a contact role',
          allowedKey: 'problems.contacts.allowed.roles',
          allowedParams: {
            roles: 'PartnerMarketing, PartnerSales, PartnerTechnicalSales, PartnerCustomerSuccessManager',
          },
          key: 'problems.contacts.roleUnknown',
          params: {
            value: 'Partner wizard',
          },
          allowed: ROLE_LABELS,
        },
      ]);
    });

    it('an unknown country', async () => {
      const report = await refused(oneRow({ countries: ['SE', 'XX'] }));
      expect(report.errors).toEqual([
        {
          row: 3,
          column: 'Countries/Regions',
          value: 'XX',
          message: 'XX is not a country/region code',
          allowedKey: 'problems.contacts.allowed.countries',
          allowedParams: {
            all: 'OOO',
          },
          key: 'problems.contacts.countryUnknown',
          params: {
            value: 'XX',
          },
          allowed: COUNTRIES_ALLOWED,
        },
      ]);
    });

    it('OOO with another country', async () => {
      const report = await refused(oneRow({ countries: ['OOO', 'SE'] }));
      expect(report.errors).toEqual([
        {
          row: 3,
          column: 'Countries/Regions',
          value: 'OOO, SE',
          message: 'OOO means all countries/regions and must stand alone',
          allowedKey: 'problems.contacts.allowed.countries',
          allowedParams: {
            all: 'OOO',
          },
          key: 'problems.contacts.allCountriesAlone',
          params: {
            value: 'OOO',
          },
          allowed: COUNTRIES_ALLOWED,
        },
      ]);
    });

    it('a state outside the contact’s countries (any state is fine with OOO)', async () => {
      const report = await refused(
        contactsFile([
          row(good(1, { countries: ['OOO'], states: ['AU-NSW'] })),
          row(good(2, { states: ['US-WA'] })),
        ]),
      );
      expect(report.errors).toEqual([
        {
          row: 3,
          column: 'States/Provinces',
          value: 'US-WA',
          message:
            "US-WA (Washington) is in United States, which is not among the contact's countries/regions",
          key: 'problems.contacts.stateOutside',
          params: { value: 'US-WA', state: 'US-WA', country: 'US' },
          allowed: 'states of Sweden',
          allowedKey: 'problems.contacts.allowed.statesOf',
          allowedParams: { countries: 'SE' },
        },
      ]);
    });

    it('a control character in a name', async () => {
      const report = await refused(oneRow({ name: 'Åsa\u0007Öberg' }));
      expect(report.errors).toEqual([
        {
          row: 3,
          column: 'Name',
          value: 'Åsa\u0007Öberg',
          message: 'Name contains a control character',
          allowedKey: 'problems.contacts.allowed.text',
          allowedParams: {},
          key: 'problems.contacts.nameControl',
          params: {},
          allowed: 'letters in any language, spaces, punctuation',
        },
      ]);
    });

    it('the same email with the same role twice, naming the first row', async () => {
      const report = await refused(
        contactsFile([
          row(good(1)),
          row(good(2)),
          row(good(1, { role: 'PartnerMarketing' })),
          row(good(1, { email: 'PERSON1@Contoso.Example', name: 'Someone else' })),
        ]),
      );
      expect(report.errors).toEqual([
        {
          row: 5,
          column: 'Email',
          value: 'person1@contoso.example',
          message: 'The same email with the same role is already on row 2.',
          key: 'problems.csv.sameEmailAndRole',
          params: {
            row: 2,
          },
        },
      ]);
    });

    it('a missing required column', async () => {
      const header = TEMPLATE_HEADER.filter((h) => h !== 'Role');
      const report = await refused(csvText([header, ['A', 'a@contoso.se', 'Sales', 'SE', '']]));
      expect(report.errors).toEqual([
        {
          row: 1,
          column: 'Role',
          value: '',
          message: 'The column "Role" is missing.',
          key: 'problems.csv.missingColumn',
          params: { column: 'Role' },
        },
      ]);
    });

    it('an unknown column', async () => {
      const report = await refused(
        csvText([
          [...TEMPLATE_HEADER, 'Phone'],
          [...row(good(1)), '+46 8 123'],
        ]),
      );
      expect(report.errors).toEqual([
        {
          row: 1,
          column: 'Phone',
          value: 'Phone',
          message: '"Phone" is not a column this import knows.',
          allowedKey: 'problems.contacts.allowed.columns',
          allowedParams: {
            columns: 'Name, Email, Job title, Role, Countries/Regions, States/Provinces',
          },
          key: 'problems.csv.unknownColumn',
          params: {
            column: 'Phone',
          },
          allowed: 'Name, Email, Job title, Role, Countries/Regions, States/Provinces',
        },
      ]);
    });

    it('too many cells: "NL, BE" unquoted in a comma file', async () => {
      const report = await refused(
        rawCsv([
          'Name,Email,Job title,Role,Countries/Regions',
          'Anna,anna@contoso.nl,Sales,Partner sales,NL, BE',
        ]),
      );
      expect(report.errors).toEqual([
        {
          row: 2,
          column: 'column 6',
          value: 'BE',
          message:
            'The row has 6 cells but the header has 5: a value with the separator in it must be in quotes.',
          key: 'problems.csv.tooManyCells',
          params: { cells: 6, columns: 5 },
        },
      ]);
    });

    it('a quote that is never closed', async () => {
      const report = await refused(
        rawCsv([
          TEMPLATE_HEADER.join(','),
          row(good(1)).join(','),
          '"Anna,anna@contoso.nl,Sales,Partner sales,NL,',
        ]),
      );
      expect(report.errors).toEqual([
        {
          row: 3,
          column: '',
          value: '',
          message: 'A quoted cell is not closed: a quote mark is missing.',
          key: 'problems.csv.quoteNotClosed',
          params: {},
        },
      ]);
    });

    it('UTF-16 without a byte order mark', async () => {
      const text = csvText([TEMPLATE_HEADER, row(good(1))]);
      const report = await refused(Buffer.from(encodeUtf16(text, 'le', { bom: false })));
      expect(report.errors).toEqual([
        {
          row: 1,
          column: '',
          value: '',
          message:
            'The file looks like UTF-16 without a byte order mark. Save it as "CSV UTF-8" and try again.',
          key: 'problems.csv.utf16',
          params: {},
        },
      ]);
      expect(report.diff).toBeNull();
    });

    it('an empty file, and one with only a BOM and blank lines', async () => {
      for (const body of [Buffer.alloc(0), encodeText('\r\n\r\n', 'utf-8-bom')]) {
        const report = await refused(body);
        expect(report.errors).toEqual([
          {
            row: 1,
            column: '',
            value: '',
            message: 'The file is empty.',
            key: 'problems.csv.empty',
            params: {},
          },
        ]);
      }
    });

    it('all of a file’s problems at once, in row order', async () => {
      const report = await refused(
        contactsFile([
          row(good(1)),
          row(good(2, { email: 'bad' })),
          row(good(3)),
          row(good(4, { countries: ['XX'] }), 'Boss'),
        ]),
      );
      expect(report.errors.map((e) => [e.row, e.column, e.value])).toEqual([
        [3, 'Email', 'bad'],
        [5, 'Role', 'Boss'],
        [5, 'Countries/Regions', 'XX'],
      ]);
      expect(report.rows).toBe(4);
    });

    it('one bad row among good rows leaves the previous contacts untouched (the diff says what would have been)', async () => {
      const rows = Array.from({ length: 50 }, (_, i) => row(good(i + 1)));
      rows[37] = row(good(38, { countries: ['SE', 'ZZ'] }));
      const report = await refused(contactsFile(rows));
      expect(report.errors).toEqual([expect.objectContaining({ row: 39, value: 'ZZ' })]);
      expect(report.diff?.removed).toHaveLength(3);
      expect(report.diff?.added).toHaveLength(49);
      const history = await api.readHistory(owner(), offerId);
      expect(history.filter((e) => e.subject === 'contacts').map((e) => e.action)).toEqual(['imported']);
    });
  });

  describe('limits', () => {
    it('takes at most importMaxRows contact rows', async () => {
      const small = await createTestApp({ config: { importMaxRows: 3 } });
      try {
        const smallPersonas = await createPersonas(small.app);
        const ownerHeaders = smallPersonas.byName.contosoOwner.headers;
        const smallCsv = csvApi(small, offerApi(small.app));
        const { offer } = await offerApi(small.app).createOffer(ownerHeaders, { markets: ['SE'] });
        const three = [1, 2, 3].map((n) => row(good(n)));
        await smallCsv.importOk(ownerHeaders, offer.id, contactsFile(three));
        const report = await smallCsv.importFails(
          ownerHeaders,
          offer.id,
          contactsFile([...three, row(good(4))]),
        );
        expect(report.errors).toEqual([
          {
            row: 1,
            column: '',
            value: '',
            message: 'The file has 4 contact rows; an import takes at most 3.',
            key: 'problems.csv.tooManyRows',
            params: {
              max: 3,
              rows: 4,
            },
          },
        ]);
        expect(report.rows).toBe(4);
        expect((await smallCsv.list(ownerHeaders, offer.id)).items).toHaveLength(3);
      } finally {
        await small.close();
      }
    });

    it('refuses a file larger than importMaxBytes with 413, as a body and as a multipart file', async () => {
      const small = await createTestApp({ config: { importMaxBytes: 2048 } });
      try {
        const smallPersonas = await createPersonas(small.app);
        const ownerHeaders = smallPersonas.byName.contosoOwner.headers;
        const smallCsv = csvApi(small, offerApi(small.app));
        const { offer } = await offerApi(small.app).createOffer(ownerHeaders, { markets: ['SE'] });
        const fits = contactsFile([1, 2, 3].map((n) => row(good(n))));
        expect(fits.length).toBeLessThan(2048);
        await smallCsv.importOk(ownerHeaders, offer.id, fits);
        const big = contactsFile(Array.from({ length: 60 }, (_, i) => row(good(i + 10))));
        expect(big.length).toBeGreaterThan(2048);

        const asBody = await smallCsv.put(ownerHeaders, offer.id, big);
        expect(asBody.statusCode).toBe(413);
        expect(errorBody(asBody).error).toBe('payload_too_large');

        const { payload, contentType } = multipartBody(big);
        const asFile = await smallCsv.put(ownerHeaders, offer.id, payload, { contentType });
        expect(asFile.statusCode).toBe(413);
        expect(errorBody(asFile).error).toBe('payload_too_large');

        expect((await smallCsv.list(ownerHeaders, offer.id)).items).toHaveLength(3);
      } finally {
        await small.close();
      }
    });
  });

  describe('dry run', () => {
    it('returns the report and the diff (added, removed, changed, unchanged) and changes nothing', async () => {
      const offerId = await newOffer();
      await csv.importOk(owner(), offerId, contactsFile([row(good(1)), row(good(2)), row(good(3))]));
      const before = await csv.list(owner(), offerId);
      const historyBefore = await api.readHistory(owner(), offerId);

      const file = contactsFile([row(good(3)), row(good(1, { jobTitle: 'Head of sales' })), row(good(4))]);
      const response = await csv.put(owner(), offerId, file, { dryRun: true });
      expect(response.statusCode).toBe(200);
      const report = response.json() as ImportReport;
      const p1 = before.items[0] as Contact;
      const p2 = before.items[1] as Contact;
      expect(report).toEqual({
        ok: true,
        dryRun: true,
        applied: false,
        format: 'csv',
        encoding: 'utf-8',
        delimiter: 'comma',
        rows: 3,
        errors: [],
        diff: {
          added: [good(4)],
          removed: [p2],
          changed: [{ before: p1, after: good(1, { jobTitle: 'Head of sales' }) }],
          unchanged: 1,
        },
        version: Number(JSON.parse(before.etag)),
        // What the import would do to the co-sell status: nothing, for a draft without a submission.
        statusEffect: expect.objectContaining({
          before: 'NotCoSellReady',
          after: 'NotCoSellReady',
          changedContent: [],
          leavesCatalogue: false,
          startsNewReview: false,
          needsConfirmation: false,
        }),
      });
      expect(response.headers.etag).toBeUndefined();
      expect(await csv.list(owner(), offerId)).toEqual(before);
      expect(await api.readHistory(owner(), offerId)).toEqual(historyBefore);
    });

    it('reports a bad file with 200 and the errors, and changes nothing', async () => {
      const offerId = await newOffer();
      const response = await csv.put(owner(), offerId, contactsFile([row(good(1, { email: 'x' }))]), {
        dryRun: true,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        ok: false,
        dryRun: true,
        applied: false,
        errors: [expect.objectContaining({ row: 2, column: 'Email', value: 'x' })],
      });
      expect((await csv.list(owner(), offerId)).items).toEqual([]);
    });

    it('is refused to a viewer like the import itself, even one who edits another organisation', async () => {
      const offerId = await newOffer();
      const { users, tokens } = t.app.services;
      const user = await users.createUser({
        email: 'viewer-here-editor-there@contoso.test',
        name: 'Two hats',
        password: 'correct horse battery staple',
      });
      await users.addMember(personas.contosoId, user.id, 'viewer');
      await users.addMember(personas.fabrikamId, user.id, 'editor');
      const twoHats = { authorization: `Bearer ${(await tokens.create(user.id, { name: 't' })).token}` };
      const file = contactsFile([row(good(1))]);
      for (const caller of [as('contosoViewer'), twoHats]) {
        for (const dryRun of [true, false]) {
          const response = await csv.put(caller, offerId, file, { dryRun });
          expect(response.statusCode, `dryRun=${dryRun}`).toBe(403);
          expect(errorBody(response).error).toBe('forbidden');
        }
      }
      expect((await csv.list(owner(), offerId)).items).toEqual([]);
    });
  });

  describe('export', () => {
    it('writes the template’s format: BOM, CRLF, role labels, multi-value cells quoted', async () => {
      const offerId = await newOffer();
      await csv.importOk(owner(), offerId, contactsFile(swedes.map((c) => row(c))));
      const response = await csv.export(owner(), offerId);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="Contoso Analytics contacts.csv"; filename*=UTF-8''Contoso%20Analytics%20contacts.csv`,
      );
      expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(response.body).toBe(
        '\uFEFF' +
          [
            'Name,Email,Job title,Role,Countries/Regions,States/Provinces',
            'Åsa Öberg,asa.oberg@contoso.se,Försäljningschef – Norden,Partner sales,"SE, NO, DK",',
            'Lars Sjöström,lars.sjostrom@contoso.se,"Partners’ technical lead, € deals",Partner technical sales,SE,',
            'José Núñez,jose.nunez@contoso.es,Director de marketing,Partner marketing,OOO,"US-WA, CA-ON"',
          ].join('\r\n') +
          '\r\n',
      );
    });

    it('names the file by the offer without its bidi overrides or path separators', async () => {
      // U+202E would make "Evil‮vsc.exe" read as "Evilexe.csv" in a download bar.
      const { offer } = await api.createOffer(owner(), { name: 'Evil\u202Evsc.exe / Ops', markets: ['SE'] });
      const response = await csv.export(owner(), offer.id);
      expect(response.statusCode).toBe(200);
      const header = String(response.headers['content-disposition']);
      expect(header).not.toContain('\u202E');
      expect(header.toUpperCase()).not.toContain('%E2%80%AE');
      expect(header).toBe(
        `attachment; filename="Evilvsc.exe _ Ops contacts.csv"; filename*=UTF-8''Evilvsc.exe%20_%20Ops%20contacts.csv`,
      );
    });

    it('neutralises formula-like cells with an apostrophe, and an import restores them', async () => {
      const offerId = await newOffer();
      const risky: ContactValues[] = [
        good(1, { jobTitle: '=HYPERLINK("https://evil.example","Click me")' }),
        good(2, { jobTitle: '+46 8 123 45 67' }),
        good(3, { jobTitle: '-x' }),
        good(4, { jobTitle: '@x', name: '=Åsa' }),
      ];
      const replaced = await csv.replace(owner(), offerId, risky);
      expect(replaced.statusCode, replaced.body).toBe(200);
      const exported = await csv.export(owner(), offerId);
      const lines = exported.body.split('\r\n');
      expect(lines.slice(1, 5)).toEqual([
        `Person 1,person1@contoso.example,"'=HYPERLINK(""https://evil.example"",""Click me"")",Partner sales,SE,`,
        "Person 2,person2@contoso.example,'+46 8 123 45 67,Partner sales,SE,",
        "Person 3,person3@contoso.example,'-x,Partner sales,SE,",
        "'=Åsa,person4@contoso.example,'@x,Partner sales,SE,",
      ]);
      const other = await newOffer();
      await csv.importOk(owner(), other, exported.rawPayload);
      expect(withoutIds((await csv.list(owner(), other)).items)).toEqual(risky);
    });

    it('round-trips: an export imported again gives the same contacts, ids kept, nothing changed', async () => {
      const offerId = await newOffer();
      const people = [
        ...swedes,
        good(1, { name: "Zoë O'Brien-Smith", countries: ['IE', 'GB', 'US'], states: ['US-NY'] }),
      ];
      await csv.importOk(
        owner(),
        offerId,
        contactsFile(
          people.map((c) => row(c)),
          { encoding: 'windows-1252', delimiter: ';' },
        ),
      );
      const before = (await csv.list(owner(), offerId)).items;
      const exported = await csv.export(owner(), offerId);

      const dry = (
        await csv.put(owner(), offerId, exported.rawPayload, { dryRun: true })
      ).json() as ImportReport;
      expect(dry.diff).toEqual({ added: [], removed: [], changed: [], unchanged: 4 });

      const report = await csv.importOk(owner(), offerId, exported.rawPayload);
      expect(report.encoding).toBe('utf-8-bom');
      expect((await csv.list(owner(), offerId)).items).toEqual(before);
      expect((await csv.export(owner(), offerId)).body).toBe(exported.body);
    });

    it('keeps the ids of contacts an import changes', async () => {
      const offerId = await newOffer();
      await csv.importOk(owner(), offerId, contactsFile([row(good(1)), row(good(2))]));
      const [first, second] = (await csv.list(owner(), offerId)).items as [Contact, Contact];
      await csv.importOk(owner(), offerId, contactsFile([row(good(2, { countries: ['NO'] })), row(good(3))]));
      const after = (await csv.list(owner(), offerId)).items;
      expect(after.map((c) => c.id)).toEqual([second.id, expect.not.stringMatching(first.id)]);
      expect(after[0]?.countries).toEqual(['NO']);
    });

    it('the template is the export of an offer without contacts', async () => {
      const offerId = await newOffer();
      const template = await csv.template(as('seller'));
      expect(template.statusCode).toBe(200);
      expect(template.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(template.headers['content-disposition']).toContain('co-sell-contacts-template.csv');
      expect(template.body).toBe('\uFEFFName,Email,Job title,Role,Countries/Regions,States/Provinces\r\n');
      expect((await csv.export(owner(), offerId)).body).toBe(template.body);
      // …and importing it removes every contact.
      await csv.importOk(owner(), offerId, contactsFile([row(good(1))]));
      await csv.importOk(owner(), offerId, template.rawPayload);
      expect((await csv.list(owner(), offerId)).items).toEqual([]);
    });
  });

  describe('an import writes only what changed, and the list ends as the file has it', () => {
    const listValues = async (offerId: string) => withoutIds((await csv.list(owner(), offerId)).items);

    it('reorders, changes, removes and adds in one import: file order, ids kept, history counts', async () => {
      const offerId = await newOffer();
      const first = [good(1), good(2), good(3), good(4), good(5)];
      await csv.importOk(owner(), offerId, contactsFile(first.map((c) => row(c))));
      const before = (await csv.list(owner(), offerId)).items;
      const idOf = (email: string) => before.find((c) => c.email === email)?.id;

      // 5 moves to the top, 2 changes, 3 goes, 6 is new in the middle; 1 and 4 stay as they were.
      const next = [good(5), good(1), good(2, { jobTitle: 'Head of sales' }), good(6), good(4)];
      const report = await csv.importOk(owner(), offerId, contactsFile(next.map((c) => row(c))));
      expect(report.diff).toMatchObject({ unchanged: 3, added: [good(6)], removed: [before[2]] });
      expect(report.diff?.changed).toHaveLength(1);

      const after = (await csv.list(owner(), offerId)).items;
      expect(withoutIds(after)).toEqual(next);
      expect(after.map((c) => c.id)).toEqual([
        idOf(good(5).email),
        idOf(good(1).email),
        idOf(good(2).email),
        expect.not.stringMatching(String(idOf(good(3).email))),
        idOf(good(4).email),
      ]);
      const [latest] = (await api.readHistory(owner(), offerId)).filter((e) => e.subject === 'contacts');
      expect(latest?.changes).toEqual([
        {
          field: 'contacts',
          before: { count: 5 },
          after: {
            count: 5,
            added: 1,
            removed: 1,
            changed: 1,
            unchanged: 3,
            addedContacts: [{ name: good(6).name, role: 'PartnerSales' }],
            removedContacts: [{ name: good(3).name, role: 'PartnerSales' }],
          },
        },
      ]);
    });

    it('gives the same list as importing the file into an offer without contacts (a full write)', async () => {
      const [changedOffer, freshOffer] = [await newOffer(), await newOffer()];
      await csv.importOk(owner(), changedOffer, contactsFile([1, 2, 3, 4, 5, 6].map((n) => row(good(n)))));
      const file = contactsFile(
        [good(6), good(9), good(2, { countries: ['NO', 'SE'], states: [] }), good(4), good(8)].map((c) =>
          row(c),
        ),
      );
      await csv.importOk(owner(), changedOffer, file);
      await csv.importOk(owner(), freshOffer, file);
      expect(await listValues(changedOffer)).toEqual(await listValues(freshOffer));
      // The same again changes nothing, and the list stays in order.
      const again = await csv.importOk(owner(), changedOffer, file);
      expect(again.diff).toEqual({ added: [], removed: [], changed: [], unchanged: 5 });
      expect(await listValues(changedOffer)).toEqual(await listValues(freshOffer));
    });

    it('a contact added one by one after an import that removed from the middle goes to the end', async () => {
      const offerId = await newOffer();
      await csv.importOk(owner(), offerId, contactsFile([1, 2, 3, 4].map((n) => row(good(n)))));
      await csv.importOk(owner(), offerId, contactsFile([1, 3, 4].map((n) => row(good(n)))));
      const added = await t.app.inject({
        method: 'POST',
        url: `${api.offerUrl(offerId)}/co-sell/contacts`,
        headers: { ...owner(), 'if-match': '*' },
        payload: good(7),
      });
      expect(added.statusCode, added.body).toBe(201);
      expect(await listValues(offerId)).toEqual([good(1), good(3), good(4), good(7)]);
    });

    it('the JSON replace writes the same way: order as sent, ids of kept contacts kept', async () => {
      const offerId = await newOffer();
      await csv.importOk(owner(), offerId, contactsFile([1, 2, 3].map((n) => row(good(n)))));
      const before = (await csv.list(owner(), offerId)).items;
      const replaced = await csv.replace(owner(), offerId, [good(3), good(8), good(1, { name: 'Ett' })]);
      expect(replaced.statusCode, replaced.body).toBe(200);
      expect(replaced.json()).toMatchObject({ summary: { added: 1, removed: 1, changed: 1, unchanged: 1 } });
      const after = (await csv.list(owner(), offerId)).items;
      expect(withoutIds(after)).toEqual([good(3), good(8), good(1, { name: 'Ett' })]);
      expect([after[0]?.id, after[2]?.id]).toEqual([before[2]?.id, before[0]?.id]);
    });
  });

  describe('versions, history and access', () => {
    it('requires If-Match (428), also for a dry run; a stale one is 412 and nothing changes', async () => {
      const offerId = await newOffer();
      await csv.importOk(owner(), offerId, contactsFile([row(good(1))]));
      const { items, etag } = await csv.list(owner(), offerId);
      for (const dryRun of [false, true]) {
        const unasked = await csv.put(owner(), offerId, contactsFile([row(good(2))]), {
          dryRun,
          ifMatch: null,
        });
        expect(unasked.statusCode, unasked.body).toBe(428);
        expect(errorBody(unasked).error).toBe('precondition_required');
        const preview = await csv.put(owner(), offerId, contactsFile([row(good(2))]), {
          dryRun,
          ifMatch: '"0"',
        });
        expect(preview.statusCode, preview.body).toBe(412);
      }
      expect((await csv.list(owner(), offerId)).items).toEqual(items);
      const stale = await csv.put(owner(), offerId, contactsFile([row(good(2))]), { ifMatch: '"0"' });
      expect(stale.statusCode).toBe(412);
      expect(errorBody(stale).error).toBe('precondition_failed');
      expect((await csv.list(owner(), offerId)).items).toEqual(items);

      const current = await csv.put(owner(), offerId, contactsFile([row(good(2))]), { ifMatch: etag });
      expect(current.statusCode).toBe(200);
      expect(current.headers.etag).toBe(`"${Number(JSON.parse(etag)) + 1}"`);
      expect((current.json() as ImportReport).version).toBe(Number(JSON.parse(etag)) + 1);
    });

    it('records an import in the history with its counts', async () => {
      const offerId = await newOffer();
      await csv.importOk(owner(), offerId, contactsFile([row(good(1)), row(good(2))]));
      await csv.importOk(
        as('contosoEditor'),
        offerId,
        contactsFile([row(good(2)), row(good(3, { name: 'Ny' }))]),
      );
      const entries = (await api.readHistory(owner(), offerId)).filter((e) => e.subject === 'contacts');
      expect(entries).toEqual([
        expect.objectContaining({
          action: 'imported',
          actor: { id: personas.byName.contosoEditor.userId, name: 'contosoEditor' },
          summaryMessage: { key: 'history.summaries.contactsImported', params: { count: 2 } },
          changes: [
            {
              field: 'contacts',
              before: { count: 2 },
              after: {
                count: 2,
                added: 1,
                removed: 1,
                changed: 0,
                unchanged: 1,
                addedContacts: [{ name: 'Ny', role: 'PartnerSales' }],
                removedContacts: [{ name: 'Person 1', role: 'PartnerSales' }],
              },
            },
          ],
        }),
        expect.objectContaining({
          action: 'imported',
          changes: [
            {
              field: 'contacts',
              before: { count: 0 },
              after: {
                count: 2,
                added: 2,
                removed: 0,
                changed: 0,
                unchanged: 0,
                addedContacts: [
                  { name: 'Person 1', role: 'PartnerSales' },
                  { name: 'Person 2', role: 'PartnerSales' },
                ],
                removedContacts: [],
              },
            },
          ],
        }),
      ]);
    });

    it('answers 404 for another organisation’s offer, 403 to a seller, 401 without credentials', async () => {
      const offerId = await newOffer();
      const file = contactsFile([row(good(1))]);
      for (const [caller, status] of [
        ['fabrikamOwner', 404],
        ['seller', 403],
      ] as const) {
        for (const response of [
          await csv.put(as(caller), offerId, file),
          await csv.export(as(caller), offerId),
        ]) {
          expect(response.statusCode, caller).toBe(status);
          errorBody(response);
        }
      }
      const anonymous = await csv.put({}, offerId, file);
      expect(anonymous.statusCode).toBe(401);
      expect((await csv.template({})).statusCode).toBe(401);
      expect((await csv.list(owner(), offerId)).items).toEqual([]);
    });

    it('answers 409 for an offer type without co-sell', async () => {
      const { offer } = await api.createOffer(owner(), { offerType: 'AzureVirtualMachine', markets: ['SE'] });
      for (const response of [
        await csv.put(owner(), offer.id, contactsFile([row(good(1))])),
        await csv.export(owner(), offer.id),
      ]) {
        expect(response.statusCode).toBe(409);
        expect(errorBody(response).error).toBe('co_sell_not_available');
      }
    });
  });
});
