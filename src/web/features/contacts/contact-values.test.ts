import { describe, expect, it } from 'vitest';
import { findContactProblems } from '../../../domain/contacts/contact-rules.js';
import type { Contact } from '../../../domain/contacts/contact-schema.js';
import { getTaxonomy } from '../../../domain/reference/taxonomy.js';
import { classifyContactProblem } from './contact-problem-message.js';
import {
  filterContacts,
  keepStatesOf,
  sortContacts,
  statesFor,
  toContactInput,
  withStandAloneAll,
} from './contact-values.js';

const contact = (over: Partial<Contact>): Contact => ({
  id: 'con_1',
  name: 'Åsa Öberg',
  email: 'asa@contoso.example',
  jobTitle: 'Partner manager',
  role: 'PartnerSales',
  countries: ['SE'],
  states: [],
  ...over,
});

describe('choosing countries', () => {
  it('keeps All countries/regions (OOO) alone either way round', () => {
    expect(withStandAloneAll(['SE', 'OOO'], ['SE'])).toEqual(['OOO']);
    expect(withStandAloneAll(['OOO', 'NO'], ['OOO'])).toEqual(['NO']);
    expect(withStandAloneAll(['SE', 'NO'], ['SE'])).toEqual(['SE', 'NO']);
  });

  it('offers the states of the chosen countries, or all with OOO, and drops those left behind', () => {
    const states = [
      { code: 'US-WA', country: 'US' },
      { code: 'CA-ON', country: 'CA' },
    ];
    expect(statesFor(['US'], states).map((s) => s.code)).toEqual(['US-WA']);
    expect(statesFor(['OOO'], states)).toHaveLength(2);
    expect(keepStatesOf(['US-WA', 'CA-ON'], ['CA'], states)).toEqual(['CA-ON']);
  });
});

describe('the table', () => {
  const rows = [
    contact({ id: 'a', name: 'Zoë', role: 'PartnerMarketing', countries: ['US'] }),
    contact({ id: 'b', name: 'Åsa Öberg' }),
    contact({ id: 'c', name: 'Anna', countries: ['OOO'] }),
  ];

  it('filters by country code and by role', () => {
    expect(filterContacts(rows, { country: 'SE', role: '' }).map((c) => c.id)).toEqual(['b']);
    expect(filterContacts(rows, { country: 'OOO', role: '' }).map((c) => c.id)).toEqual(['c']);
    expect(filterContacts(rows, { country: '', role: 'PartnerSales' }).map((c) => c.id)).toEqual(['b', 'c']);
  });

  it('sorts by what the cell shows, in the language’s order', () => {
    const byName = (direction: 'ascending' | 'descending', locale: string) =>
      sortContacts(rows, { column: 'name', direction }, (c) => c.name, locale).map((c) => c.name);
    // Swedish puts Å after Z; English treats it as an A.
    expect(byName('ascending', 'sv')).toEqual(['Anna', 'Zoë', 'Åsa Öberg']);
    expect(byName('ascending', 'en')).toEqual(['Anna', 'Åsa Öberg', 'Zoë']);
    expect(byName('descending', 'sv')).toEqual(['Åsa Öberg', 'Zoë', 'Anna']);
  });

  it('sends a stored contact back without its id', () => {
    expect(toContactInput(contact({}))).not.toHaveProperty('id');
  });
});

describe('rule messages', () => {
  it('recognises every message the shared rules give, so each can be translated', () => {
    const taxonomy = getTaxonomy();
    const problems = [
      ...findContactProblems(
        { name: ' ', email: '', jobTitle: '', role: '', countries: [], states: ['XX-1'] },
        taxonomy,
      ),
      ...findContactProblems(
        {
          name: 'a\tb',
          email: 'not-an-email',
          jobTitle: 'x'.repeat(101),
          role: 'Boss',
          countries: ['SE', 'SE', 'ZZ'],
          states: ['US-WA', 'US-WA'],
        },
        taxonomy,
      ),
      ...findContactProblems(
        {
          name: 'A',
          email: 'a@b.se',
          jobTitle: 'B',
          role: 'PartnerSales',
          countries: ['OOO', 'SE'],
          states: [],
        },
        taxonomy,
      ),
    ];
    expect(problems.length).toBeGreaterThan(10);
    for (const problem of problems) {
      // By its key, as the form and the API's issues give it; by its words, as a CSV import's report does.
      const byKey = classifyContactProblem(problem.field, problem.text);
      expect(byKey, problem.text.key).toBeDefined();
      expect(classifyContactProblem(problem.field, problem.message)?.key, problem.message).toBe(byKey?.key);
    }
  });

  it('takes the values a key names as codes and ids, for the screen to name', () => {
    const [outside] = findContactProblems(
      {
        name: 'A',
        email: 'a@b.se',
        jobTitle: 'B',
        role: 'PartnerSales',
        countries: ['SE'],
        states: ['US-WA'],
      },
      getTaxonomy(),
    );
    expect(outside && classifyContactProblem('states', outside.text)).toEqual({
      key: 'stateOutside',
      values: { value: 'US-WA', name: 'US-WA', country: 'US' },
    });
    expect(
      classifyContactProblem('email', {
        key: 'problems.contacts.alreadyThereAs',
        params: { email: 'a@b.se', role: 'PartnerSales' },
      }),
    ).toEqual({ key: 'duplicate', values: { role: 'PartnerSales' } });
    expect(
      classifyContactProblem('name', { key: 'problems.input.tooLong', params: { count: 9 } }),
    ).toBeUndefined();
  });

  it('reads the English words of a CSV report, and the server’s older value-prefixed messages', () => {
    expect(classifyContactProblem('email', 'x@: is not an email address')).toEqual({ key: 'email' });
    expect(classifyContactProblem('role', 'Boss: is not a contact role')).toEqual({
      key: 'role',
      values: { value: 'Boss' },
    });
    expect(classifyContactProblem('email', 'a@b.se is already a PartnerSales contact of this offer')).toEqual(
      { key: 'duplicate', values: { role: 'PartnerSales' } },
    );
    expect(classifyContactProblem('role', 'is not a contact role', 'Boss')).toEqual({
      key: 'role',
      values: { value: 'Boss' },
    });
    expect(classifyContactProblem('role', 'Boss is not a contact role')).toEqual({
      key: 'role',
      values: { value: 'Boss' },
    });
    expect(
      classifyContactProblem(
        'states',
        "US-WA (Washington) is in United States, which is not among the contact's countries/regions",
      ),
    ).toEqual({
      key: 'stateOutside',
      values: { value: 'US-WA', name: 'Washington', country: 'United States' },
    });
    expect(classifyContactProblem('name', 'Something new')).toBeUndefined();
  });
});
