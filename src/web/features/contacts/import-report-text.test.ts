import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { parseContactsCsv } from '../../../domain/contacts/csv/parse-contacts-csv.js';
import { getTaxonomy } from '../../../domain/reference/taxonomy.js';
import { en } from '../../i18n/en.js';
import { loadProblemWords } from '../../i18n/index.js';
import { i18nMessageWords } from '../../i18n/message-words.js';
import { problemText } from '../../i18n/render-problem.js';
import { sv } from '../../i18n/sv.js';
import { type ContactProblemText, importAllowedText, importProblemText } from './import-report-text.js';

/** What the app's useProblemText says, for a reader of `language`, with the problems branch loaded. */
async function sayIn(language: 'en' | 'sv') {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { translation: en }, sv: { translation: sv } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  await loadProblemWords(i18n);
  const words = i18nMessageWords(i18n);
  return (p: Parameters<typeof problemText>[0]) => problemText(p, words);
}

const csv = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
const report = (lines: string[]) => parseContactsCsv(csv(lines), getTaxonomy(), { maxRows: 100 }).errors;
const header = 'Name,Email,Job title,Role,Countries/Regions';
/** The contact form's words, recorded: the contact rules' problems go there, with their key. */
const contactWords: ContactProblemText = (_field, _message, _value, text) => `form words for ${text?.key}`;

describe('an import report in the reader’s language, from its message keys', () => {
  it('says whole-file and column problems from the catalogue, in Swedish and English', async () => {
    const errors = report(['Namn,E-post', 'Åsa,asa@x.se']);
    expect(errors).toHaveLength(1);
    const [notHeader] = errors;
    if (!notHeader) throw new Error('no problem reported');
    expect(importProblemText(notHeader, contactWords, await sayIn('sv'))).toBe(
      'Första raden är ingen rubrikrad som importen känner till.',
    );
    expect(importAllowedText(notHeader, await sayIn('sv'))).toBe(
      'en rubrikrad med Name, Email, Job title, Role, Countries/Regions, States/Provinces',
    );
    expect(importProblemText(notHeader, contactWords, await sayIn('en'))).toBe(notHeader.message);

    const [unknown] = report([`${header},Phone`, 'Åsa,asa@x.se,Chef,Partner sales,SE,123']);
    if (!unknown) throw new Error('no problem reported');
    expect(importProblemText(unknown, contactWords, await sayIn('sv'))).toBe(
      '"Phone" är ingen kolumn som importen känner till.',
    );
  });

  it('says what a cell may hold in Swedish, such as an address like namn@example.com', async () => {
    const [email] = report([header, 'Åsa,asa.example,Chef,Partner sales,SE']);
    if (!email) throw new Error('no problem reported');
    expect(importAllowedText(email, await sayIn('sv'))).toBe('en adress som namn@example.com');
    expect(importAllowedText(email, await sayIn('en'))).toBe('an address such as name@example.com');
    // The problem itself is a contact rule: said in the contact form's words, by its key.
    expect(importProblemText(email, contactWords, await sayIn('sv'))).toBe(
      'form words for problems.contacts.emailInvalid',
    );
  });

  it('says the same email and role twice with the row, in Swedish', async () => {
    const row = 'Åsa,asa@x.se,Chef,Partner sales,SE';
    const [twice] = report([header, row, row]);
    if (!twice) throw new Error('no problem reported');
    expect(importProblemText(twice, contactWords, await sayIn('sv'))).toBe(
      'Samma e-postadress med samma roll finns redan på rad 2.',
    );
  });
});
