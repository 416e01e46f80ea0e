import Papa from 'papaparse';
import type { Taxonomy } from '../../reference/taxonomy.js';
import { isStorableText, showUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../../text/storable-text.js';
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

/**
 * The header row and the line end the file uses, read from the first line only: the line ends at the first
 * CR or LF outside quotes. Telling Papa the line end spares it guessing one by scanning up to 1 MiB of the
 * file, which it would do for every parse. A CRLF or LF first line decides the whole file, as Papa's guess
 * does for any file whose lines all end alike.
 */
function firstLine(text: string): { header: string; newline?: '\r\n' | '\n' | '\r' } {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) quoted = !quoted;
    else if (!quoted && (ch === 13 /* CR */ || ch === 10) /* LF */) {
      const newline = ch === 10 ? '\n' : text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
      return { header: text.slice(0, i), newline };
    }
  }
  // One line, or a quote that never closes: Papa guesses, and reports the quote.
  return { header: text };
}

function headerOf(header: string, delimiter: string): string[] {
  return Papa.parse<string[]>(header, { delimiter, newline: '\n', preview: 1 }).data[0] ?? [];
}

/** Picks the separator under which the header row names the most known columns; a tie is an error. */
function detectDelimiter(header: string): { delimiter: string } | { error: ImportError } {
  const scored = DELIMITERS.map((d) => ({
    d,
    known: headerOf(header, d).filter((h) => fieldForHeader(h)).length,
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

const LIST_SEPARATOR = /[\s,;]+/;

function splitList(cell: string): string[] {
  if (cell === '') return [];
  const parts = cell.split(LIST_SEPARATOR);
  return parts[0] === '' || parts[parts.length - 1] === '' ? parts.filter((part) => part !== '') : parts;
}

const cellText = (cell: string) => restoreFormula(cell).trim();

const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

// Role ids by squashed id and label, once per taxonomy; the first role that matches wins, as it always did.
const roleLookups = new WeakMap<Taxonomy, Map<string, string>>();
function roleLookup(taxonomy: Taxonomy): Map<string, string> {
  let lookup = roleLookups.get(taxonomy);
  if (!lookup) {
    lookup = new Map();
    for (const role of taxonomy.contactRoles) {
      for (const key of [squash(role.id), squash(role.label)]) if (!lookup.has(key)) lookup.set(key, role.id);
    }
    roleLookups.set(taxonomy, lookup);
  }
  return lookup;
}

/** A role cell as a role id: the taxonomy's label or id, in any case and spacing (else the cell as it is). */
function roleReader(taxonomy: Taxonomy): (cell: string) => string {
  const lookup = roleLookup(taxonomy);
  const seen = new Map<string, string>(); // a file repeats a handful of spellings thousands of times
  return (cell) => {
    let id = seen.get(cell);
    if (id === undefined) {
      id = lookup.get(squash(cell)) ?? cell.trim();
      seen.set(cell, id);
    }
    return id;
  };
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
  const { header: headerLine, newline } = firstLine(text);
  const detected = detectDelimiter(headerLine);
  if ('error' in detected) return { contacts: [], errors: [detected.error], rowCount: 0 };
  const { delimiter } = detected;
  const parsed = Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    ...(newline && { newline }),
  });
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

  const header = parsed.data[0] ?? [];
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

  // One pass: blank rows are skipped and not counted; past maxRows only the counting goes on.
  const fieldOf = columns.map((c) => c.field);
  const roleColumn = fieldOf.indexOf('role');
  const readRole = roleReader(taxonomy);
  const contacts: { row: number; values: ContactValues }[] = [];
  const cells: string[] = []; // reused row after row: the values are copied out of it
  let rowCount = 0;
  for (let r = 1; r < parsed.data.length; r++) {
    const raw = parsed.data[r] as string[];
    let blank = true;
    cells.length = raw.length;
    for (let i = 0; i < raw.length; i++) {
      const cell = cellText(raw[i] as string);
      cells[i] = cell;
      if (cell !== '') blank = false;
    }
    if (blank) continue;
    rowCount++;
    if (rowCount > options.maxRows) continue;
    const row = r + 1;
    const values: ContactValues = { name: '', email: '', jobTitle: '', role: '', countries: [], states: [] };
    let rowOk = true;
    for (let i = 0; i < cells.length; i++) {
      let cell = cells[i] as string;
      const field = fieldOf[i];
      if (!isStorableText(cell)) {
        // Reported here; the rest of the row is still judged, with the character shown as U+FFFD.
        rowOk = false;
        cell = showUnstorableText(cell);
        errors.push({
          row,
          column: columns[i]?.name || `column ${i + 1}`,
          value: cell,
          message: `The cell ${UNSTORABLE_TEXT_MESSAGE}.`,
        });
      }
      if (field === undefined) {
        if (cell !== '') {
          rowOk = false;
          const column = columns[i];
          errors.push({
            row,
            column: column?.name || `column ${i + 1}`,
            value: cell,
            message: column
              ? 'This column has no header, so its value cannot be placed.'
              : `The row has ${cells.length} cells but the header has ${columns.length}: a value with the separator in it must be in quotes.`,
          });
        }
      } else if (field === 'countries' || field === 'states') values[field] = splitList(cell);
      else if (field === 'role') values.role = readRole(cell);
      else values[field] = cell;
    }
    const normalised = normaliseContact(values);
    for (const problem of findContactProblems(normalised, taxonomy)) {
      rowOk = false;
      errors.push({
        row,
        column: seenFields.get(problem.field) ?? problem.field,
        value: problem.field === 'role' ? (cells[roleColumn] ?? problem.value) : problem.value,
        message: problem.message,
        ...(problem.allowed && { allowed: problem.allowed }),
      });
    }
    if (rowOk) contacts.push({ row, values: normalised });
  }
  if (rowCount > options.maxRows) {
    return {
      contacts: [],
      errors: [whole(`The file has ${rowCount} contact rows; an import takes at most ${options.maxRows}.`)],
      rowCount,
      delimiter: delimiterName[delimiter] ?? delimiter,
    };
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
  return { contacts, errors, rowCount, delimiter: delimiterName[delimiter] ?? delimiter };
}
