import Papa from 'papaparse';
import { problem } from '../../messages/problem.js';
import type { Taxonomy } from '../../reference/taxonomy.js';
import type { ImportError } from '../contact-schema.js';
import { contactColumns, fieldForHeader } from './contact-columns.js';
import { fileError, importError } from './import-problem.js';
import { type ContactTableRow, type ParsedContacts, readContactRows } from './read-contact-rows.js';
import { restoreFormula } from './spreadsheet-formula.js';

export interface ParsedContactsCsv extends ParsedContacts {
  delimiter?: string;
}

const DELIMITERS = [',', ';', '\t'] as const;
const delimiterName: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

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
  const columns = contactColumns.map((c) => c.header).join(', ');
  if (best === 0)
    return { error: fileError('csv.notHeader', {}, problem('contacts.allowed.headerRow', { columns })) };
  const winners = scored.filter((s) => s.known === best);
  if (winners.length > 1) return { error: fileError('csv.separatorUnclear') };
  return { delimiter: winners[0]?.d ?? ',' };
}

const cellText = (cell: string) => restoreFormula(cell).trim();

/**
 * Reads a contacts CSV: comma, semicolon or tab separated (detected from the header row), headers in any
 * order and case, multi-value cells separated by commas, semicolons or spaces. Every problem in the file is
 * reported with its spreadsheet row (the header is row 1), column and value; the caller changes nothing
 * unless `errors` is empty.
 */
export function parseContactsCsv(
  text: string,
  taxonomy: Taxonomy,
  options: {
    maxRows: number;
    /** Whether a `?` in a name may be a letter lost by a legacy code page save (see lossySaveSigns). */
    questionMarksMayBeLossy?: boolean;
  },
): ParsedContactsCsv {
  if (text.trim() === '') return { contacts: [], errors: [fileError('csv.empty')], rowCount: 0 };
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
    if (e.type === 'Quotes')
      errors.push(importError({ row: (e.row ?? 0) + 1, column: '', value: '' }, 'csv.quoteNotClosed'));
  }
  const named = delimiterName[delimiter] ?? delimiter;
  if (errors.length > 0) return { contacts: [], errors, rowCount: 0, delimiter: named };
  const read = readContactRows(parsed.data[0] ?? [], dataRows(parsed.data), taxonomy, {
    maxRows: options.maxRows,
    cellText,
    beyondHeader: (cells, columns) => problem('csv.tooManyCells', { cells, columns }),
    questionMarksMayBeLossy: options.questionMarksMayBeLossy ?? false,
  });
  return { ...read, delimiter: named };
}

/** The rows after the header, numbered as a spreadsheet numbers them. */
function* dataRows(data: readonly string[][]): Generator<ContactTableRow> {
  for (let r = 1; r < data.length; r++) yield { row: r + 1, cells: data[r] as string[] };
}
