import type { ContactField, ContactValues } from '../contact-rules.js';

/**
 * What the Guide sheet of the contacts Excel template says, in English. `{{roles}}` and `{{all}}` are
 * filled from the taxonomy; the column names themselves stay as the file has them (contact-columns.ts),
 * because the import reads those names whatever the language.
 */
export const contactsGuideEn = {
  sheetName: 'Guide',
  title: 'How to fill in the Contacts sheet',
  intro: [
    'Write one contact per row on the Contacts sheet, below the header row, and keep the header row as it is.',
    'Importing the file replaces all contacts of the offer with the contacts in it; you see what changes first.',
    'Several countries/regions or states/provinces go in one cell, separated by commas: SE, NO, DK.',
  ],
  columnsHeading: 'The columns',
  columnHeader: 'Column',
  neededHeader: 'Needed',
  meaningHeader: 'What to write',
  required: 'Required',
  optional: 'Optional',
  columns: {
    name: "The contact's full name.",
    email: 'A work email address, such as name@example.com. Each address may appear once in the file.',
    jobTitle: "The contact's job title.",
    role: 'One of: {{roles}}. Choose it from the cell’s drop-down list.',
    countries:
      'Two-letter country/region codes, such as SE or US; the drop-down list has every code. Or {{all}} alone.',
    states:
      'State/province codes of the form XX-XX, such as US-WA; leave empty when the contact covers whole countries.',
  } satisfies Record<ContactField, string>,
  allCountriesHeading: '{{all}}: all countries/regions',
  allCountries:
    'Write {{all}} alone in Countries/Regions for a global contact, who covers every country/region. {{all}} cannot be combined with other codes.',
  statesHeading: 'XX-XX: state and province codes',
  states:
    'A state or province is written as its country code, a hyphen and its own code: US-WA (Washington), CA-ON (Ontario), AU-NSW (New South Wales). Each must lie in one of the contact’s countries/regions, or the contact has {{all}}.',
  exampleHeading: 'Example rows',
  exampleNote: 'Two contacts as they would be written on the Contacts sheet:',
  validation: {
    roleTitle: 'Role',
    roleError: 'Choose one of the roles in the list.',
    countriesPrompt: 'A code from the list, several separated by commas, or {{all}} alone.',
    statesPrompt: 'Codes such as US-WA, separated by commas; may be empty.',
  },
  listsNote: 'The hidden Lists sheet holds the drop-down lists; it is not imported.',
  example: [
    {
      name: 'Åsa Öberg',
      email: 'asa.oberg@contoso.example',
      jobTitle: 'Sales director, Nordics',
      role: 'PartnerSales',
      countries: ['SE', 'NO', 'DK'],
      states: [],
    },
    {
      name: 'Jordan Lee',
      email: 'jordan.lee@contoso.example',
      jobTitle: 'Channel marketing manager',
      role: 'PartnerMarketing',
      countries: ['OOO'],
      states: ['US-WA', 'CA-ON'],
    },
  ] satisfies ContactValues[],
};

export type ContactsGuideText = typeof contactsGuideEn;
