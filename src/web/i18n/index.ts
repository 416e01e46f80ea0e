import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { localeIds } from '../../domain/schemas/messages.js';
import { type Dictionary, en } from './en.js';
import type { ProblemDictionary } from './problems.js';
import { sv } from './sv.js';

// The languages an account can choose are the ones the server writes emails in: one list.
export const languages = localeIds;
export type Language = (typeof languages)[number];

/** Where the chosen language is remembered between visits. */
export const languageStorageKey = 'cosell.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(languageStorageKey);
    // English unless the person chose otherwise: the product's reference language and what support reads.
    return isLanguage(stored) ? stored : 'en';
  } catch {
    return 'en';
  }
}

function rememberLanguage(language: string): void {
  // <html lang> lets screen readers pronounce the page correctly (and axe checks it).
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(languageStorageKey, language);
  } catch {
    // Private browsing can refuse storage; the choice then lasts for this page only.
  }
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // The problems branch arrives after the start (loadProblemWords).
    resources: { translation: Dictionary & ProblemDictionary };
  }
}

/**
 * Adds what the server's errors say (the `problems` branch, problems.ts) to `i18n`'s dictionaries: a chunk of
 * its own, so that the sign-in page does not wait for it.
 */
export async function loadProblemWords(i18n: typeof i18next): Promise<void> {
  const { addProblemWords } = await import('./problems.js');
  addProblemWords(i18n);
}

/** Start i18next synchronously (resources are bundled) so the first render is already translated. */
export function setUpI18n(): typeof i18next {
  const initial = readStoredLanguage();
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, sv: { translation: sv } },
    lng: initial,
    fallbackLng: 'en',
    supportedLngs: [...languages],
    interpolation: { escapeValue: false }, // React already escapes.
    returnNull: false,
    // Words added later (loadProblemWords) re-render what asked for them before they came.
    react: { bindI18nStore: 'added' },
  });
  document.documentElement.lang = initial;
  i18next.on('languageChanged', rememberLanguage);
  // Should the chunk not load, screens keep the English words every error carries beside its key.
  loadProblemWords(i18next).catch(() => undefined);
  return i18next;
}
