import type ExcelJS from 'exceljs';
import type { ContactsGuide } from '../../domain/contacts/spreadsheet/contacts-guide.js';

/** The Guide sheet: what each column of the Contacts sheet takes, OOO, the XX-XX codes and example rows. */
export function addGuideSheet(workbook: ExcelJS.Workbook, guide: ContactsGuide) {
  const sheet = workbook.addWorksheet(guide.sheetName);
  sheet.columns = [{ width: 22 }, { width: 30 }, { width: 70 }, { width: 30 }, { width: 16 }, { width: 16 }];
  const heading = (text: string, size = 12) => {
    sheet.addRow([]);
    sheet.addRow([text]).font = { bold: true, size };
  };
  const table = (rows: readonly (readonly string[])[]) => {
    rows.forEach((cells, index) => {
      const row = sheet.addRow(cells.map((cell) => (cell === '' ? null : cell)));
      row.alignment = { vertical: 'top', wrapText: true };
      if (index === 0) row.font = { bold: true };
    });
  };

  sheet.addRow([guide.title]).font = { bold: true, size: 14 };
  for (const line of guide.intro) sheet.addRow([line]);
  heading(guide.columnsHeading);
  table(guide.columns);
  for (const section of guide.sections) {
    heading(section.heading);
    sheet.addRow([section.text]);
  }
  heading(guide.exampleHeading);
  sheet.addRow([guide.exampleNote]);
  table(guide.example);
  sheet.addRow([]);
  sheet.addRow([guide.listsNote]);
  return sheet;
}
