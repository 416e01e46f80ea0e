import Papa from 'papaparse';
import { neutraliseFormula } from '../contacts/csv/spreadsheet-formula.js';
import type { AuditFormat, AuditRecord } from '../schemas/audit.js';

/** The CSV's columns: the NDJSON's field names, so both read alike. */
const columns: { header: string; value: (r: AuditRecord) => string | null }[] = [
  { header: 'at', value: (r) => r.at },
  { header: 'category', value: (r) => r.category },
  { header: 'organizationId', value: (r) => r.organizationId },
  { header: 'organizationName', value: (r) => r.organizationName },
  { header: 'subjectId', value: (r) => r.subjectId },
  { header: 'subjectName', value: (r) => r.subjectName },
  { header: 'action', value: (r) => r.action },
  { header: 'actor', value: (r) => r.actor },
  { header: 'summary', value: (r) => r.summary },
  // One cell, a line per change, as the history page lists them.
  { header: 'details', value: (r) => r.details.join('\n') },
];

const unparse = (cells: string[]) =>
  Papa.unparse([cells], {
    newline: '\r\n',
    quotes: (value: unknown) => typeof value === 'string' && /[,;"\r\n]/.test(value),
  });

/**
 * The audit export a line at a time, so it can be streamed: NDJSON (a JSON object a line) or CSV as the other
 * exports write it (UTF-8 with a BOM for Excel, CRLF, every cell a spreadsheet would run as a formula
 * neutralised, names and URLs included: anyone can name an offer "=HYPERLINK(...)").
 */
export function auditLines(format: AuditFormat) {
  if (format === 'ndjson') return { head: '', line: (record: AuditRecord) => `${JSON.stringify(record)}\n` };
  return {
    head: `\uFEFF${unparse(columns.map((c) => c.header))}\r\n`,
    line: (record: AuditRecord) =>
      `${unparse(columns.map((c) => neutraliseFormula(c.value(record) ?? '')))}\r\n`,
  };
}
