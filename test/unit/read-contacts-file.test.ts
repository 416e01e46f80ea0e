import { describe, expect, it } from 'vitest';
import { getTaxonomy } from '../../src/domain/reference/taxonomy.js';
import { readContactsFile } from '../../src/server/spreadsheets/read-contacts-file.js';
import { columnLetters } from '../../src/server/spreadsheets/read-contacts-xlsx.js';
import { contactsFile, TEMPLATE_HEADER } from '../support/csv-fixtures.js';
import {
  NUMBERS_ENTRIES,
  ODS_ENTRIES,
  ole2File,
  paddedWorkbook,
  workbookFile,
  zipOf,
} from '../support/xlsx-fixtures.js';

const taxonomy = getTaxonomy();
const MiB = 1024 * 1024;
const read = (bytes: Uint8Array, limits: { maxRows?: number; maxUnpackedBytes?: number } = {}) =>
  readContactsFile(bytes, taxonomy, {
    maxRows: limits.maxRows ?? 1000,
    maxUnpackedBytes: limits.maxUnpackedBytes ?? 8 * MiB,
  });

const header = [...TEMPLATE_HEADER];
const asa = ['Åsa Öberg', 'asa@contoso.se', 'Säljchef', 'Partner sales', 'SE, NO', ''];
const asaValues = {
  name: 'Åsa Öberg',
  email: 'asa@contoso.se',
  jobTitle: 'Säljchef',
  role: 'PartnerSales',
  countries: ['SE', 'NO'],
  states: [],
};

describe('readContactsFile: .xlsx workbooks', () => {
  it('reads the first sheet by the CSV rules: text cells, a header row in any order', async () => {
    const file = await workbookFile([
      {
        name: 'Sheet1',
        rows: [
          ['ROLE', 'email', 'Name', 'Job title', 'Countries'],
          ['Partner sales', 'asa@contoso.se', 'Åsa Öberg', 'Säljchef', 'SE NO'],
        ],
      },
    ]);
    const result = await read(file);
    expect(result).toMatchObject({ format: 'xlsx', sheet: 'Sheet1', rowCount: 1, errors: [], warnings: [] });
    expect(result.contacts).toEqual([{ row: 2, values: asaValues }]);
  });

  it('prefers a sheet named Contacts to the first sheet', async () => {
    const file = await workbookFile([
      { name: 'Guide', rows: [['How to fill in the contacts'], ['Name is the full name']] },
      { name: 'contacts', rows: [header, asa] },
    ]);
    const result = await read(file);
    expect(result.sheet).toBe('contacts');
    expect(result.errors).toEqual([]);
    expect(result.contacts).toEqual([{ row: 2, values: asaValues }]);
  });

  it('reads numbers, rich text, links and formulas as the results saved with them, never evaluating one', async () => {
    const file = await workbookFile([
      {
        name: 'Contacts',
        rows: [
          header,
          [
            { richText: [{ text: 'Åsa ' }, { text: 'Öberg', font: { bold: true } }] },
            { text: 'asa@contoso.se', hyperlink: 'mailto:asa@contoso.se' },
            // The saved result is not what the formula would give: the result is what is read.
            { formula: 'UPPER("chef")', result: 'Säljchef' },
            'Partner sales',
            { formula: '"SE"&", NO"', result: 'SE, NO' },
          ],
          ['Bo 2', 'bo@contoso.se', 2024, 'Partner sales', 'SE'],
        ],
      },
    ]);
    const result = await read(file);
    expect(result.errors).toEqual([]);
    expect(result.contacts).toEqual([
      { row: 2, values: asaValues },
      {
        row: 3,
        values: { ...asaValues, name: 'Bo 2', email: 'bo@contoso.se', jobTitle: '2024', countries: ['SE'] },
      },
    ]);
  });

  it('names the sheet, row, column and cell of each problem, with its message key', async () => {
    const file = await workbookFile([
      { name: 'Guide', rows: [['Read me']] },
      {
        name: 'Contacts',
        rows: [
          header,
          asa,
          ['Bo', 'bo.contoso.se', 'Chef', 'Partner sales', 'SE'],
          ['Cy', { formula: 'B2' }, 'Chef', 'Partner sales', 'SE'],
          ['Di', { formula: '1/0', result: { error: '#DIV/0!' } }, 'Chef', 'Partner sales', 'SE'],
        ],
      },
    ]);
    const result = await read(file);
    expect(result.contacts.map((c) => c.row)).toEqual([2]);
    expect(result.errors).toEqual([
      {
        sheet: 'Contacts',
        row: 3,
        column: 'Email',
        cell: 'B3',
        value: 'bo.contoso.se',
        message: 'bo.contoso.se is not an email address',
        key: 'problems.contacts.emailInvalid',
        params: { value: 'bo.contoso.se' },
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
      expect.objectContaining({
        sheet: 'Contacts',
        row: 4,
        cell: 'B4',
        key: 'problems.contacts.emailRequired',
      }),
      {
        sheet: 'Contacts',
        row: 5,
        column: 'Email',
        cell: 'B5',
        value: '',
        message: 'The cell shows the error #DIV/0!: correct it or type the value.',
        key: 'problems.csv.cellError',
        params: { value: '#DIV/0!' },
      },
      expect.objectContaining({
        sheet: 'Contacts',
        row: 5,
        cell: 'B5',
        key: 'problems.contacts.emailRequired',
      }),
    ]);
  });

  it('skips empty rows, counting rows as the spreadsheet numbers them', async () => {
    const bo = ['Bo Ek', 'bo@contoso.se', 'Chef', 'Partner sales', 'SE'];
    const file = await workbookFile([
      { name: 'Contacts', rows: [header, null, asa, ['', '', ''], null, bo] },
    ]);
    const result = await read(file);
    expect(result.errors).toEqual([]);
    expect(result.rowCount).toBe(2);
    expect(result.contacts.map((c) => c.row)).toEqual([3, 6]);
  });

  it('refuses a value right of the header, a missing column and a sheet without a header row', async () => {
    const stray = await workbookFile([{ name: 'Contacts', rows: [header, [...asa, 'stray']] }]);
    expect((await read(stray)).errors).toEqual([
      expect.objectContaining({
        sheet: 'Contacts',
        row: 2,
        column: 'column 7',
        cell: 'G2',
        key: 'problems.csv.noHeader',
      }),
    ]);
    const noRole = await workbookFile([
      {
        name: 'Contacts',
        rows: [
          ['Name', 'Email', 'Job title', 'Countries'],
          ['Åsa', 'a@b.se', 'T', 'SE'],
        ],
      },
    ]);
    expect((await read(noRole)).errors).toEqual([
      expect.objectContaining({
        sheet: 'Contacts',
        row: 1,
        column: 'Role',
        key: 'problems.csv.missingColumn',
        params: { column: 'Role' },
      }),
    ]);
    const noHeader = await workbookFile([{ name: 'People', rows: [asa] }]);
    expect((await read(noHeader)).errors).toEqual([
      expect.objectContaining({ sheet: 'People', row: 1, column: '', key: 'problems.csv.notHeader' }),
    ]);
  });

  it('takes at most maxRows contact rows from a sheet', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [
      `P ${i}`,
      `p${i}@contoso.se`,
      'T',
      'Partner sales',
      'SE',
    ]);
    const file = await workbookFile([{ name: 'Contacts', rows: [header, ...rows] }]);
    const result = await read(file, { maxRows: 25 });
    expect(result.contacts).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        sheet: 'Contacts',
        row: 1,
        message: 'The file has 30 contact rows; an import takes at most 25.',
        key: 'problems.csv.tooManyRows',
        params: { rows: 30, max: 25 },
      }),
    ]);
  });

  it('refuses a workbook that unpacks to more than the limit before exceljs reads it (a zip bomb)', async () => {
    const workbook = await workbookFile([{ name: 'Contacts', rows: [header, asa] }]);
    const bomb = await paddedWorkbook(workbook, 3 * MiB);
    expect(bomb.length).toBeLessThan(MiB / 8); // zeros pack tightly: this is the point of a bomb
    const result = await read(bomb, { maxUnpackedBytes: 2 * MiB });
    expect(result.contacts).toEqual([]);
    expect(result.errors).toEqual([
      {
        row: 1,
        column: '',
        value: '',
        message:
          'The workbook unpacks to more than 2 MiB, more than an import reads. Copy the contacts into a new workbook and import that.',
        key: 'problems.csv.workbookTooLarge',
        params: { max: 2 },
      },
    ]);
    // The same workbook under a limit it fits is read.
    expect((await read(bomb, { maxUnpackedBytes: 4 * MiB })).contacts).toHaveLength(1);
  });

  it('refuses a workbook whose parts exceljs cannot read, or that has no sheet, as unreadable', async () => {
    const garbled = await read(await zipOf(['[Content_Types].xml', 'xl/workbook.xml']));
    expect(garbled.errors).toEqual([
      expect.objectContaining({ row: 1, column: '', key: 'problems.csv.workbookBroken' }),
    ]);
    expect(garbled.unreadable).toBe(true);
    const empty = await read(await workbookFile([]));
    expect(empty.errors).toEqual([
      expect.objectContaining({
        key: 'problems.csv.noSheet',
        message: 'The workbook has no worksheet to read.',
      }),
    ]);
    expect(empty.unreadable).toBe(true);
  });

  it('refuses a zip cut short as damaged', async () => {
    const workbook = await workbookFile([{ name: 'Contacts', rows: [header, asa] }]);
    const result = await read(workbook.subarray(0, Math.floor(workbook.length / 2)));
    expect(result.errors).toEqual([expect.objectContaining({ key: 'problems.csv.workbookBroken' })]);
  });
});

describe('readContactsFile: files it cannot read say what they are', () => {
  it.each([
    [
      'an OpenDocument spreadsheet',
      () => zipOf(ODS_ENTRIES),
      'problems.csv.formatOds',
      /OpenDocument spreadsheet \(\.ods\)/,
    ],
    ['an Apple Numbers file', () => zipOf(NUMBERS_ENTRIES), 'problems.csv.formatNumbers', /Apple Numbers/],
    [
      'an Excel binary workbook',
      () => zipOf(['[Content_Types].xml', 'xl/workbook.bin']),
      'problems.csv.formatXlsb',
      /\.xlsb/,
    ],
    [
      'any other zip archive',
      () => zipOf(['readme.txt', 'photo.jpg']),
      'problems.csv.formatZip',
      /zip archive/,
    ],
    ['an Excel 97-2003 workbook', async () => ole2File(), 'problems.csv.formatXls', /\(\.xls\)/],
  ])('%s', async (_what, file, key, words) => {
    const result = await read(await file());
    expect(result.errors).toEqual([expect.objectContaining({ row: 1, column: '', key, params: {} })]);
    expect(result.errors[0]?.message).toMatch(words);
    expect(result.errors[0]?.message).not.toMatch(/header row/);
    expect(result.unreadable).toBe(true);
  });
});

describe('readContactsFile: signs of a lossy save in a CSV', () => {
  const people = (names: string[]) =>
    names.map((name, i) => [name, `p${i}@contoso.se`, 'Chef', 'Partner sales', 'SE', '']);

  it('warns of ? where letters were, in a Windows-1252 file, naming the rows, and still reads it', async () => {
    const names = ['Åsa Öberg', '?ukasz Nowak', 'Wang ??', 'Ji?í Novák', 'Who? Me'];
    const file = contactsFile(people(names), { encoding: 'windows-1252' });
    const result = await read(file);
    expect(result.encoding).toBe('windows-1252');
    expect(result.errors).toEqual([]);
    expect(result.contacts).toHaveLength(5);
    expect(result.warnings).toEqual([
      {
        rows: [3, 4, 5],
        message:
          'Rows 3, 4, 5 have question marks or � where letters may have been: the file may have been saved in an encoding that lost characters. Check the names, or save the file as "CSV UTF-8" or .xlsx and import that.',
        key: 'problems.csv.lossySave',
        params: { count: 3, rows: '3, 4, 5' },
      },
    ]);
  });

  it('warns of U+FFFD in any file, and not of ? in a file saved as Unicode', async () => {
    const replaced = await read(contactsFile(people(['Åsa', 'Bj\uFFFDrn']), { encoding: 'utf-8-bom' }));
    expect(replaced.warnings).toEqual([
      expect.objectContaining({ rows: [3], params: { count: 1, rows: '3' } }),
    ]);
    expect(replaced.warnings[0]?.message).toMatch(/^Row 3 has /);
    const unicode = await read(contactsFile(people(['Wang ??']), { encoding: 'utf-8-bom' }));
    expect(unicode.warnings).toEqual([]);
  });
});

describe('columnLetters', () => {
  it('names columns as a spreadsheet does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});
