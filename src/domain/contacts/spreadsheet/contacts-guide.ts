import { interpolate } from '../../messages/format-message.js';
import { ALL_COUNTRIES_CODE, type Taxonomy } from '../../reference/taxonomy.js';
import type { Locale } from '../../schemas/messages.js';
import type { ContactField } from '../contact-rules.js';
import { contactCellWriter } from '../csv/contact-cells.js';
import { contactColumns } from '../csv/contact-columns.js';
import { type ContactsGuideText, contactsGuideEn } from './contacts-guide-en.js';
import { contactsGuideSv } from './contacts-guide-sv.js';

/** The sheet the import reads and the export writes; first in the workbook, named alike in every language. */
export const CONTACTS_SHEET = 'Contacts';
/** The hidden sheet the drop-down lists point into. */
export const LISTS_SHEET = 'Lists';

const guides: Readonly<Record<Locale, ContactsGuideText>> = { en: contactsGuideEn, sv: contactsGuideSv };

/** The one column a contact may leave empty; the import requires the others. */
const optionalFields: readonly ContactField[] = ['states'];

/** What the Guide sheet says, ready to lay out: every placeholder filled, the tables as rows of cells. */
export interface ContactsGuide {
  sheetName: string;
  title: string;
  intro: readonly string[];
  columnsHeading: string;
  /** A header row, then one row per column of the Contacts sheet: its name, whether it is needed, what to write. */
  columns: readonly (readonly string[])[];
  /** Headings with a paragraph each: OOO, then the XX-XX state codes. */
  sections: readonly { heading: string; text: string }[];
  exampleHeading: string;
  exampleNote: string;
  /** The Contacts sheet's header row, then the example contacts as the export writes them. */
  example: readonly (readonly string[])[];
  listsNote: string;
  /** What the drop-down lists of the Contacts sheet say: the role's refusal, the prompts of the code columns. */
  validation: { roleTitle: string; roleError: string; countriesPrompt: string; statesPrompt: string };
}

/** The Guide sheet of the contacts template in a language, filled from the taxonomy's roles. */
export function contactsGuide(locale: Locale, taxonomy: Taxonomy): ContactsGuide {
  const text = guides[locale];
  const params = {
    all: ALL_COUNTRIES_CODE,
    roles: taxonomy.contactRoles.map((r) => r.label).join(', '),
  };
  const fill = (template: string) => interpolate(template, params);
  const cellsOf = contactCellWriter(taxonomy);
  return {
    sheetName: text.sheetName,
    title: text.title,
    intro: text.intro.map(fill),
    columnsHeading: text.columnsHeading,
    columns: [
      [text.columnHeader, text.neededHeader, text.meaningHeader],
      ...contactColumns.map(({ field, header }) => [
        header,
        optionalFields.includes(field) ? text.optional : text.required,
        fill(text.columns[field]),
      ]),
    ],
    sections: [
      { heading: fill(text.allCountriesHeading), text: fill(text.allCountries) },
      { heading: fill(text.statesHeading), text: fill(text.states) },
    ],
    exampleHeading: text.exampleHeading,
    exampleNote: text.exampleNote,
    example: [contactColumns.map((c) => c.header), ...text.example.map(cellsOf)],
    listsNote: text.listsNote,
    validation: {
      roleTitle: text.validation.roleTitle,
      roleError: fill(text.validation.roleError),
      countriesPrompt: fill(text.validation.countriesPrompt),
      statesPrompt: fill(text.validation.statesPrompt),
    },
  };
}

/** The example contacts of the guide in a language, as values (role ids), for tests to compare with. */
export function guideExampleContacts(locale: Locale) {
  return guides[locale].example;
}
