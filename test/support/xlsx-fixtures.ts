/**
 * Contacts workbooks (.xlsx) and other archives built in the tests themselves with exceljs and jszip: no binary
 * fixtures are checked in, and each test shows the cells it sends.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export interface FixtureSheet {
  name: string;
  /** Rows from row 1; `null` leaves a row out of the file entirely (a blank row). */
  rows: readonly (readonly ExcelJS.CellValue[] | null)[];
}

/** An .xlsx workbook with the sheets in the order given. */
export async function workbookFile(sheets: readonly FixtureSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, rows } of sheets) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((cells, index) => {
      if (cells) sheet.getRow(index + 1).values = [...cells];
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A workbook with one more entry of `bytes` zeros: a zip bomb when the zeros are many (they pack tightly). */
export async function paddedWorkbook(workbook: Buffer, bytes: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(workbook);
  zip.file('xl/media/padding.bin', new Uint8Array(bytes));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A zip archive of the named entries, each a few bytes: the shape of .ods, Numbers, .xlsb or any zip file. */
export async function zipOf(entryNames: readonly string[]): Promise<Buffer> {
  const zip = new JSZip();
  for (const name of entryNames) zip.file(name, `entry ${name}`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The entries LibreOffice writes for an OpenDocument spreadsheet (.ods). */
export const ODS_ENTRIES = ['mimetype', 'content.xml', 'styles.xml', 'META-INF/manifest.xml'];
/** The entries of an Apple Numbers document. */
export const NUMBERS_ENTRIES = ['Index/Document.iwa', 'Index/Metadata.iwa', 'Metadata/Properties.plist'];

/** The first bytes of an OLE2 compound file: Excel 97-2003 (.xls), or any Office file with a password. */
export function ole2File(): Buffer {
  const bytes = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  return bytes;
}
