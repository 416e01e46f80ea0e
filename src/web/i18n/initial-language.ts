import { localeFromLanguages } from '../../domain/messages/preferred-locale.js';
import type { Locale } from '../../domain/schemas/messages.js';

/**
 * The language a page starts in: the one the person chose before (remembered in this browser), else the
 * first of the browser's languages the product speaks, else English, the product's reference language.
 */
export function initialLanguage(stored: Locale | undefined, browserLanguages: readonly string[]): Locale {
  return stored ?? localeFromLanguages(browserLanguages) ?? 'en';
}
