import type { ProblemKey } from '../../messages/problem.js';

/** What the first bytes of an import say the file is: a zip container, an OLE2 compound file, or else text. */
export type ImportContainer = 'zip' | 'ole2' | 'text';

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4: the first entry of a zip archive
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06]; // PK\5\6: the end record of an archive with no entries
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Decides by content, as document uploads do, not by name or declared type: browsers and tools label a .csv
 * and an .xlsx alike (application/vnd.ms-excel, application/octet-stream).
 */
export function sniffImportContainer(bytes: Uint8Array): ImportContainer {
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)) return 'zip';
  // Excel 97-2003 (.xls) and every password-protected Office file (an encrypted package in OLE2).
  if (startsWith(bytes, OLE2)) return 'ole2';
  return 'text';
}

/** What a zip archive holds, told by the names of its entries. */
export type ZipKind = 'xlsx' | 'xlsb' | 'ods' | 'numbers' | 'zip';

/** The kind of zip archive, from its entry names: an Office Open XML workbook is the one the import reads. */
export function zipKindOf(entryNames: readonly string[]): ZipKind {
  const names = new Set(entryNames);
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('xl/workbook.bin')) return 'xlsb';
  if (names.has('content.xml') && names.has('META-INF/manifest.xml')) return 'ods';
  if (names.has('Index/Document.iwa') || [...names].some((name) => name.endsWith('.iwa'))) return 'numbers';
  return 'zip';
}

/** What the import says of a file it cannot read: what the file is and what to save it as instead. */
export const unreadableFormatProblem: Readonly<Record<Exclude<ZipKind, 'xlsx'> | 'ole2', ProblemKey>> = {
  ole2: 'csv.formatXls',
  xlsb: 'csv.formatXlsb',
  ods: 'csv.formatOds',
  numbers: 'csv.formatNumbers',
  zip: 'csv.formatZip',
};
