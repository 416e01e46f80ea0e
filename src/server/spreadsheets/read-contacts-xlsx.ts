import ExcelJS from 'exceljs';
import { contactColumns, fieldForHeader } from '../../domain/contacts/csv/contact-columns.js';
import { fileError } from '../../domain/contacts/csv/import-problem.js';
import {
  type ContactTableRow,
  type ParsedContacts,
  readContactRows,
} from '../../domain/contacts/csv/read-contact-rows.js';
import { problem } from '../../domain/messages/problem.js';
import type { Taxonomy } from '../../domain/reference/taxonomy.js';
import type { Message } from '../../domain/schemas/messages.js';

export interface ParsedContactsXlsx extends ParsedContacts {
  /** The worksheet read; absent when none could be. */
  sheet?: string;
}

/** The sheet the import prefers when a workbook has several: the one the template and the export name so. */
const CONTACTS_SHEET = 'contacts';

/** A column's letters as a spreadsheet names it: 0 is A, 25 is Z, 26 is AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

type CellRead = { text: string } | { problem: Message };

function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/**
 * A cell's value as the text a CSV would hold. A formula is read as the result the spreadsheet saved with it:
 * nothing here evaluates one, and one saved without a result is a problem, as is an error value (#N/A).
 */
function readCell(cell: ExcelJS.Cell): CellRead {
  // Every cell of a merged range but the first repeats the first's value: it holds nothing of its own.
  if (cell.type === ExcelJS.ValueType.Merge) return { text: '' };
  return readValue(cell.value);
}

function readValue(value: ExcelJS.CellValue): CellRead {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: String(value) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: dateText(value) };
  if ('error' in value) return { problem: problem('csv.cellError', { value: value.error }) };
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined ? { problem: problem('csv.formulaNoResult') } : readValue(value.result);
  }
  if ('richText' in value) return { text: value.richText.map((run) => run.text).join('') };
  if ('hyperlink' in value) {
    // The words shown, not the link: a mailto: link's text is the address.
    const text = value.text as unknown;
    return typeof text === 'string' ? { text } : readValue(text as ExcelJS.CellValue);
  }
  return { text: '' };
}

function rowOf(row: ExcelJS.Row): ContactTableRow {
  const cells: string[] = [];
  const cellProblems: { index: number; text: Message }[] = [];
  for (let column = 1; column <= row.cellCount; column++) {
    const read = readCell(row.getCell(column));
    if ('problem' in read) {
      cellProblems.push({ index: column - 1, text: read.problem });
      cells.push('');
    } else cells.push(read.text);
  }
  return { row: row.number, cells, ...(cellProblems.length > 0 && { cellProblems }) };
}

/** The data rows under the header, skipping rows the file does not hold (blank rows are skipped later). */
function* dataRows(sheet: ExcelJS.Worksheet): Generator<ContactTableRow> {
  for (let number = 2; number <= sheet.rowCount; number++) {
    const row = sheet.findRow(number);
    if (row) yield rowOf(row);
  }
}

/** The sheet named Contacts, in any case, else the first sheet in the workbook's order (exceljs's order). */
function chooseSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const sheets = workbook.worksheets;
  return sheets.find((sheet) => sheet.name.trim().toLowerCase() === CONTACTS_SHEET) ?? sheets[0];
}

/**
 * Reads the contacts of an .xlsx workbook by the rules of the CSV import: the sheet named Contacts or else the
 * first, its first row the header row. Every problem names its sheet, row, column and cell. The bytes must
 * have passed inspectZip: exceljs unpacks every entry whole.
 */
export async function readContactsXlsx(
  bytes: Uint8Array,
  taxonomy: Taxonomy,
  options: { maxRows: number },
): Promise<ParsedContactsXlsx> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own Buffer interface; a Node Buffer is what it reads.
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    return { contacts: [], errors: [fileError('csv.workbookBroken')], rowCount: 0 };
  }
  const sheet = chooseSheet(workbook);
  if (!sheet) return { contacts: [], errors: [fileError('csv.noSheet')], rowCount: 0 };
  const name = sheet.name;
  const headerRow = sheet.findRow(1);
  const header = headerRow ? rowOf(headerRow).cells : [];
  if (!header.some((cell) => fieldForHeader(cell))) {
    const columns = contactColumns.map((c) => c.header).join(', ');
    const notHeader = fileError('csv.notHeader', {}, problem('contacts.allowed.headerRow', { columns }));
    return { contacts: [], errors: [{ sheet: name, ...notHeader }], rowCount: 0, sheet: name };
  }
  const parsed = readContactRows(header, dataRows(sheet), taxonomy, {
    maxRows: options.maxRows,
    beyondHeader: () => problem('csv.noHeader'),
    questionMarksMayBeLossy: false, // a workbook is Unicode: a ? in it was typed
    locate: (error, index) => ({
      sheet: name,
      ...error,
      ...(index !== undefined && { cell: `${columnLetters(index)}${error.row}` }),
    }),
  });
  return { ...parsed, sheet: name };
}
