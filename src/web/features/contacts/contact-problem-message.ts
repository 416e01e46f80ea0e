import type { ContactField } from '../../../domain/contacts/contact-rules.js';
import type { ProblemKey as CatalogueKey } from '../../../domain/messages/problem.js';
import type { Message } from '../../../domain/schemas/messages.js';

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
  [/^(?:(.*?):? )?is not a contact role$/, (m, value) => ({ key: 'role', values: { value: m[1] ?? value } })],
  [/must stand alone$/, () => ({ key: 'allAlone' })],
  [/(\S+) is not a country\/region code$/, (m) => ({ key: 'unknownCountry', values: { value: m[1] ?? '' } })],
  [/(\S+) is not a state\/province code$/, (m) => ({ key: 'unknownState', values: { value: m[1] ?? '' } })],
  [
    /(\S+) \((.+)\) is in (.+?), which is not among/,
    (m) => ({ key: 'stateOutside', values: { value: m[1] ?? '', name: m[2] ?? '', country: m[3] ?? '' } }),
  ],
  [/(\S+) is listed twice$/, (m) => ({ key: 'listedTwice', values: { value: m[1] ?? '' } })],
  [/is already an? (.+) contact of this offer$/, (m) => ({ key: 'duplicate', values: { role: m[1] ?? '' } })],
  [/^The same email and role as/, () => ({ key: 'duplicate', values: { role: '' } })],
];

const text = (params: Message['params'], name: string) => String(params[name] ?? '');

/** The rules' messages by their key in the catalogue (problems.*), with the values the screen's words name. */
const byKey: { readonly [K in `problems.${CatalogueKey}`]?: (params: Message['params']) => ProblemKey } = {
  'problems.contacts.nameRequired': () => ({ key: 'nameRequired' }),
  'problems.contacts.jobTitleRequired': () => ({ key: 'jobTitleRequired' }),
  'problems.contacts.emailRequired': () => ({ key: 'emailRequired' }),
  'problems.contacts.roleRequired': () => ({ key: 'roleRequired' }),
  'problems.contacts.countriesRequired': () => ({ key: 'countriesRequired' }),
  'problems.contacts.nameControl': () => ({ key: 'controlCharacter' }),
  'problems.contacts.jobTitleControl': () => ({ key: 'controlCharacter' }),
  'problems.contacts.nameTooLong': (p) => ({ key: 'tooLong', values: { max: text(p, 'max') } }),
  'problems.contacts.jobTitleTooLong': (p) => ({ key: 'tooLong', values: { max: text(p, 'max') } }),
  'problems.contacts.emailInvalid': () => ({ key: 'email' }),
  'problems.contacts.roleUnknown': (p) => ({ key: 'role', values: { value: text(p, 'value') } }),
  'problems.contacts.allCountriesAlone': () => ({ key: 'allAlone' }),
  'problems.contacts.countryUnknown': (p) => ({ key: 'unknownCountry', values: { value: text(p, 'value') } }),
  'problems.contacts.stateUnknown': (p) => ({ key: 'unknownState', values: { value: text(p, 'value') } }),
  'problems.contacts.stateOutside': (p) => ({
    key: 'stateOutside',
    values: { value: text(p, 'value'), name: text(p, 'state'), country: text(p, 'country') },
  }),
  'problems.common.listedTwice': (p) => ({ key: 'listedTwice', values: { value: text(p, 'value') } }),
  'problems.contacts.alreadyThereAs': (p) => ({ key: 'duplicate', values: { role: text(p, 'role') } }),
  'problems.contacts.sameAsEarlier': () => ({ key: 'duplicate', values: { role: '' } }),
};

/**
 * Which contact rule a problem states, so the screen can say it in the person's words: by its key when the
 * problem comes with one (the shared rules, findContactProblems, and the API's issues do), else by its English
 * words (a CSV import's report has only those; older answers prefixed the value: "x@: is not an email
 * address"). Values may be codes and ids (a role, a state, a country) for the screen to name. Unknown
 * messages give undefined and are shown as they are.
 */
export function classifyContactProblem(
  field: ContactField | undefined,
  message: string | Message,
  /** The offending value, when the message does not name it (the CSV report gives it apart). */
  value = '',
): ProblemKey | undefined {
  if (typeof message !== 'string')
    return Object.hasOwn(byKey, message.key)
      ? byKey[message.key as keyof typeof byKey]?.(message.params)
      : undefined;
  if (/ is required$/.test(message) && field && required[field]) return { key: required[field] };
  for (const [pattern, toKey] of patterns) {
    const match = message.match(pattern);
    if (match) return toKey(match, value);
  }
  return undefined;
}
