import Papa from 'papaparse';
import type { Taxonomy } from '../../reference/taxonomy.js';
import {
  type ContactField,
  type ContactValues,
  findContactProblems,
  findDuplicateContacts,
  normaliseContact,
} from '../contact-rules.js';
import type { ImportError } from '../contact-schema.js';
import { contactColumns, fieldForHeader } from './contact-columns.js';
import { restoreFormula } from './spreadsheet-formula.js';

export interface ParsedContactsCsv {
  /** Contacts in file order, with the spreadsheet row each came from. */
  contacts: { row: number; values: ContactValues }[];
  errors: ImportError[];
  /** Data rows read (blank rows not counted). */
  rowCount: number;
  delimiter?: string;
}

const DELIMITERS = [',', ';', '\t'] as const;
const delimiterName: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
const requiredFields: ContactField[] = ['name', 'email', 'jobTitle', 'role', 'countries'];
const whole = (message: string, allowed?: string): ImportError => ({
  row: 1,
  column: '',
  value: '',
  message,
  ...(allowed && { allowed }),
});

function headerOf(text: string, delimiter: string): string[] {
  // The header is at the start: parsing a slice spares Papa scanning the whole file for line endings.
  const result = Papa.parse<string[]>(text.slice(0, 65_536), { delimiter, preview: 1 });
  return result.data[0] ?? [];
}

/** Picks the separator under which the header row names the most known columns; a tie is an error. */
function detectDelimiter(text: string): { delimiter: string } | { error: ImportError } {
  const scored = DELIMITERS.map((d) => ({
    d,
    known: headerOf(text, d).filter((h) => fieldForHeader(h)).length,
  }));
  const best = Math.max(...scored.map((s) => s.known));
  const expected = contactColumns.map((c) => c.header).join(', ');
  if (best === 0)
    return {
      error: whole('The first row is not a header row this import knows.', `a header row with ${expected}`),
    };
  const winners = scored.filter((s) => s.known === best);
  if (winners.length > 1)
    return { error: whole('Cannot tell whether the file separates cells with commas or semicolons.') };
  return { delimiter: winners[0]?.d ?? ',' };
}

function splitList(cell: string): string[] {
  return cell.split(/[\s,;]+/).filter((part) => part !== '');
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/** A role cell as a role id: the taxonomy's label or id, in any case and spacing. */
function roleId(cell: string, taxonomy: Taxonomy): string {
  const key = squash(cell);
  return (
    taxonomy.contactRoles.find((r) => squash(r.id) === key || squash(r.label) === key)?.id ?? cell.trim()
  );
}

/**
 * Reads a contacts CSV: comma, semicolon or tab separated (detected from the header row), headers in any
 * order and case, multi-value cells separated by commas, semicolons or spaces. Every problem in the file is
 * reported with its spreadsheet row (the header is row 1), column and value; the caller changes nothing
 * unless `errors` is empty.
 */
export function parseContactsCsv(
  text: string,
  taxonomy: Taxonomy,
  options: { maxRows: number },
): ParsedContactsCsv {
  if (text.trim() === '') return { contacts: [], errors: [whole('The file is empty.')], rowCount: 0 };
  const detected = detectDelimiter(text);
  if ('error' in detected) return { contacts: [], errors: [detected.error], rowCount: 0 };
  const { delimiter } = detected;
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const errors: ImportError[] = [];
  for (const e of parsed.errors) {
    if (e.type === 'Quotes') {
      errors.push({
        row: (e.row ?? 0) + 1,
        column: '',
        value: '',
        message: 'A quoted cell is not closed: a quote mark is missing.',
      });
    }
  }
  if (errors.length > 0)
    return { contacts: [], errors, rowCount: 0, delimiter: delimiterName[delimiter] ?? delimiter };

  const [header = [], ...records] = parsed.data;
  const columns = header.map((name) => ({
    name: name.replace(/^\uFEFF/, '').trim(),
    field: fieldForHeader(name),
  }));
  const seenFields = new Map<ContactField, string>();
  columns.forEach(({ name, field }) => {
    if (name === '') return;
    if (!field) {
      errors.push({
        ...whole(
          `"${name}" is not a column this import knows.`,
          contactColumns.map((c) => c.header).join(', '),
        ),
        column: name,
        value: name,
      });
    } else if (seenFields.has(field)) {
      errors.push({
        ...whole(`"${name}" repeats the column "${seenFields.get(field)}".`),
        column: name,
        value: name,
      });
    } else {
      seenFields.set(field, name);
    }
  });
  for (const field of requiredFields) {
    if (!seenFields.has(field)) {
      const header = contactColumns.find((c) => c.field === field)?.header ?? field;
      errors.push({ ...whole(`The column "${header}" is missing.`), column: header });
    }
  }
  if (errors.length > 0)
    return { contacts: [], errors, rowCount: 0, delimiter: delimiterName[delimiter] ?? delimiter };

  const rows = records
    .map((cells, index) => ({ row: index + 2, cells: cells.map((c) => restoreFormula(c).trim()) }))
    .filter(({ cells }) => cells.some((c) => c !== ''));
  if (rows.length > options.maxRows) {
    return {
      contacts: [],
      errors: [
        whole(`The file has ${rows.length} contact rows; an import takes at most ${options.maxRows}.`),
      ],
      rowCount: rows.length,
      delimiter: delimiterName[delimiter] ?? delimiter,
    };
  }

  const contacts: { row: number; values: ContactValues }[] = [];
  for (const { row, cells } of rows) {
    const values: ContactValues = { name: '', email: '', jobTitle: '', role: '', countries: [], states: [] };
    let rowOk = true;
    cells.forEach((cell, i) => {
      const column = columns[i];
      if (!column?.field) {
        if (cell !== '') {
          rowOk = false;
          errors.push({
            row,
            column: column?.name || `column ${i + 1}`,
            value: cell,
            message: column
              ? 'This column has no header, so its value cannot be placed.'
              : `The row has ${cells.length} cells but the header has ${columns.length}: a value with the separator in it must be in quotes.`,
          });
        }
        return;
      }
      if (column.field === 'countries' || column.field === 'states') values[column.field] = splitList(cell);
      else if (column.field === 'role') values.role = roleId(cell, taxonomy);
      else values[column.field] = cell;
    });
    const normalised = normaliseContact(values);
    for (const problem of findContactProblems(normalised, taxonomy)) {
      rowOk = false;
      errors.push({
        row,
        column: seenFields.get(problem.field) ?? problem.field,
        value:
          problem.field === 'role'
            ? (cells[columns.findIndex((c) => c.field === 'role')] ?? problem.value)
            : problem.value,
        message: problem.message,
        ...(problem.allowed && { allowed: problem.allowed }),
      });
    }
    if (rowOk) contacts.push({ row, values: normalised });
  }
  for (const { index, firstIndex } of findDuplicateContacts(contacts.map((c) => c.values))) {
    const duplicate = contacts[index];
    const first = contacts[firstIndex];
    if (!duplicate || !first) continue;
    errors.push({
      row: duplicate.row,
      column: seenFields.get('email') ?? 'Email',
      value: duplicate.values.email,
      message: `The same email with the same role is already on row ${first.row}.`,
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { contacts, errors, rowCount: rows.length, delimiter: delimiterName[delimiter] ?? delimiter };
}
