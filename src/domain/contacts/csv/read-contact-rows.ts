import { problem } from '../../messages/problem.js';
import type { Taxonomy } from '../../reference/taxonomy.js';
import type { Message } from '../../schemas/messages.js';
import { isStorableText, showUnstorableText } from '../../text/storable-text.js';
import {
  type ContactField,
  type ContactValues,
  findContactProblems,
  findDuplicateContacts,
  normaliseContact,
} from '../contact-rules.js';
import type { ImportError } from '../contact-schema.js';
import { contactColumns, fieldForHeader } from './contact-columns.js';
import { fileError, importError, importErrorOf } from './import-problem.js';
import { lossySaveSigns } from './lossy-save.js';

/** A data row of a contacts file: its spreadsheet row number, its cells, and problems found reading them. */
export interface ContactTableRow {
  row: number;
  cells: readonly string[];
  /** Cells the file format could not give a value for (a workbook's formula without a result, say). */
  cellProblems?: readonly { index: number; text: Message }[];
}

export interface ReadContactRowsOptions {
  maxRows: number;
  /** A raw cell as its text; trimmed by default. */
  cellText?: (raw: string) => string;
  /** What is wrong with a value right of the header's last column, given the row's and the header's width. */
  beyondHeader: (cells: number, columns: number) => Message;
  /** Adds what the format knows of a problem's place, such as a workbook's sheet and cell reference. */
  locate?: (error: ImportError, columnIndex: number | undefined) => ImportError;
  /** Whether a `?` inside a name may stand for a letter that a lossy save replaced (not for Unicode files). */
  questionMarksMayBeLossy: boolean;
}

export interface ParsedContacts {
  /** Contacts in file order, with the spreadsheet row each came from. */
  contacts: { row: number; values: ContactValues }[];
  errors: ImportError[];
  /** Data rows read (blank rows not counted). */
  rowCount: number;
  /** Rows whose text shows signs of a lossy save (a warning, not an error); absent when there is none. */
  lossyRows?: number[];
}

const requiredFields: ContactField[] = ['name', 'email', 'jobTitle', 'role', 'countries'];
const expectedHeaders = () => contactColumns.map((c) => c.header).join(', ');
const LIST_SEPARATOR = /[\s,;]+/;

function splitList(cell: string): string[] {
  if (cell === '') return [];
  const parts = cell.split(LIST_SEPARATOR);
  return parts[0] === '' || parts[parts.length - 1] === '' ? parts.filter((part) => part !== '') : parts;
}

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
 * Reads a contacts table, whatever file it came from (CSV, a workbook's sheet): headers in any order and
 * case, multi-value cells separated by commas, semicolons or spaces. Every problem is reported with its
 * spreadsheet row, column and value, and a message key; the caller changes nothing unless `errors` is empty.
 */
export function readContactRows(
  header: readonly string[],
  rows: Iterable<ContactTableRow>,
  taxonomy: Taxonomy,
  options: ReadContactRowsOptions,
): ParsedContacts {
  const locate = options.locate ?? ((error: ImportError) => error);
  const toText = options.cellText ?? ((raw: string) => raw.trim());
  const errors: ImportError[] = [];
  const columns = header.map((name) => ({
    name: name.replace(/^\uFEFF/, '').trim(),
    field: fieldForHeader(name),
  }));
  const columnIndex = new Map<string, number>();
  const seenFields = new Map<ContactField, string>();
  columns.forEach(({ name, field }, index) => {
    if (name === '') return;
    const place = { row: 1, column: name, value: name };
    if (!field) {
      const allowed = problem('contacts.allowed.columns', { columns: expectedHeaders() });
      errors.push(locate(importError(place, 'csv.unknownColumn', { column: name }, allowed), index));
    } else if (seenFields.has(field)) {
      const first = seenFields.get(field) ?? '';
      errors.push(locate(importError(place, 'csv.repeatedColumn', { column: name, first }), index));
    } else {
      seenFields.set(field, name);
      columnIndex.set(name, index);
    }
  });
  for (const field of requiredFields) {
    if (!seenFields.has(field)) {
      const column = contactColumns.find((c) => c.field === field)?.header ?? field;
      errors.push(locate({ ...fileError('csv.missingColumn', { column }), column }, undefined));
    }
  }
  if (errors.length > 0) return { contacts: [], errors, rowCount: 0 };

  // One pass: blank rows are skipped and not counted; past maxRows only the counting goes on.
  const fieldOf = columns.map((c) => c.field);
  const roleColumn = fieldOf.indexOf('role');
  const lossyColumns = new Set(['name', 'jobTitle'].map((f) => fieldOf.indexOf(f as ContactField)));
  const readRole = roleReader(taxonomy);
  const contacts: { row: number; values: ContactValues }[] = [];
  const lossyRows: number[] = [];
  const cells: string[] = []; // reused row after row: the values are copied out of it
  let rowCount = 0;
  for (const { row, cells: raw, cellProblems } of rows) {
    let blank = true;
    cells.length = raw.length;
    for (let i = 0; i < raw.length; i++) {
      const cell = toText(raw[i] as string);
      cells[i] = cell;
      if (cell !== '') blank = false;
    }
    if (blank && !cellProblems?.length) continue;
    rowCount++;
    if (rowCount > options.maxRows) continue;
    const columnName = (i: number) => columns[i]?.name || `column ${i + 1}`;
    const values: ContactValues = { name: '', email: '', jobTitle: '', role: '', countries: [], states: [] };
    let rowOk = true;
    let lossy = false;
    for (const { index, text } of cellProblems ?? []) {
      rowOk = false;
      errors.push(locate(importErrorOf({ row, column: columnName(index), value: '' }, text), index));
    }
    for (let i = 0; i < cells.length; i++) {
      let cell = cells[i] as string;
      const field = fieldOf[i];
      if (!lossy) lossy = lossySaveSigns(cell, options.questionMarksMayBeLossy && lossyColumns.has(i));
      if (!isStorableText(cell)) {
        // Reported here; the rest of the row is still judged, with the character shown as U+FFFD.
        rowOk = false;
        cell = showUnstorableText(cell);
        errors.push(
          locate(importError({ row, column: columnName(i), value: cell }, 'csv.unstorableCell'), i),
        );
      }
      if (field === undefined) {
        if (cell !== '') {
          rowOk = false;
          const text = columns[i]
            ? problem('csv.noHeader')
            : options.beyondHeader(cells.length, columns.length);
          errors.push(locate(importErrorOf({ row, column: columnName(i), value: cell }, text), i));
        }
      } else if (field === 'countries' || field === 'states') values[field] = splitList(cell);
      else if (field === 'role') values.role = readRole(cell);
      else values[field] = cell;
    }
    if (lossy) lossyRows.push(row);
    const normalised = normaliseContact(values);
    for (const found of findContactProblems(normalised, taxonomy)) {
      rowOk = false;
      const column = seenFields.get(found.field) ?? found.field;
      const value = found.field === 'role' ? (cells[roleColumn] ?? found.value) : found.value;
      errors.push(
        locate(importErrorOf({ row, column, value }, found.text, found.allowedText), columnIndex.get(column)),
      );
    }
    if (rowOk) contacts.push({ row, values: normalised });
  }
  if (rowCount > options.maxRows) {
    const tooMany = fileError('csv.tooManyRows', { rows: rowCount, max: options.maxRows });
    return { contacts: [], errors: [locate(tooMany, undefined)], rowCount };
  }

  for (const { index, firstIndex } of findDuplicateContacts(contacts.map((c) => c.values))) {
    const duplicate = contacts[index];
    const first = contacts[firstIndex];
    if (!duplicate || !first) continue;
    const column = seenFields.get('email') ?? 'Email';
    const place = { row: duplicate.row, column, value: duplicate.values.email };
    errors.push(
      locate(importError(place, 'csv.sameEmailAndRole', { row: first.row }), columnIndex.get(column)),
    );
  }
  errors.sort((a, b) => a.row - b.row);
  return { contacts, errors, rowCount, ...(lossyRows.length > 0 && { lossyRows }) };
}
