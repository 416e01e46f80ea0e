import { describe, expect, it } from 'vitest';
import { csvText, rawCsv, TEMPLATE_HEADER } from '../../../../test/support/csv-fixtures.js';
import { getTaxonomy } from '../../reference/taxonomy.js';
import { parseContactsCsv } from './parse-contacts-csv.js';

const taxonomy = getTaxonomy();
const parse = (text: string, maxRows = 10_000) => parseContactsCsv(text, taxonomy, { maxRows });
const ROLE_LABELS =
  'Partner marketing, Partner sales, Partner technical sales, Partner customer success manager';

const asa = ['Åsa Öberg', 'asa@contoso.se', 'Säljchef', 'Partner sales', 'SE, NO', ''];
const asaValues = {
  name: 'Åsa Öberg',
  email: 'asa@contoso.se',
  jobTitle: 'Säljchef',
  role: 'PartnerSales',
  countries: ['SE', 'NO'],
  states: [],
};

describe('parseContactsCsv: separators and dialects', () => {
  it.each([
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
  ] as const)('detects %j from the header row', (delimiter, name) => {
    const result = parse(csvText([TEMPLATE_HEADER, asa], { delimiter }));
    expect(result.errors).toEqual([]);
    expect(result.delimiter).toBe(name);
    expect(result.contacts).toEqual([{ row: 2, values: asaValues }]);
  });

  it('reads LF line ends as well as CRLF, and a last row without a line end', () => {
    for (const dialect of [{ newline: '\n' }, { newline: '\r\n', finalNewline: false }] as const) {
      const result = parse(
        csvText([TEMPLATE_HEADER, asa, asa.map((c, i) => (i === 1 ? 'b@x.se' : c))], dialect),
      );
      expect(result.errors).toEqual([]);
      expect(result.contacts.map((c) => c.row)).toEqual([2, 3]);
    }
  });

  it('reads CR-only line ends, and CRLF after a first line ending in LF as LF with the CR trimmed', () => {
    const crOnly = parse(csvText([TEMPLATE_HEADER, asa]).replaceAll('\r\n', '\r'));
    expect(crOnly.errors).toEqual([]);
    expect(crOnly.contacts).toEqual([{ row: 2, values: asaValues }]);
    const mixed = parse(`${TEMPLATE_HEADER.join(',')}\n${csvText([asa])}`);
    expect(mixed.errors).toEqual([]);
    expect(mixed.contacts).toEqual([{ row: 2, values: asaValues }]);
  });

  it('detects the separator from the header row alone, whatever the rows below hold', () => {
    const result = parse(
      rawCsv([
        'Name,Email,Job title,Role,Countries/Regions',
        'Anna;de Vries,anna@x.nl,Sales;Lead,Partner sales,"NL; BE; DE"',
        'Bo;Ek,bo@x.se,Sales;Lead,Partner sales,SE',
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.delimiter).toBe('comma');
    expect(result.contacts.map((c) => c.values.name)).toEqual(['Anna;de Vries', 'Bo;Ek']);
    expect(result.contacts[0]?.values.countries).toEqual(['NL', 'BE', 'DE']);
  });

  it('takes "NL, BE" unquoted in a semicolon file, where the comma is no separator', () => {
    const result = parse(
      rawCsv([
        'Name;Email;Job title;Role;Countries/Regions',
        'Anna de Vries;anna@x.nl;Sales;Partner sales;NL, BE',
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.contacts[0]?.values.countries).toEqual(['NL', 'BE']);
  });

  it('refuses a header row it cannot place under one separator', () => {
    expect(parse('Name\r\nÅsa\r\n').errors).toEqual([
      {
        row: 1,
        column: '',
        value: '',
        message: 'Cannot tell whether the file separates cells with commas or semicolons.',
        key: 'problems.csv.separatorUnclear',
        params: {},
      },
    ]);
    expect(parse('Vorname,Nachname\r\nÅsa,Öberg\r\n').errors).toEqual([
      {
        row: 1,
        column: '',
        value: '',
        message: 'The first row is not a header row this import knows.',
        key: 'problems.csv.notHeader',
        params: {},
        allowed: 'a header row with Name, Email, Job title, Role, Countries/Regions, States/Provinces',
        allowedKey: 'problems.contacts.allowed.headerRow',
        allowedParams: { columns: 'Name, Email, Job title, Role, Countries/Regions, States/Provinces' },
      },
    ]);
  });

  it('reports an empty file, and a file of blank lines, as empty', () => {
    for (const text of ['', '\r\n\r\n', '   ']) {
      expect(parse(text)).toEqual({
        contacts: [],
        errors: [
          {
            row: 1,
            column: '',
            value: '',
            message: 'The file is empty.',
            key: 'problems.csv.empty',
            params: {},
          },
        ],
        rowCount: 0,
      });
    }
  });

  it('reads a header-only file (the template) as no contacts, without errors', () => {
    expect(parse(rawCsv([TEMPLATE_HEADER.join(',')]))).toEqual({
      contacts: [],
      errors: [],
      rowCount: 0,
      delimiter: 'comma',
    });
  });
});

describe('parseContactsCsv: headers', () => {
  it('takes headers in any order and case, with or without spaces, and known aliases', () => {
    const header = [
      'COUNTRIES / REGIONS',
      'jobtitle',
      'E-mail address',
      'Contact Role',
      'full name',
      'State/Province',
    ];
    const result = parse(
      csvText([header, ['SE NO', 'Säljchef', 'ASA@Contoso.se', 'partner sales', 'Åsa Öberg', '']]),
    );
    expect(result.errors).toEqual([]);
    expect(result.contacts).toEqual([{ row: 2, values: asaValues }]);
  });

  it.each([
    ['Name', 'name'],
    ['Email', 'EMAIL'],
    ['Email', 'Mail'],
    ['Job title', 'JOBTITLE'],
    ['Job title', 'Job_Title'],
    ['Job title', 'Title'],
    ['Role', 'ROLE'],
    ['Countries/Regions', 'countries / regions'],
    ['Countries/Regions', 'Country'],
    ['Countries/Regions', 'Countries Regions'],
    ['States/Provinces', 'states / provinces'],
    ['States/Provinces', 'Provinces'],
  ])('reads the header %j written as %j', (canonical, written) => {
    const header = TEMPLATE_HEADER.map((h) => (h === canonical ? written : h));
    const result = parse(csvText([header, asa]));
    expect(result.errors).toEqual([]);
    expect(result.contacts).toHaveLength(1);
  });

  it('refuses an unknown column, naming it as the file does', () => {
    const result = parse(
      csvText([
        [...TEMPLATE_HEADER, 'Phone'],
        [...asa, '+46 8 123'],
      ]),
    );
    expect(result.errors).toEqual([
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
    expect(result.contacts).toEqual([]);
  });

  it('reports every missing required column at once; States/Provinces is optional', () => {
    const result = parse(
      csvText([
        ['Name', 'Email', 'Job title'],
        ['Åsa', 'a@x.se', 'Sales'],
      ]),
    );
    expect(result.errors).toEqual([
      {
        row: 1,
        column: 'Role',
        value: '',
        message: 'The column "Role" is missing.',
        key: 'problems.csv.missingColumn',
        params: { column: 'Role' },
      },
      {
        row: 1,
        column: 'Countries/Regions',
        value: '',
        message: 'The column "Countries/Regions" is missing.',
        key: 'problems.csv.missingColumn',
        params: {
          column: 'Countries/Regions',
        },
      },
    ]);
    const withoutStates = parse(csvText([TEMPLATE_HEADER.slice(0, 5), asa.slice(0, 5)]));
    expect(withoutStates.errors).toEqual([]);
    expect(withoutStates.contacts[0]?.values.states).toEqual([]);
  });

  it('refuses the same column twice under two names', () => {
    const result = parse(
      csvText([
        [...TEMPLATE_HEADER, 'E-mail'],
        [...asa, 'b@x.se'],
      ]),
    );
    expect(result.errors).toEqual([
      {
        row: 1,
        column: 'E-mail',
        value: 'E-mail',
        message: '"E-mail" repeats the column "Email".',
        key: 'problems.csv.repeatedColumn',
        params: { column: 'E-mail', first: 'Email' },
      },
    ]);
  });

  it('does not loosen: a near-miss header is unknown', () => {
    const header = TEMPLATE_HEADER.map((h) => (h === 'Job title' ? 'Job-title' : h));
    expect(parse(csvText([header, asa])).errors[0]).toMatchObject({ row: 1, column: 'Job-title' });
  });
});

describe('parseContactsCsv: cells', () => {
  it.each([
    'Partner sales',
    'PARTNER SALES',
    'partner sales',
    'PartnerSales',
    'partnersales',
    ' Partner  Sales ',
  ])('reads the role %j as PartnerSales', (role) => {
    const result = parse(csvText([TEMPLATE_HEADER, asa.map((c, i) => (i === 3 ? role : c))]));
    expect(result.errors).toEqual([]);
    expect(result.contacts[0]?.values.role).toBe('PartnerSales');
  });

  it('reads every role label', () => {
    const rows = taxonomy.contactRoles.map((r, i) => [`P${i}`, `p${i}@x.se`, 'T', r.label, 'SE', '']);
    expect(parse(csvText([TEMPLATE_HEADER, ...rows])).contacts.map((c) => c.values.role)).toEqual(
      taxonomy.contactRoles.map((r) => r.id),
    );
  });

  it.each(['SE, NO, DK', 'SE;NO;DK', 'SE NO DK', 'se,no,dk', ' SE ,, NO ;DK '])(
    'reads the countries %j as SE, NO, DK',
    (countries) => {
      const result = parse(csvText([TEMPLATE_HEADER, asa.map((c, i) => (i === 4 ? countries : c))]));
      expect(result.errors).toEqual([]);
      expect(result.contacts[0]?.values.countries).toEqual(['SE', 'NO', 'DK']);
    },
  );

  it('reads states the same way', () => {
    const row = ['Bo', 'bo@x.com', 'T', 'Partner sales', 'US CA', 'us-wa; CA-ON us-ny'];
    expect(parse(csvText([TEMPLATE_HEADER, row])).contacts[0]?.values.states).toEqual([
      'US-WA',
      'CA-ON',
      'US-NY',
    ]);
  });

  it('undoes the apostrophe the export puts before formula-like cells', () => {
    const row = ["'=Åsa", 'a@x.se', "'+46 8 123", 'Partner sales', 'SE', ''];
    const result = parse(csvText([TEMPLATE_HEADER, row]));
    expect(result.errors).toEqual([]);
    expect(result.contacts[0]?.values).toMatchObject({ name: '=Åsa', jobTitle: '+46 8 123' });
  });
});

describe('parseContactsCsv: rows as a spreadsheet numbers them', () => {
  it('ignores blank rows at the end and does not count them', () => {
    const text = `${csvText([TEMPLATE_HEADER, asa])},,,,,\r\n\r\n , ,\r\n\r\n`;
    const result = parse(text);
    expect(result.errors).toEqual([]);
    expect(result.rowCount).toBe(1);
    expect(result.contacts).toHaveLength(1);
  });

  it('counts a quoted cell with line breaks in it as one row', () => {
    const text = rawCsv([
      TEMPLATE_HEADER.join(','),
      'Åsa Öberg,asa@contoso.se,Säljchef,Partner sales,"SE,',
      'NO",',
      '"Lars',
      'Sjöström",lars@x.se,Sales,Partner sales,SE,',
      '',
      'Bad,not-an-email,Sales,Partner sales,SE,',
    ]);
    const result = parse(text);
    expect(result.contacts).toEqual([{ row: 2, values: asaValues }]);
    // Row 3 is Lars (two lines, one row), row 4 is blank, row 5 is the bad email: lines 5 and 7 of the file.
    expect(result.errors).toEqual([
      {
        row: 3,
        column: 'Name',
        value: 'Lars\r\nSjöström',
        message: 'Name contains a control character',
        allowedKey: 'problems.contacts.allowed.text',
        allowedParams: {},
        key: 'problems.contacts.nameControl',
        params: {},
        allowed: 'letters in any language, spaces, punctuation',
      },
      {
        row: 5,
        column: 'Email',
        value: 'not-an-email',
        message: 'not-an-email is not an email address',
        allowedKey: 'problems.contacts.allowed.email',
        allowedParams: {},
        key: 'problems.contacts.emailInvalid',
        params: {
          value: 'not-an-email',
        },
        allowed: 'an address such as name@example.com',
      },
    ]);
    expect(result.rowCount).toBe(3);
  });

  it('reports a quote that is never closed, at its row', () => {
    const text = rawCsv([
      TEMPLATE_HEADER.join(','),
      asa.join(';'),
      '"Lars Sjöström,lars@x.se,Sales,Partner sales,SE,',
    ]);
    expect(parse(text).errors).toEqual([
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

  it('refuses a row with more cells than the header: an unquoted "NL, BE" in a comma file', () => {
    const text = rawCsv([
      'Name,Email,Job title,Role,Countries/Regions',
      'Anna de Vries,anna@x.nl,Sales,Partner sales,NL, BE',
    ]);
    expect(parse(text).errors).toEqual([
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

  it('refuses a value under a column without a header', () => {
    const header = ['Name', 'Email', '', 'Job title', 'Role', 'Countries/Regions'];
    const result = parse(csvText([header, ['Åsa', 'a@x.se', 'stray', 'Sales', 'Partner sales', 'SE']]));
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'column 3',
        value: 'stray',
        message: 'This column has no header, so its value cannot be placed.',
        key: 'problems.csv.noHeader',
        params: {},
      },
    ]);
  });

  it('reports every problem of every row at once, with the value as the file has it', () => {
    const rows = [
      ['Åsa Öberg', 'asa@x.se', 'Sales', 'Partner wizard', 'SE', ''],
      ['Bo', 'bo@x.se', 'Sales', 'Partner sales', 'SE, XX', 'US-WA'],
      ['', 'nope', '', 'Partner sales', 'OOO, SE', ''],
    ];
    const result = parse(csvText([TEMPLATE_HEADER, ...rows]));
    expect(result.errors).toEqual([
      {
        row: 2,
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
        allowed: 'two-letter codes such as SE or US, or OOO alone for all countries/regions',
      },
      {
        row: 3,
        column: 'States/Provinces',
        value: 'US-WA',
        message: "US-WA (Washington) is in United States, which is not among the contact's countries/regions",
        allowedKey: 'problems.contacts.allowed.statesOf',
        allowedParams: {
          countries: 'SE, XX',
        },
        key: 'problems.contacts.stateOutside',
        params: {
          country: 'US',
          state: 'US-WA',
          value: 'US-WA',
        },
        // The countries by name, except XX, which is none (it has its own problem above).
        allowed: 'states of Sweden, XX',
      },
      {
        row: 4,
        column: 'Name',
        value: '',
        message: 'Name is required',
        key: 'problems.contacts.nameRequired',
        params: {},
      },
      {
        row: 4,
        column: 'Job title',
        value: '',
        message: 'Job title is required',
        key: 'problems.contacts.jobTitleRequired',
        params: {},
      },
      {
        row: 4,
        column: 'Email',
        value: 'nope',
        message: 'nope is not an email address',
        allowedKey: 'problems.contacts.allowed.email',
        allowedParams: {},
        key: 'problems.contacts.emailInvalid',
        params: {
          value: 'nope',
        },
        allowed: 'an address such as name@example.com',
      },
      {
        row: 4,
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
        allowed: 'two-letter codes such as SE or US, or OOO alone for all countries/regions',
      },
    ]);
    expect(result.contacts).toEqual([]);
  });

  it('refuses a cell with U+0000 or half a surrogate pair, at its row and column, judging the rest of the row', () => {
    const rows = [
      ['Åsa\u0000Öberg', 'asa@x.se', 'Sales', 'Partner sales', 'SE', ''],
      ['Bo', 'bo\u0000@x.se', 'Sales\uD800', 'Partner sales', 'XX', ''],
      asa,
    ];
    const result = parse(csvText([TEMPLATE_HEADER, ...rows]));
    const message =
      'The cell contains a character that cannot be stored: U+0000 (NUL) or half of a UTF-16 surrogate pair; remove it.';
    const unstorable = { key: 'problems.csv.unstorableCell', params: {} };
    expect(result.errors).toEqual([
      { row: 2, column: 'Name', value: 'Åsa\uFFFDÖberg', message, ...unstorable },
      { row: 3, column: 'Email', value: 'bo\uFFFD@x.se', message, ...unstorable },
      { row: 3, column: 'Job title', value: 'Sales\uFFFD', message, ...unstorable },
      expect.objectContaining({ row: 3, column: 'Countries/Regions', value: 'XX' }),
    ]);
    expect(result.contacts).toEqual([{ row: 4, values: asaValues }]);
  });

  it('names the column as the file spells it', () => {
    const header = ['name', 'E-MAIL', 'title', 'role', 'country'];
    const result = parse(csvText([header, ['Åsa', 'x', 'T', 'Partner sales', 'SE']]));
    expect(result.errors).toEqual([expect.objectContaining({ row: 2, column: 'E-MAIL', value: 'x' })]);
  });

  it('refuses the same email with the same role twice, naming the first row', () => {
    const rows = [
      ['Åsa', 'asa@x.se', 'T', 'Partner sales', 'SE', ''],
      ['Åsa', 'asa@x.se', 'T', 'Partner marketing', 'SE', ''],
      ['Åsa Ö', 'ASA@X.SE', 'T', 'partnersales', 'NO', ''],
    ];
    expect(parse(csvText([TEMPLATE_HEADER, ...rows])).errors).toEqual([
      {
        row: 4,
        column: 'Email',
        value: 'asa@x.se',
        message: 'The same email with the same role is already on row 2.',
        key: 'problems.csv.sameEmailAndRole',
        params: {
          row: 2,
        },
      },
    ]);
  });

  it('takes at most maxRows contact rows, blank rows not counted', () => {
    const rows = [1, 2, 3].map((n) => [`P${n}`, `p${n}@x.se`, 'T', 'Partner sales', 'SE', '']);
    const text = `${csvText([TEMPLATE_HEADER, ...rows])}\r\n\r\n`;
    expect(parse(text, 3).errors).toEqual([]);
    expect(parse(text, 2)).toEqual({
      contacts: [],
      errors: [
        {
          row: 1,
          column: '',
          value: '',
          message: 'The file has 3 contact rows; an import takes at most 2.',
          key: 'problems.csv.tooManyRows',
          params: { rows: 3, max: 2 },
        },
      ],
      rowCount: 3,
      delimiter: 'comma',
    });
  });
});
