import { describe, expect, it } from 'vitest';
import { diffContacts } from './contact-diff.js';
import type { ContactValues } from './contact-rules.js';

const contact = (email: string, changes: Partial<ContactValues> = {}): ContactValues => ({
  name: 'Åsa Öberg',
  email,
  jobTitle: 'Sales',
  role: 'PartnerSales',
  countries: ['SE'],
  states: [],
  ...changes,
});

describe('diffContacts', () => {
  const existing = [
    { id: 'con_a', ...contact('a@x.se') },
    { id: 'con_b', ...contact('b@x.se') },
    { id: 'con_c', ...contact('c@x.se') },
  ];

  it('matches by email and role: added, removed, changed, unchanged, and keeps the ids', () => {
    const incoming = [
      contact('c@x.se', { countries: ['SE', 'NO'] }),
      contact('a@x.se'),
      contact('d@x.se'),
      contact('a@x.se', { role: 'PartnerMarketing' }),
    ];
    const diff = diffContacts(existing, incoming);
    expect(diff.unchanged).toBe(1);
    expect(diff.added).toEqual([incoming[2], incoming[3]]);
    expect(diff.removed).toEqual([existing[1]]);
    expect(diff.changed).toEqual([{ before: existing[2], after: incoming[0] }]);
    expect(diff.ids).toEqual(['con_c', 'con_a', undefined, undefined]);
  });

  it('sees a change in any field, including the order of countries, but not the email’s case', () => {
    for (const changes of [
      { name: 'Asa Oberg' },
      { jobTitle: 'Head of sales' },
      { countries: ['OOO'] },
      { states: ['US-WA'] },
    ]) {
      const diff = diffContacts(existing.slice(0, 1), [contact('a@x.se', changes)]);
      expect(diff.changed, JSON.stringify(changes)).toHaveLength(1);
    }
    const reordered = diffContacts(
      [{ id: 'con_x', ...contact('x@x.se', { countries: ['SE', 'NO'] }) }],
      [contact('x@x.se', { countries: ['NO', 'SE'] })],
    );
    expect(reordered.changed).toHaveLength(1);
    const otherCase = diffContacts(existing.slice(0, 1), [contact('A@X.SE')]);
    expect(otherCase.ids).toEqual(['con_a']);
    expect(otherCase.added).toEqual([]);
  });

  it('replacing with nothing removes everything; from nothing adds everything', () => {
    expect(diffContacts(existing, [])).toEqual({
      added: [],
      removed: existing,
      changed: [],
      unchanged: 0,
      ids: [],
    });
    const fresh = diffContacts([], [contact('a@x.se')]);
    expect(fresh).toEqual({
      added: [contact('a@x.se')],
      removed: [],
      changed: [],
      unchanged: 0,
      ids: [undefined],
    });
  });
});
