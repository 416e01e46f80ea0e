import Papa from 'papaparse';
import type { Taxonomy } from '../../reference/taxonomy.js';
import type { ContactValues } from '../contact-rules.js';
import { contactCellWriter } from './contact-cells.js';
import { contactColumns } from './contact-columns.js';
import { neutraliseFormula } from './spreadsheet-formula.js';

/**
 * Writes contacts in the template's format: the header row, role labels, multi-value cells as "US, CA",
 * UTF-8 with a BOM so Excel reads it as UTF-8, CRLF line ends, formula-like cells neutralised.
 */
export function writeContactsCsv(contacts: readonly ContactValues[], taxonomy: Taxonomy): string {
  const cellsOf = contactCellWriter(taxonomy);
  const rows = contacts.map((c) => cellsOf(c).map(neutraliseFormula));
  const body = Papa.unparse(
    { fields: contactColumns.map((c) => c.header), data: rows },
    { newline: '\r\n', quotes: (value: unknown) => typeof value === 'string' && /[,;"\r\n]/.test(value) },
  );
  // Papa leaves no line end after the last row (and an empty one when there are no rows): end every row.
  return `\uFEFF${body.replace(/(\r\n)*$/, '')}\r\n`;
}
