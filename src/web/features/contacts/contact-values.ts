import type { ContactValues } from '../../../domain/contacts/contact-rules.js';
import type { Contact, ContactInput } from '../../../domain/contacts/contact-schema.js';
import { ALL_COUNTRIES_CODE } from '../../../domain/reference/taxonomy.js';

export { ALL_COUNTRIES_CODE };

export const emptyContact = (): ContactValues => ({
  name: '',
  email: '',
  jobTitle: '',
  role: '',
  countries: [],
  states: [],
});

/** A stored contact as the API takes it back (Undo sends the previous list this way). */
export function toContactInput({ id: _id, ...values }: Contact): ContactInput {
  return values;
}

export function toFormValues(contact: Contact): ContactValues {
  return { ...toContactInput(contact), states: [...contact.states], countries: [...contact.countries] };
}

/**
 * All countries/regions (OOO) stands alone: choosing it replaces the other countries, and choosing a
 * country while OOO is chosen drops OOO.
 */
export function withStandAloneAll(next: readonly string[], previous: readonly string[]): string[] {
  const hadAll = previous.includes(ALL_COUNTRIES_CODE);
  if (next.includes(ALL_COUNTRIES_CODE) && !hadAll) return [ALL_COUNTRIES_CODE];
  if (hadAll && next.length > 1) return next.filter((code) => code !== ALL_COUNTRIES_CODE);
  return [...next];
}

/** States a contact may name: those of its countries, or any when it covers all countries (OOO). */
export function statesFor<T extends { country: string }>(
  countries: readonly string[],
  states: readonly T[],
): T[] {
  if (countries.includes(ALL_COUNTRIES_CODE)) return [...states];
  return states.filter((state) => countries.includes(state.country));
}

/** Keeps only the states that still belong to the chosen countries (after a country was removed). */
export function keepStatesOf(
  chosen: readonly string[],
  countries: readonly string[],
  states: readonly { code: string; country: string }[],
): string[] {
  const allowed = new Set(statesFor(countries, states).map((s) => s.code));
  return chosen.filter((code) => allowed.has(code) || !states.some((s) => s.code === code));
}

export interface ContactFilter {
  /** A country code, OOO, or '' for any. */
  country: string;
  /** A role id, or '' for any. */
  role: string;
}

export function filterContacts<T extends Pick<Contact, 'countries' | 'role'>>(
  contacts: readonly T[],
  filter: ContactFilter,
): T[] {
  return contacts.filter(
    (c) =>
      (filter.country === '' || c.countries.includes(filter.country)) &&
      (filter.role === '' || c.role === filter.role),
  );
}

export const contactSortColumns = ['name', 'email', 'jobTitle', 'role', 'countries', 'states'] as const;
export type ContactSortColumn = (typeof contactSortColumns)[number];
export interface ContactSort {
  column: ContactSortColumn;
  direction: 'ascending' | 'descending';
}

/** How a column's cell reads, so sorting follows what the person sees (role labels, country names). */
export type ContactTextOf = (contact: Contact, column: ContactSortColumn) => string;

export function sortContacts(
  contacts: readonly Contact[],
  sort: ContactSort,
  textOf: ContactTextOf,
  locale: string,
): Contact[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...contacts].sort(
    (a, b) =>
      sign * collator.compare(textOf(a, sort.column), textOf(b, sort.column)) ||
      collator.compare(a.name, b.name),
  );
}

/** "Sweden (SE), Norway (NO)": names for people, codes for those who think in codes. */
export function formatCodes(codes: readonly string[], nameOf: (code: string) => string): string {
  return codes.map((code) => `${nameOf(code)} (${code})`).join(', ');
}
