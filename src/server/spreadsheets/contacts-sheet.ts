import type ExcelJS from 'exceljs';
import type { ContactField } from '../../domain/contacts/contact-rules.js';
import { contactColumns } from '../../domain/contacts/csv/contact-columns.js';
import type { ContactsGuide } from '../../domain/contacts/spreadsheet/contacts-guide.js';
import { CONTACTS_SHEET, LISTS_SHEET } from '../../domain/contacts/spreadsheet/contacts-guide.js';
import { ALL_COUNTRIES_CODE, countries, states, type Taxonomy } from '../../domain/reference/taxonomy.js';

/** Widths in characters: wide enough for a typical value, so nothing needs widening before typing. */
const widths: Record<ContactField, number> = {
  name: 28,
  email: 34,
  jobTitle: 30,
  role: 32,
  countries: 20,
  states: 20,
};

/**
 * exceljs keeps a sheet's validations by range (one `<dataValidation sqref="D2:D10001">` in the file), but its
 * typings name only the per-cell `cell.dataValidation`, which would make ten thousand empty cells.
 */
type WithRangeValidations = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

/** What each drop-down offers, in the columns of the hidden Lists sheet: a heading, then one value a row. */
function dropDownLists(taxonomy: Taxonomy) {
  const values: Record<'role' | 'countries' | 'states', string[]> = {
    role: taxonomy.contactRoles.map((r) => r.label),
    countries: [ALL_COUNTRIES_CODE, ...countries.map((c) => c.code)],
    states: states.map((s) => s.code),
  };
  return (Object.keys(values) as (keyof typeof values)[]).map((field, index) => {
    const letter = String.fromCharCode(65 + index);
    return {
      field,
      values: [contactColumns.find((c) => c.field === field)?.header ?? field, ...values[field]],
      range: `${LISTS_SHEET}!$${letter}$2:$${letter}$${values[field].length + 1}`,
    };
  });
}

/** The hidden Lists sheet the drop-downs point into; added after the sheets a person reads. */
export function addListsSheet(workbook: ExcelJS.Workbook, taxonomy: Taxonomy) {
  const sheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  dropDownLists(taxonomy).forEach((list, index) => {
    sheet.getColumn(index + 1).values = list.values;
  });
  return sheet;
}

/**
 * The Contacts sheet, first in the workbook: the header row frozen and bold, every cell formatted as text
 * (so "+46 8 …" or "0012" stay as typed), the rows as plain strings (a cell starting with = is text, never a
 * formula), and drop-down lists on `validatedRows` rows below the header: Role only from the list, the
 * code columns offering the list but taking several codes typed with commas. The lists themselves are on
 * the Lists sheet (addListsSheet), which a workbook with this sheet must have.
 */
export function addContactsSheet(
  workbook: ExcelJS.Workbook,
  rows: readonly (readonly string[])[],
  { taxonomy, guide, validatedRows }: { taxonomy: Taxonomy; guide: ContactsGuide; validatedRows: number },
) {
  const sheet = workbook.addWorksheet(CONTACTS_SHEET, {
    views: [{ state: 'frozen', ySplit: 1 }],
  }) as WithRangeValidations;
  sheet.columns = contactColumns.map(({ field, header }) => ({
    header,
    key: field,
    width: widths[field],
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  // An empty value leaves the cell empty rather than holding an empty string.
  for (const cells of rows) sheet.addRow(cells.map((cell) => (cell === '' ? null : cell)));

  const ranges = Object.fromEntries(dropDownLists(taxonomy).map((list) => [list.field, list.range]));
  const cellsOf = (field: ContactField) => {
    const letter = sheet.getColumn(field).letter;
    return `${letter}2:${letter}${validatedRows + 1}`;
  };
  const { validation } = guide;
  sheet.dataValidations.add(cellsOf('role'), {
    type: 'list',
    allowBlank: true,
    formulae: [ranges.role],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: validation.roleTitle,
    error: validation.roleError,
  });
  for (const field of ['countries', 'states'] as const) {
    sheet.dataValidations.add(cellsOf(field), {
      type: 'list',
      allowBlank: true,
      formulae: [ranges[field]],
      // Several codes in one cell ("SE, NO") are not in the list: offer it, refuse nothing.
      showErrorMessage: false,
      showInputMessage: true,
      prompt: field === 'countries' ? validation.countriesPrompt : validation.statesPrompt,
    });
  }
  return sheet;
}
