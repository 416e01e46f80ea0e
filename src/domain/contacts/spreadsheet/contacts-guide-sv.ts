import type { ContactsGuideText } from './contacts-guide-en.js';

/** The Guide sheet of the contacts Excel template in Swedish: the same parts as contacts-guide-en.ts. */
export const contactsGuideSv: ContactsGuideText = {
  sheetName: 'Vägledning',
  title: 'Så fyller du i bladet Contacts',
  intro: [
    'Skriv en kontakt per rad i bladet Contacts, under rubrikraden, och låt rubrikraden vara som den är.',
    'En import av filen ersätter alla erbjudandets kontakter med kontakterna i den; du ser först vad som ändras.',
    'Flera länder/regioner eller delstater/provinser skrivs i samma cell, åtskilda med kommatecken: SE, NO, DK.',
  ],
  columnsHeading: 'Kolumnerna',
  columnHeader: 'Kolumn',
  neededHeader: 'Krävs',
  meaningHeader: 'Vad du skriver',
  required: 'Obligatorisk',
  optional: 'Valfri',
  columns: {
    name: 'Kontaktens fullständiga namn.',
    email: 'En e-postadress i tjänsten, som namn@example.com. Varje adress får förekomma en gång i filen.',
    jobTitle: 'Kontaktens befattning.',
    role: 'En av: {{roles}}. Välj den i cellens listruta; rollerna skrivs på engelska.',
    countries:
      'Koder med två bokstäver för land/region, som SE eller US; listrutan har alla koder. Eller {{all}} ensamt.',
    states:
      'Koder för delstat/provins på formen XX-XX, som US-WA; lämna tomt när kontakten täcker hela länder.',
  },
  allCountriesHeading: '{{all}}: alla länder/regioner',
  allCountries:
    'Skriv {{all}} ensamt i Countries/Regions för en global kontakt, som täcker alla länder/regioner. {{all}} kan inte kombineras med andra koder.',
  statesHeading: 'XX-XX: koder för delstater och provinser',
  states:
    'En delstat eller provins skrivs som landets kod, ett bindestreck och dess egen kod: US-WA (Washington), CA-ON (Ontario), AU-NSW (New South Wales). Den måste ligga i något av kontaktens länder/regioner, eller så har kontakten {{all}}.',
  exampleHeading: 'Exempelrader',
  exampleNote: 'Två kontakter så som de skrivs i bladet Contacts:',
  validation: {
    roleTitle: 'Roll',
    roleError: 'Välj en av rollerna i listan.',
    countriesPrompt: 'En kod ur listan, flera åtskilda med kommatecken, eller {{all}} ensamt.',
    statesPrompt: 'Koder som US-WA, åtskilda med kommatecken; får vara tomt.',
  },
  listsNote: 'Det dolda bladet Lists innehåller listrutornas värden; det importeras inte.',
  example: [
    {
      name: 'Åsa Öberg',
      email: 'asa.oberg@contoso.example',
      jobTitle: 'Försäljningschef, Norden',
      role: 'PartnerSales',
      countries: ['SE', 'NO', 'DK'],
      states: [],
    },
    {
      name: 'Jordan Lee',
      email: 'jordan.lee@contoso.example',
      jobTitle: 'Marknadschef för kanalpartner',
      role: 'PartnerMarketing',
      countries: ['OOO'],
      states: ['US-WA', 'CA-ON'],
    },
  ],
};
