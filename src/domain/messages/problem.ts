import type { ErrorIssue } from '../schemas/errors.js';
import type { Message } from '../schemas/messages.js';
import { formatMessage, type MessageParams, messageCatalogues } from './format-message.js';
import { type MessageWords, renderMessage } from './message-words.js';
import type { problemsEn } from './problems-en.js';

/** Every leaf of a catalogue branch as a dotted path. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** `tooLong_one` and `tooLong_other` are one key, `tooLong`, whose `count` parameter picks the form. */
type WithoutPlural<K> = K extends `${infer Key}_${'one' | 'other'}` ? Key : K;

/** A key under `problems.` in the message catalogue, such as `contacts.emailInvalid`. */
export type ProblemKey = WithoutPlural<Leaves<typeof problemsEn>>;

/** What is wrong as a message: a catalogue key under `problems.` and the data it names. */
export function problem(key: ProblemKey, params: MessageParams = {}): Message {
  return { key: `problems.${key}`, params };
}

const english: MessageWords = {
  locale: 'en',
  text: (key, params) => formatMessage(messageCatalogues.en, 'en', key, params),
};

/** A message in English, the words the API sends beside its key (the key itself if the catalogue lacks it). */
export function englishText(message: Message): string {
  return renderMessage(message, english) ?? message.key;
}

/** An issue of the error shape: where, the English words, and the key and parameters they came from. */
export function issueAt(path: string, message: Message): ErrorIssue {
  return { path, message: englishText(message), key: message.key, params: message.params };
}

/** An issue from a problem key: `issue('markets[2]', 'offers.marketUnknown', { value: 'XX' })`. */
export function issue(path: string, key: ProblemKey, params: MessageParams = {}): ErrorIssue {
  return issueAt(path, problem(key, params));
}
