import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactField } from '../../../domain/contacts/contact-rules.js';
import type { Contact } from '../../../domain/contacts/contact-schema.js';
import type { Message } from '../../../domain/schemas/messages.js';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import { classifyContactProblem } from './contact-problem-message.js';
import { ALL_COUNTRIES_CODE, type ContactSortColumn, formatCodes } from './contact-values.js';

/**
 * Names for what a contact holds as codes: role labels from the reference data (English, as they are data),
 * country and state names, and "All countries/regions" for OOO in the person's language.
 */
export function useContactLabels(reference: ReferenceResponse) {
  const { t, i18n } = useTranslation();
  const maps = useMemo(
    () => ({
      roles: new Map(reference.contactRoles.map((r) => [r.id, r.label])),
      countries: new Map(reference.countries.map((c) => [c.code, c.name])),
      states: new Map(reference.states.map((s) => [s.code, s.name])),
    }),
    [reference],
  );
  const allCountries = t('contacts.allCountries');
  const roleLabel = useCallback((id: string) => maps.roles.get(id) ?? id, [maps]);
  const countryName = useCallback(
    (code: string) => (code === ALL_COUNTRIES_CODE ? allCountries : (maps.countries.get(code) ?? code)),
    [maps, allCountries],
  );
  const stateName = useCallback((code: string) => maps.states.get(code) ?? code, [maps]);
  const countriesText = useCallback(
    (codes: readonly string[]) => formatCodes(codes, countryName),
    [countryName],
  );
  const statesText = useCallback((codes: readonly string[]) => formatCodes(codes, stateName), [stateName]);
  const cellText = useCallback(
    (contact: Contact, column: ContactSortColumn): string => {
      if (column === 'role') return roleLabel(contact.role);
      if (column === 'countries') return countriesText(contact.countries);
      if (column === 'states') return statesText(contact.states);
      return contact[column];
    },
    [roleLabel, countriesText, statesText],
  );
  /**
   * A contact rule's problem in the person's words: by its key and parameters when it came with them (`text`),
   * else by its English words; words of no known rule are shown as they are.
   */
  const problemText = useCallback(
    (field: ContactField | undefined, message: string, value?: string, text?: Message) => {
      const known =
        (text && classifyContactProblem(field, text)) ?? classifyContactProblem(field, message, value);
      if (!known) return message;
      const values: { [name: string]: string } = { ...known.values };
      // Codes and ids from a key's parameters become names; what English words named is no code, and stays.
      if (values.role) values.role = roleLabel(values.role);
      if (values.name) values.name = stateName(values.name);
      if (values.country) values.country = countryName(values.country);
      return String(t(`contacts.problems.${known.key}`, { ...values, defaultValue: message }));
    },
    [t, roleLabel, stateName, countryName],
  );
  return {
    roleLabel,
    countryName,
    stateName,
    countriesText,
    statesText,
    cellText,
    problemText,
    locale: i18n.resolvedLanguage ?? 'en',
  };
}

export type ContactLabels = ReturnType<typeof useContactLabels>;
