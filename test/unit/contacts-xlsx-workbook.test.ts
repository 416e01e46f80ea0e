import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ContactValues } from '../../src/domain/contacts/contact-rules.js';
import { contactColumns } from '../../src/domain/contacts/csv/contact-columns.js';
import { contactsGuide } from '../../src/domain/contacts/spreadsheet/contacts-guide.js';
import { countries, getTaxonomy, states } from '../../src/domain/reference/taxonomy.js';
import {
  writeContactsTemplateXlsx,
  writeContactsXlsx,
} from '../../src/server/spreadsheets/write-contacts-xlsx.js';

const taxonomy = getTaxonomy();
const options = { taxonomy, locale: 'en' as const, validatedRows: 50 };

async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The column letter of a field on the Contacts sheet. */
const letter = (field: keyof ContactValues) =>
  String.fromCharCode(65 + contactColumns.findIndex((c) => c.field === field));

/** Every non-empty cell of a sheet as text, row by row. */
function textOf(worksheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  worksheet.eachRow((row) => {
    rows.push(
      (row.values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v))),
    );
  });
  return rows;
}

describe('the contacts Excel template', () => {
  it('has the Contacts sheet first with the CSV header row, frozen, text-formatted, with widths', async () => {
    const workbook = await read(await writeContactsTemplateXlsx(options));
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['Contacts', 'visible'],
      ['Guide', 'visible'],
      ['Lists', 'hidden'],
    ]);
    const contacts = sheet(workbook, 'Contacts');
    expect(contacts.getRow(1).values).toEqual([undefined, ...contactColumns.map((c) => c.header)]);
    expect(contacts.rowCount).toBe(1);
    expect(contacts.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    for (const [index] of contactColumns.entries()) {
      const column = contacts.getColumn(index + 1);
      expect(column.width).toBeGreaterThanOrEqual(15);
      expect(column.numFmt).toBe('@');
    }
  });

  it('offers the roles as a strict drop-down and every country code (with OOO) and state code as a list', async () => {
    const workbook = await read(await writeContactsTemplateXlsx(options));
    const contacts = sheet(workbook, 'Contacts');
    const lists = sheet(workbook, 'Lists');
    const listValues = (formula: string) => {
      const [, column, from, to] = /^Lists!\$([A-Z])\$(\d+):\$[A-Z]\$(\d+)$/.exec(formula) ?? [];
      if (!column) throw new Error(`not a range of the Lists sheet: ${formula}`);
      const values: string[] = [];
      for (let row = Number(from); row <= Number(to); row++)
        values.push(String(lists.getCell(`${column}${row}`).value));
      return values;
    };

    const role = contacts.getCell(`${letter('role')}2`).dataValidation;
    expect(role).toMatchObject({
      type: 'list',
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: 'stop',
    });
    expect(listValues(role.formulae?.[0] as string)).toEqual(taxonomy.contactRoles.map((r) => r.label));

    const country = contacts.getCell(`${letter('countries')}2`).dataValidation;
    expect(country.type).toBe('list');
    // Several codes typed with commas are not in the list: the list is offered, nothing refused.
    expect(country.showErrorMessage).toBeFalsy();
    const codes = listValues(country.formulae?.[0] as string);
    expect(codes[0]).toBe('OOO');
    expect(codes.slice(1)).toEqual(countries.map((c) => c.code));
    expect(codes).toContain('SE');

    const state = contacts.getCell(`${letter('states')}2`).dataValidation;
    expect(listValues(state.formulae?.[0] as string)).toEqual(states.map((s) => s.code));

    // Every row an import takes has the lists; the row after does not.
    expect(contacts.getCell(`${letter('role')}51`).dataValidation?.type).toBe('list');
    expect(contacts.getCell(`${letter('countries')}51`).dataValidation?.type).toBe('list');
    expect(contacts.getCell(`${letter('role')}52`).dataValidation).toBeUndefined();
    expect(contacts.getCell(`${letter('name')}2`).dataValidation).toBeUndefined();
  });

  it('explains each column, OOO, the XX-XX codes and an example in the Guide sheet', async () => {
    const workbook = await read(await writeContactsTemplateXlsx(options));
    const rows = textOf(sheet(workbook, 'Guide'));
    const lines = rows.map((cells) => cells.join('|'));
    const guide = contactsGuide('en', taxonomy);
    for (const { header } of contactColumns) {
      const row = rows.find((cells) => cells[0] === header);
      expect(row?.[2], header).toEqual(expect.stringMatching(/\w{3,}/));
    }
    expect(rows.find((cells) => cells[0] === 'Role')?.[2]).toContain('Partner customer success manager');
    expect(lines).toContain('OOO: all countries/regions');
    expect(lines).toContain('XX-XX: state and province codes');
    expect(lines.join('\n')).toContain('US-WA (Washington)');
    const header = contactColumns.map((c) => c.header).join('|');
    const exampleAt = lines.indexOf(header);
    expect(lines.slice(exampleAt, exampleAt + guide.example.length)).toEqual(
      guide.example.map((cells) => cells.join('|').replace(/\|+$/, '')),
    );
    expect(lines).toContain(
      'Jordan Lee|jordan.lee@contoso.example|Channel marketing manager|Partner marketing|OOO|US-WA, CA-ON',
    );
  });

  it('writes the Guide and the drop-downs’ messages in Swedish for a Swedish reader, the columns unchanged', async () => {
    const workbook = await read(await writeContactsTemplateXlsx({ ...options, locale: 'sv' }));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Contacts', 'Vägledning', 'Lists']);
    const contacts = sheet(workbook, 'Contacts');
    expect(contacts.getRow(1).values).toEqual([undefined, ...contactColumns.map((c) => c.header)]);
    expect(contacts.getCell(`${letter('role')}2`).dataValidation.error).toBe('Välj en av rollerna i listan.');
    const lines = textOf(sheet(workbook, 'Vägledning')).map((cells) => cells.join('|'));
    expect(lines).toContain('OOO: alla länder/regioner');
    expect(lines).toContain('XX-XX: koder för delstater och provinser');
  });
});

describe('the contacts Excel export', () => {
  const risky: ContactValues[] = [
    {
      name: '=Åsa',
      email: 'asa@contoso.example',
      jobTitle: '=HYPERLINK("https://evil.example","Click me")',
      role: 'PartnerSales',
      countries: ['SE', 'NO'],
      states: [],
    },
    {
      name: '+46 8 123',
      email: 'plus@contoso.example',
      jobTitle: '@SUM(A1)',
      role: 'PartnerMarketing',
      countries: ['OOO'],
      states: ['US-WA', 'CA-ON'],
    },
    {
      name: '-x',
      email: 'minus@contoso.example',
      jobTitle: 'Sales',
      role: 'Unknown',
      countries: ['US'],
      states: [],
    },
  ];

  it('writes every cell as a plain string (never a formula), the role as its label, codes with commas', async () => {
    const workbook = await read(await writeContactsXlsx(risky, options));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Contacts', 'Lists']);
    const contacts = sheet(workbook, 'Contacts');
    expect(contacts.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(textOf(contacts)).toEqual([
      contactColumns.map((c) => c.header),
      [
        '=Åsa',
        'asa@contoso.example',
        '=HYPERLINK("https://evil.example","Click me")',
        'Partner sales',
        'SE, NO',
      ],
      ['+46 8 123', 'plus@contoso.example', '@SUM(A1)', 'Partner marketing', 'OOO', 'US-WA, CA-ON'],
      ['-x', 'minus@contoso.example', 'Sales', 'Unknown', 'US'],
    ]);
    contacts.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, cell.address).toBe(ExcelJS.ValueType.String);
        expect(cell.formula, cell.address).toBeUndefined();
      }),
    );
    expect(contacts.getCell(`${letter('role')}4`).dataValidation?.type).toBe('list');
  });
});
