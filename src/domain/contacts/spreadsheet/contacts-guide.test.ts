import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { getTaxonomy } from '../../reference/taxonomy.js';
import { localeIds } from '../../schemas/messages.js';
import { contactColumns } from '../csv/contact-columns.js';
import { parseContactsCsv } from '../csv/parse-contacts-csv.js';
import { contactsGuide, guideExampleContacts } from './contacts-guide.js';

const taxonomy = getTaxonomy();

describe.each(localeIds)('the contacts guide in %s', (locale) => {
  const guide = contactsGuide(locale, taxonomy);

  it('has example rows the import takes without a problem, giving the example contacts', () => {
    const parsed = parseContactsCsv(Papa.unparse(guide.example.map((row) => [...row])), taxonomy, {
      maxRows: 10,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.contacts.map((c) => c.values)).toEqual(guideExampleContacts(locale));
    // One example is a global contact with states: the two things the guide explains.
    expect(guideExampleContacts(locale).some((c) => c.countries.includes('OOO') && c.states.length > 0)).toBe(
      true,
    );
  });

  it('explains every column of the file by its name, states alone optional, every placeholder filled', () => {
    expect(guide.columns.slice(1).map((row) => row[0])).toEqual(contactColumns.map((c) => c.header));
    const needed = new Set(guide.columns.slice(1).map((row) => row[1]));
    expect(needed.size).toBe(2);
    expect(guide.columns.filter((row) => row[1] === guide.columns[6]?.[1]).map((row) => row[0])).toEqual([
      'States/Provinces',
    ]);
    const everything = JSON.stringify(guide);
    expect(everything).not.toContain('{{');
    expect(guide.columns.find((row) => row[0] === 'Role')?.[2]).toContain(
      taxonomy.contactRoles.map((r) => r.label).join(', '),
    );
    expect(guide.sections.map((s) => s.heading)).toEqual([
      expect.stringMatching(/^OOO: /),
      expect.stringMatching(/^XX-XX: /),
    ]);
  });
});
