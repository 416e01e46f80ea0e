import { englishText, type ProblemKey, problem } from '../messages/problem.js';
import {
  ALL_COUNTRIES_CODE,
  states as allStates,
  isCountryCode,
  type Taxonomy,
} from '../reference/taxonomy.js';
import type { Message } from '../schemas/messages.js';
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
  /** In English; `text` is the same as a key of the message catalogue (problems.contacts.*). */
  message: string;
  text: Message;
  /** What the field may hold, in English and as `allowedText`. */
  allowed?: string;
  allowedText?: Message;
}

/** A problem of a field, its words made from the catalogue's key (and what is allowed there, if said). */
export function contactProblem(
  field: ContactField,
  value: string,
  key: ProblemKey,
  params: Message['params'] = {},
  allowed?: Message,
): ContactProblem {
  const text = problem(key, params);
  return {
    field,
    value,
    message: englishText(text),
    text,
    ...(allowed && { allowed: englishText(allowed), allowedText: allowed }),
  };
}

const statesByCode = new Map(allStates.map((s) => [s.code, s]));
// C0 and C1 control characters (tab and newlines included: a name is one line).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Pragmatic email check: one @, no spaces, a dot in the domain, no empty labels.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

function textProblems(field: 'name' | 'jobTitle', value: string, max: number): ContactProblem[] {
  if (value.trim() === '') return [contactProblem(field, value, `contacts.${field}Required`)];
  if (CONTROL.test(value))
    return [contactProblem(field, value, `contacts.${field}Control`, {}, problem('contacts.allowed.text'))];
  // Counted in code points, as people count; a string no longer than `max` UTF-16 units needs no count.
  if (value.length > max && [...value].length > max)
    return [contactProblem(field, value, `contacts.${field}TooLong`, { max })];
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
  const problems = textProblems('name', contact.name, contactLimits.name);
  const jobTitle = textProblems('jobTitle', contact.jobTitle, contactLimits.jobTitle);
  if (jobTitle.length > 0) problems.push(...jobTitle);
  if (contact.email === '') problems.push(contactProblem('email', '', 'contacts.emailRequired'));
  else if (!EMAIL.test(contact.email) || contact.email.length > contactLimits.email) {
    problems.push(
      contactProblem(
        'email',
        contact.email,
        'contacts.emailInvalid',
        { value: contact.email },
        EMAIL_ALLOWED,
      ),
    );
  }
  const roles = taxonomy.contactRoles;
  if (!roles.some((r) => r.id === contact.role)) {
    const allowed = problem('contacts.allowed.roles', { roles: roles.map((r) => r.id).join(', ') });
    problems.push(
      contact.role === ''
        ? contactProblem('role', '', 'contacts.roleRequired', {}, allowed)
        : contactProblem('role', contact.role, 'contacts.roleUnknown', { value: contact.role }, allowed),
    );
  }
  const countries = countryProblems(contact.countries);
  if (countries.length > 0) problems.push(...countries);
  if (contact.states.length > 0) problems.push(...stateProblems(contact.states, contact.countries));
  return problems;
}

const COUNTRIES_ALLOWED = problem('contacts.allowed.countries', { all: ALL_COUNTRIES_CODE });
const EMAIL_ALLOWED = problem('contacts.allowed.email');
const STATES_ALLOWED = problem('contacts.allowed.states');

// Lists are short: an earlier index of the same code is how "listed twice" is found, without a Set per contact.
function countryProblems(countries: string[]): ContactProblem[] {
  if (countries.length === 0)
    return [contactProblem('countries', '', 'contacts.countriesRequired', {}, COUNTRIES_ALLOWED)];
  if (countries.includes(ALL_COUNTRIES_CODE) && countries.length > 1) {
    return [
      contactProblem(
        'countries',
        countries.join(', '),
        'contacts.allCountriesAlone',
        { value: ALL_COUNTRIES_CODE },
        COUNTRIES_ALLOWED,
      ),
    ];
  }
  const problems: ContactProblem[] = [];
  countries.forEach((code, index) => {
    if (code !== ALL_COUNTRIES_CODE && !isCountryCode(code)) {
      problems.push(
        contactProblem('countries', code, 'contacts.countryUnknown', { value: code }, COUNTRIES_ALLOWED),
      );
    } else if (countries.indexOf(code) < index) {
      problems.push(contactProblem('countries', code, 'common.listedTwice', { value: code }));
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
      problems.push(contactProblem('states', code, 'contacts.stateUnknown', { value: code }, STATES_ALLOWED));
    } else if (!everywhere && !countries.includes(state.country)) {
      problems.push(
        contactProblem(
          'states',
          code,
          'contacts.stateOutside',
          { value: code, state: code, country: state.country },
          countries.length > 0
            ? problem('contacts.allowed.statesOf', { countries: countries.join(', ') })
            : problem('contacts.allowed.statesOfContact'),
        ),
      );
    } else if (states.indexOf(code) < index) {
      problems.push(contactProblem('states', code, 'common.listedTwice', { value: code }));
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
