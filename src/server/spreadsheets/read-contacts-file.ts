import type { ImportError, ImportWarning } from '../../domain/contacts/contact-schema.js';
import { decodeText } from '../../domain/contacts/csv/decode-text.js';
import {
  sniffImportContainer,
  unreadableFormatProblem,
  zipKindOf,
} from '../../domain/contacts/csv/import-file-kind.js';
import { fileError, importErrorOf } from '../../domain/contacts/csv/import-problem.js';
import { lossyRowsText } from '../../domain/contacts/csv/lossy-save.js';
import { parseContactsCsv } from '../../domain/contacts/csv/parse-contacts-csv.js';
import type { ParsedContacts } from '../../domain/contacts/csv/read-contact-rows.js';
import { englishText, problem } from '../../domain/messages/problem.js';
import type { Taxonomy } from '../../domain/reference/taxonomy.js';
import { inspectZip } from './inspect-zip.js';
import { readContactsXlsx } from './read-contacts-xlsx.js';

const MiB = 1024 * 1024;

export interface ContactsFileLimits {
  maxRows: number;
  /** The most bytes a workbook may unpack to (its zip entries together). */
  maxUnpackedBytes: number;
}

/** What an import read from a file, with what the report says of how it was read. */
export interface ContactsFileRead extends ParsedContacts {
  format: 'csv' | 'xlsx';
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  warnings: ImportWarning[];
  /** The file could not be read as CSV or as a workbook at all: its one error says why. */
  unreadable?: true;
}

// A workbook of contacts has a few dozen entries; thousands are no spreadsheet this import reads.
const MAX_ZIP_ENTRIES = 1000;

const refused = (format: 'csv' | 'xlsx', error: ImportError): ContactsFileRead => ({
  format,
  contacts: [],
  errors: [error],
  rowCount: 0,
  warnings: [],
  unreadable: true,
});

/**
 * Reads a contacts file as its content says it is, whatever its name or declared type: an .xlsx workbook (a zip
 * archive with xl/workbook.xml), else text as CSV. A file it cannot read (.xls, .ods, Numbers, another zip)
 * is one problem that says what the file is and what to save it as.
 */
export async function readContactsFile(
  bytes: Uint8Array,
  taxonomy: Taxonomy,
  limits: ContactsFileLimits,
): Promise<ContactsFileRead> {
  const container = sniffImportContainer(bytes);
  if (container === 'ole2') return refused('csv', fileError(unreadableFormatProblem.ole2));
  if (container === 'zip') {
    const inspected = await inspectZip(bytes, {
      maxUnpackedBytes: limits.maxUnpackedBytes,
      maxEntries: MAX_ZIP_ENTRIES,
    });
    if (!inspected.ok) {
      return refused(
        'xlsx',
        inspected.reason === 'tooLarge'
          ? fileError('csv.workbookTooLarge', { max: Math.floor(limits.maxUnpackedBytes / MiB) })
          : fileError('csv.workbookBroken'),
      );
    }
    const kind = zipKindOf(inspected.entryNames);
    if (kind !== 'xlsx') return refused('xlsx', fileError(unreadableFormatProblem[kind]));
    const parsed = await readContactsXlsx(bytes, taxonomy, { maxRows: limits.maxRows });
    // No sheet read (exceljs could not, or there is none): the one error says why.
    const [whyNot] = parsed.errors;
    if (parsed.sheet === undefined && whyNot) return refused('xlsx', whyNot);
    return { ...parsed, format: 'xlsx', warnings: lossyWarnings(parsed.lossyRows) };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return refused('csv', importErrorOf({ row: 1, column: '', value: '' }, decoded.text));
  const parsed = parseContactsCsv(decoded.text, taxonomy, {
    maxRows: limits.maxRows,
    // A file saved as Unicode (a byte order mark) kept every letter: a ? in it was typed.
    questionMarksMayBeLossy: decoded.encoding === 'windows-1252' || decoded.encoding === 'utf-8',
  });
  return {
    ...parsed,
    format: 'csv',
    encoding: decoded.encoding,
    warnings: lossyWarnings(parsed.lossyRows),
  };
}

function lossyWarnings(rows: readonly number[] | undefined): ImportWarning[] {
  if (!rows || rows.length === 0) return [];
  const text = problem('csv.lossySave', { count: rows.length, rows: lossyRowsText(rows) });
  return [{ rows: [...rows], message: englishText(text), key: text.key, params: text.params }];
}
