import type { i18n as I18n } from 'i18next';
import { problemsEn } from '../../domain/messages/problems-en.js';
import { problemsSv } from '../../domain/messages/problems-sv.js';
import type { Language } from './index.js';
import { englishForThisBrowser } from './test-dictionary.js';

/**
 * The `problems` branch of the web dictionaries: what the server's errors say (an error's `messageKey`, an
 * issue's `key`), word for word as the server's catalogue (src/domain/messages/problems-*.ts) at the same
 * paths, as en.ts and sv.ts take the other server-written branches. It is a chunk of its own, added after the
 * first render (loadProblemWords), so that the sign-in page does not download every error the API can give.
 */
export const problemDictionaries = {
  en: englishForThisBrowser({ problems: problemsEn }),
  sv: { problems: problemsSv },
} satisfies Record<Language, object>;

export type ProblemDictionary = (typeof problemDictionaries)['en'];

/** Adds the problems branch to every language of `i18n` (a re-render shows words asked for before it came). */
export function addProblemWords(i18n: I18n): void {
  for (const [language, words] of Object.entries(problemDictionaries))
    i18n.addResourceBundle(language, 'translation', words, true, false);
}
