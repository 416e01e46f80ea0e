import { describe, expect, it } from 'vitest';
import { getTaxonomy } from '../reference/taxonomy.js';
import {
  type ContactValues,
  contactKey,
  findContactProblems,
  findDuplicateContacts,
  normaliseContact,
} from './contact-rules.js';

const taxonomy = getTaxonomy();
const ROLE_LABELS =
  'Partner marketing, Partner sales, Partner technical sales, Partner customer success manager';
const ROLE_IDS = 'PartnerMarketing, PartnerSales, PartnerTechnicalSales, PartnerCustomerSuccessManager';

/** A message of the catalogue, as the rules give it beside the English words. */
const text = (key: string, params: Record<string, string | number> = {}) => ({
  key: `problems.contacts.${key}`,
  params,
});

const valid: ContactValues = {
  name: 'Åsa Öberg',
  email: 'asa.oberg@contoso.se',
  jobTitle: 'Partner sales lead',
  role: 'PartnerSales',
  countries: ['SE', 'NO'],
  states: [],
};
const problems = (changes: Partial<ContactValues>) => findContactProblems({ ...valid, ...changes }, taxonomy);

describe('findContactProblems', () => {
  it('accepts a valid contact', () => {
    expect(problems({})).toEqual([]);
  });

  it.each(['José Núñez', "Zoë O'Brien-Smith", '王小明', 'Ngô Bảo Châu', 'Þórunn Ægisdóttir'])(
    'accepts the name %j',
    (name) => {
      expect(problems({ name, jobTitle: `${name}’s title` })).toEqual([]);
    },
  );

  it('requires a name and a job title', () => {
    expect(problems({ name: '  ', jobTitle: '' })).toEqual([
      { field: 'name', value: '  ', message: 'Name is required', text: text('nameRequired') },
      { field: 'jobTitle', value: '', message: 'Job title is required', text: text('jobTitleRequired') },
    ]);
  });

  it.each(['\u0000', '\u0007', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009f'])(
    'refuses a control character (%j) in a name or job title',
    (control) => {
      const name = `Åsa${control}Öberg`;
      expect(problems({ name })).toEqual([
        {
          field: 'name',
          value: name,
          message: 'Name contains a control character',
          text: text('nameControl'),
          allowed: 'letters in any language, spaces, punctuation',
          allowedText: text('allowed.text'),
        },
      ]);
      expect(problems({ jobTitle: `Sales${control}` })[0]).toMatchObject({
        field: 'jobTitle',
        message: 'Job title contains a control character',
        text: text('jobTitleControl'),
      });
    },
  );

  it('limits names and job titles to 100 characters (not UTF-16 units)', () => {
    expect(problems({ name: '🎉'.repeat(100) })).toEqual([]);
    expect(problems({ name: 'a'.repeat(101) })).toEqual([
      {
        field: 'name',
        value: 'a'.repeat(101),
        message: 'Name is longer than 100 characters',
        text: text('nameTooLong', { max: 100 }),
      },
    ]);
    expect(problems({ jobTitle: 'b'.repeat(101) })[0]).toMatchObject({
      message: 'Job title is longer than 100 characters',
      text: text('jobTitleTooLong', { max: 100 }),
    });
  });

  it('requires an email and refuses what is not an address', () => {
    expect(problems({ email: '' })).toEqual([
      { field: 'email', value: '', message: 'Email is required', text: text('emailRequired') },
    ]);
    for (const email of [
      'asa',
      'asa@',
      '@contoso.se',
      'asa@contoso',
      'a sa@contoso.se',
      'asa@@contoso.se',
      'asa@contoso..se',
      'asa@.se',
    ]) {
      expect(problems({ email }), email).toEqual([
        {
          field: 'email',
          value: email,
          message: `${email} is not an email address`,
          text: text('emailInvalid', { value: email }),
          allowed: 'an address such as name@example.com',
          allowedText: text('allowed.email'),
        },
      ]);
    }
    const long = `${'a'.repeat(64)}@${'b'.repeat(185)}.se`;
    expect(long.length).toBe(253);
    expect(problems({ email: long })).toEqual([]);
    expect(problems({ email: `a${long}a` })[0]?.field).toBe('email');
  });

  it('accepts role ids only, and lists the labels as what is allowed', () => {
    for (const role of taxonomy.contactRoles.map((r) => r.id)) expect(problems({ role })).toEqual([]);
    // The roles go as ids: each language names them.
    const allowed = { allowed: ROLE_LABELS, allowedText: text('allowed.roles', { roles: ROLE_IDS }) };
    expect(problems({ role: 'Partner sales' })).toEqual([
      {
        field: 'role',
        value: 'Partner sales',
        message: 'Partner sales is not a contact role',
        text: text('roleUnknown', { value: 'Partner sales' }),
        ...allowed,
      },
    ]);
    expect(problems({ role: '' })).toEqual([
      { field: 'role', value: '', message: 'Role is required', text: text('roleRequired'), ...allowed },
    ]);
  });

  const countriesAllowed = {
    allowed: 'two-letter codes such as SE or US, or OOO alone for all countries/regions',
    allowedText: text('allowed.countries', { all: 'OOO' }),
  };

  it('requires a country, knows the codes, and refuses a country listed twice', () => {
    expect(problems({ countries: [] })).toEqual([
      {
        field: 'countries',
        value: '',
        message: 'At least one country/region is required',
        text: text('countriesRequired'),
        ...countriesAllowed,
      },
    ]);
    expect(problems({ countries: ['SE', 'XX', 'SWE'] })).toEqual([
      {
        field: 'countries',
        value: 'XX',
        message: 'XX is not a country/region code',
        text: text('countryUnknown', { value: 'XX' }),
        ...countriesAllowed,
      },
      {
        field: 'countries',
        value: 'SWE',
        message: 'SWE is not a country/region code',
        text: text('countryUnknown', { value: 'SWE' }),
        ...countriesAllowed,
      },
    ]);
    expect(problems({ countries: ['SE', 'NO', 'SE'] })).toEqual([
      {
        field: 'countries',
        value: 'SE',
        message: 'SE is listed twice',
        text: { key: 'problems.common.listedTwice', params: { value: 'SE' } },
      },
    ]);
  });

  it('takes OOO alone for all countries, and refuses it together with another country', () => {
    expect(problems({ countries: ['OOO'] })).toEqual([]);
    expect(problems({ countries: ['OOO', 'SE'] })).toEqual([
      {
        field: 'countries',
        value: 'OOO, SE',
        message: 'OOO means all countries/regions and must stand alone',
        text: text('allCountriesAlone', { value: 'OOO' }),
        ...countriesAllowed,
      },
    ]);
  });

  it('takes states of the contact’s countries only; any state with OOO', () => {
    expect(problems({ countries: ['US', 'CA', 'AU'], states: ['US-WA', 'CA-ON', 'AU-NSW'] })).toEqual([]);
    expect(problems({ countries: ['SE'], states: ['US-WA'] })).toEqual([
      {
        field: 'states',
        value: 'US-WA',
        message: "US-WA (Washington) is in United States, which is not among the contact's countries/regions",
        text: text('stateOutside', { value: 'US-WA', state: 'US-WA', country: 'US' }),
        allowed: 'states of Sweden',
        allowedText: text('allowed.statesOf', { countries: 'SE' }),
      },
    ]);
    expect(problems({ countries: ['OOO'], states: ['US-WA', 'AU-NSW'] })).toEqual([]);
    expect(problems({ countries: ['US'], states: ['US-XX'] })).toEqual([
      {
        field: 'states',
        value: 'US-XX',
        message: 'US-XX is not a state/province code',
        text: text('stateUnknown', { value: 'US-XX' }),
        allowed: 'codes such as US-WA, CA-ON or AU-NSW',
        allowedText: text('allowed.states'),
      },
    ]);
    expect(problems({ countries: ['US'], states: ['US-WA', 'US-WA'] })).toEqual([
      {
        field: 'states',
        value: 'US-WA',
        message: 'US-WA is listed twice',
        text: { key: 'problems.common.listedTwice', params: { value: 'US-WA' } },
      },
    ]);
  });

  it('reports every field’s problem at once', () => {
    const all = problems({
      name: '',
      email: 'x',
      jobTitle: '',
      role: 'Boss',
      countries: ['XX'],
      states: ['ZZ-1'],
    });
    expect(all.map((p) => p.field)).toEqual(['name', 'jobTitle', 'email', 'role', 'countries', 'states']);
  });
});

describe('normaliseContact', () => {
  it('trims, lower-cases the email, upper-cases codes and composes Unicode (NFC)', () => {
    const decomposed = 'A\u030asa O\u0308berg'; // Å and Ö as letter + combining mark
    expect(
      normaliseContact({
        name: `  ${decomposed} `,
        email: ' Asa.Oberg@Contoso.SE ',
        jobTitle: ' Sa\u0308ljchef ',
        role: 'PartnerSales',
        countries: [' se', 'us '],
        states: ['us-wa'],
      }),
    ).toEqual({
      name: 'Åsa Öberg',
      email: 'asa.oberg@contoso.se',
      jobTitle: 'Säljchef',
      role: 'PartnerSales',
      countries: ['SE', 'US'],
      states: ['US-WA'],
    });
  });
});

describe('duplicates', () => {
  it('is the same contact when email (any case) and role match', () => {
    expect(contactKey({ email: 'A@x.se', role: 'PartnerSales' })).toBe(
      contactKey({ email: ' a@x.se', role: 'PartnerSales' }),
    );
    expect(contactKey({ email: 'a@x.se', role: 'PartnerSales' })).not.toBe(
      contactKey({ email: 'a@x.se', role: 'PartnerMarketing' }),
    );
  });

  it('names each repeat with the first contact it repeats; empty emails are not duplicates', () => {
    const contacts = [
      { email: 'a@x.se', role: 'PartnerSales' },
      { email: 'a@x.se', role: 'PartnerMarketing' },
      { email: 'A@X.SE', role: 'PartnerSales' },
      { email: '', role: 'PartnerSales' },
      { email: '', role: 'PartnerSales' },
      { email: 'a@x.se', role: 'PartnerSales' },
    ];
    expect(findDuplicateContacts(contacts)).toEqual([
      { index: 2, firstIndex: 0 },
      { index: 5, firstIndex: 0 },
    ]);
  });
});
