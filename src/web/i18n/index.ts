import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { localeIds } from '../../domain/schemas/locale-ids.js';
import { type Dictionary, en } from './en.js';
import { initialLanguage } from './initial-language.js';
import type { ProblemDictionary } from './problems.js';
import { englishForThisBrowser } from './test-dictionary.js';

// The languages an account can choose are the ones the server writes emails in: one list.
export const languages = localeIds;
export type Language = (typeof languages)[number];

/** Where the chosen language is remembered between visits. */
export const languageStorageKey = 'cosell.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function readStoredLanguage(): Language | undefined {
  try {
    const stored = window.localStorage.getItem(languageStorageKey);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    return undefined;
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

/** The languages whose dictionary this page holds (the problems branch alone does not count). */
const loadedLanguages = new Set<Language>(['en']);

/**
 * Adds a language's dictionary if this page has not loaded it yet. English is bundled (it is the fallback for
 * every word); Swedish is a chunk of its own, so that an English first visit does not download it.
 */
async function loadLanguage(i18n: typeof i18next, language: Language): Promise<void> {
  if (loadedLanguages.has(language)) return;
  const { sv } = await import('./sv.js');
  // Merged with what is there (the problems branch may have come first) without overwriting it.
  i18n.addResourceBundle(language, 'translation', sv, true, false);
  loadedLanguages.add(language);
}

/** Changes the page's language, fetching its dictionary first when this page has not used it yet. */
export async function switchLanguage(i18n: typeof i18next, language: Language): Promise<void> {
  await loadLanguage(i18n, language);
  await i18n.changeLanguage(language);
}

/**
 * Starts i18next with the first language's words in place before the first render (English is bundled;
 * another language waits for its chunk), so the first screen is already translated.
 */
export async function setUpI18n(): Promise<typeof i18next> {
  // A first visit follows the browser; a choice, once made, is remembered (rememberLanguage).
  const initial = initialLanguage(readStoredLanguage(), navigator.languages ?? []);
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: englishForThisBrowser(en) } },
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...languages],
    interpolation: { escapeValue: false }, // React already escapes.
    returnNull: false,
    // Words added later (loadProblemWords) re-render what asked for them before they came.
    react: { bindI18nStore: 'added' },
  });
  // Should the Swedish chunk not load, the page stays in English rather than blank.
  await switchLanguage(i18next, initial).catch(() => undefined);
  document.documentElement.lang = i18next.resolvedLanguage ?? 'en';
  // Registered after the first language, which the browser chose: only a person's choice is remembered.
  i18next.on('languageChanged', rememberLanguage);
  // Should the chunk not load, screens keep the English words every error carries beside its key.
  loadProblemWords(i18next).catch(() => undefined);
  return i18next;
}
