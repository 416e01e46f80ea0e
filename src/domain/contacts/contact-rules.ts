import {
  ALL_COUNTRIES_CODE,
  states as allStates,
  isCountryCode,
  type Taxonomy,
} from '../reference/taxonomy.js';
import { contactLimits } from './contact-schema.js';

/** A contact's values after the cells or JSON fields were read. */
export interface ContactValues {
  name: string;
  email: string;
  jobTitle: string;
  role: string;
  countries: string[];
  states: string[];
}

export type ContactField = keyof ContactValues;

export interface ContactProblem {
  field: ContactField;
  value: string;
  message: string;
  allowed?: string;
}

const statesByCode = new Map(allStates.map((s) => [s.code, s]));
// C0 and C1 control characters (tab and newlines included: a name is one line).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Pragmatic email check: one @, no spaces, a dot in the domain, no empty labels.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

function textProblems(
  field: 'name' | 'jobTitle',
  value: string,
  label: string,
  max: number,
): ContactProblem[] {
  if (value.trim() === '') return [{ field, value, message: `${label} is required` }];
  if (CONTROL.test(value))
    return [
      {
        field,
        value,
        message: `${label} contains a control character`,
        allowed: 'letters in any language, spaces, punctuation',
      },
    ];
  // Counted in code points, as people count; a string no longer than `max` UTF-16 units needs no count.
  if (value.length > max && [...value].length > max)
    return [{ field, value, message: `${label} is longer than ${max} characters` }];
  return [];
}

/** Normalises text fields the way both the CSV import and the JSON API store them. */
export function normaliseContact(values: ContactValues): ContactValues {
  return {
    name: values.name.normalize('NFC').trim(),
    email: values.email.trim().toLowerCase(),
    jobTitle: values.jobTitle.normalize('NFC').trim(),
    role: values.role,
    countries: values.countries.map((c) => c.trim().toUpperCase()),
    states: values.states.map((s) => s.trim().toUpperCase()),
  };
}

/** Everything wrong with one contact under a taxonomy; the first problem per field is enough to act on. */
export function findContactProblems(contact: ContactValues, taxonomy: Taxonomy): ContactProblem[] {
  const problems = textProblems('name', contact.name, 'Name', contactLimits.name);
  const jobTitle = textProblems('jobTitle', contact.jobTitle, 'Job title', contactLimits.jobTitle);
  if (jobTitle.length > 0) problems.push(...jobTitle);
  if (contact.email === '') problems.push({ field: 'email', value: '', message: 'Email is required' });
  else if (!EMAIL.test(contact.email) || contact.email.length > contactLimits.email) {
    problems.push({
      field: 'email',
      value: contact.email,
      message: 'is not an email address',
      allowed: 'an address such as name@example.com',
    });
  }
  const roles = taxonomy.contactRoles;
  if (!roles.some((r) => r.id === contact.role)) {
    problems.push({
      field: 'role',
      value: contact.role,
      message: contact.role === '' ? 'Role is required' : 'is not a contact role',
      allowed: roles.map((r) => r.label).join(', '),
    });
  }
  const countries = countryProblems(contact.countries);
  if (countries.length > 0) problems.push(...countries);
  if (contact.states.length > 0) problems.push(...stateProblems(contact.states, contact.countries));
  return problems;
}

const COUNTRIES_ALLOWED = `two-letter codes such as SE or US, or ${ALL_COUNTRIES_CODE} alone for all countries/regions`;

// Lists are short: an earlier index of the same code is how "listed twice" is found, without a Set per contact.
function countryProblems(countries: string[]): ContactProblem[] {
  if (countries.length === 0)
    return [
      {
        field: 'countries',
        value: '',
        message: 'At least one country/region is required',
        allowed: COUNTRIES_ALLOWED,
      },
    ];
  if (countries.includes(ALL_COUNTRIES_CODE) && countries.length > 1) {
    return [
      {
        field: 'countries',
        value: countries.join(', '),
        message: `${ALL_COUNTRIES_CODE} means all countries/regions and must stand alone`,
        allowed: COUNTRIES_ALLOWED,
      },
    ];
  }
  const problems: ContactProblem[] = [];
  countries.forEach((code, index) => {
    if (code !== ALL_COUNTRIES_CODE && !isCountryCode(code)) {
      problems.push({
        field: 'countries',
        value: code,
        message: `${code} is not a country/region code`,
        allowed: COUNTRIES_ALLOWED,
      });
    } else if (countries.indexOf(code) < index) {
      problems.push({ field: 'countries', value: code, message: `${code} is listed twice` });
    }
  });
  return problems;
}

function stateProblems(states: string[], countries: string[]): ContactProblem[] {
  const problems: ContactProblem[] = [];
  const everywhere = countries.includes(ALL_COUNTRIES_CODE);
  states.forEach((code, index) => {
    const state = statesByCode.get(code);
    if (!state) {
      problems.push({
        field: 'states',
        value: code,
        message: `${code} is not a state/province code`,
        allowed: 'codes such as US-WA, CA-ON or AU-NSW',
      });
    } else if (!everywhere && !countries.includes(state.country)) {
      problems.push({
        field: 'states',
        value: code,
        message: `${code} (${state.name}) is in ${state.country}, which is not among the contact's countries/regions`,
        allowed: `states of ${countries.join(', ') || 'the contact’s countries'}`,
      });
    } else if (states.indexOf(code) < index) {
      problems.push({ field: 'states', value: code, message: `${code} is listed twice` });
    }
  });
  return problems;
}

/** The key that makes two contacts the same person in the same role: email (any case) and role. */
export function contactKey(contact: Pick<ContactValues, 'email' | 'role'>): string {
  return `${contact.email.trim().toLowerCase()}\u0000${contact.role}`;
}

/** Indexes of contacts that repeat an earlier contact's email and role, with the earlier index. */
export function findDuplicateContacts(
  contacts: readonly Pick<ContactValues, 'email' | 'role'>[],
): { index: number; firstIndex: number }[] {
  const first = new Map<string, number>();
  const duplicates: { index: number; firstIndex: number }[] = [];
  contacts.forEach((contact, index) => {
    if (contact.email === '') return;
    const key = contactKey(contact);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else duplicates.push({ index, firstIndex: earlier });
  });
  return duplicates;
}
