import type { ContactField } from '../../../domain/contacts/contact-rules.js';

/** A known contact rule message as a dictionary key under contacts.problems, with its values. */
export interface ProblemKey {
  key:
    | 'nameRequired'
    | 'emailRequired'
    | 'jobTitleRequired'
    | 'roleRequired'
    | 'countriesRequired'
    | 'controlCharacter'
    | 'tooLong'
    | 'email'
    | 'role'
    | 'allAlone'
    | 'unknownCountry'
    | 'unknownState'
    | 'stateOutside'
    | 'listedTwice'
    | 'duplicate';
  values?: Record<string, string>;
}

const required: Partial<Record<ContactField, ProblemKey['key']>> = {
  name: 'nameRequired',
  email: 'emailRequired',
  jobTitle: 'jobTitleRequired',
  role: 'roleRequired',
  countries: 'countriesRequired',
};

const patterns: readonly [RegExp, (match: RegExpMatchArray, value: string) => ProblemKey][] = [
  [/contains a control character$/, () => ({ key: 'controlCharacter' })],
  [/is longer than (\d+) characters$/, (m) => ({ key: 'tooLong', values: { max: m[1] ?? '' } })],
  [/is not an email address$/, () => ({ key: 'email' })],
  [/^(?:(.*): )?is not a contact role$/, (m, value) => ({ key: 'role', values: { value: m[1] ?? value } })],
  [/must stand alone$/, () => ({ key: 'allAlone' })],
  [/(\S+) is not a country\/region code$/, (m) => ({ key: 'unknownCountry', values: { value: m[1] ?? '' } })],
  [/(\S+) is not a state\/province code$/, (m) => ({ key: 'unknownState', values: { value: m[1] ?? '' } })],
  [
    /(\S+) \((.+)\) is in (\S+), which is not among/,
    (m) => ({ key: 'stateOutside', values: { value: m[1] ?? '', name: m[2] ?? '', country: m[3] ?? '' } }),
  ],
  [/(\S+) is listed twice$/, (m) => ({ key: 'listedTwice', values: { value: m[1] ?? '' } })],
  [
    /is already an? (\S+) contact of this offer$/,
    (m) => ({ key: 'duplicate', values: { role: m[1] ?? '' } }),
  ],
  [/^The same email and role as/, () => ({ key: 'duplicate', values: { role: '' } })],
];

/**
 * The shared contact rules (findContactProblems) and the server speak English; this finds which rule a
 * message states so the screen can say it in the person's language. The server prefixes some messages
 * with the value ("x@: is not an email address"). Unknown messages give undefined and are shown as they are.
 */
export function classifyContactProblem(
  field: ContactField | undefined,
  message: string,
  /** The offending value, when the message does not name it (the CSV report gives it apart). */
  value = '',
): ProblemKey | undefined {
  if (/ is required$/.test(message) && field && required[field]) return { key: required[field] };
  for (const [pattern, toKey] of patterns) {
    const match = message.match(pattern);
    if (match) return toKey(match, value);
  }
  return undefined;
}
