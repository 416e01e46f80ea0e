import ExcelJS from 'exceljs';
import type { ContactValues } from '../../domain/contacts/contact-rules.js';
import { contactCellWriter } from '../../domain/contacts/csv/contact-cells.js';
import { contactsGuide } from '../../domain/contacts/spreadsheet/contacts-guide.js';
import type { Taxonomy } from '../../domain/reference/taxonomy.js';
import type { Locale } from '../../domain/schemas/messages.js';
import { addContactsSheet, addListsSheet } from './contacts-sheet.js';
import { addGuideSheet } from './guide-sheet.js';

export interface ContactsWorkbookOptions {
  taxonomy: Taxonomy;
  /** The reader's language: the Guide sheet and the drop-downs' messages are in it; the column names are not. */
  locale: Locale;
  /** How many rows below the header get the drop-down lists: as many as an import takes. */
  validatedRows: number;
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'cosell';
  // The Contacts sheet opens first, and is the one a converter (LibreOffice's CSV filter) takes.
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' },
  ];
  return workbook;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The offer's contacts as an .xlsx workbook: the same columns and cells as the CSV export. */
export async function writeContactsXlsx(
  contacts: readonly ContactValues[],
  options: ContactsWorkbookOptions,
): Promise<Buffer> {
  const workbook = newWorkbook();
  const cellsOf = contactCellWriter(options.taxonomy);
  addContactsSheet(workbook, contacts.map(cellsOf), {
    ...options,
    guide: contactsGuide(options.locale, options.taxonomy),
  });
  addListsSheet(workbook, options.taxonomy);
  return bytesOf(workbook);
}

/** The .xlsx template: the Contacts sheet with its header row and drop-downs, and the Guide sheet. */
export async function writeContactsTemplateXlsx(options: ContactsWorkbookOptions): Promise<Buffer> {
  const workbook = newWorkbook();
  const guide = contactsGuide(options.locale, options.taxonomy);
  addContactsSheet(workbook, [], { ...options, guide });
  addGuideSheet(workbook, guide);
  addListsSheet(workbook, options.taxonomy);
  return bytesOf(workbook);
}
