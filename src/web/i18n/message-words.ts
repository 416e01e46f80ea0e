import type { i18n as I18n } from 'i18next';
import type { MessageWords } from '../../domain/messages/message-words.js';

/**
 * The web's dictionaries as MessageWords: they include the server's message catalogue at the same key paths
 * (src/domain/messages), so stored messages and history entries read here as the server would write them.
 */
export function i18nMessageWords(i18n: I18n): MessageWords {
  const translate = i18n.t as unknown as (key: string, params?: Record<string, unknown>) => string;
  return {
    locale: i18n.resolvedLanguage ?? 'en',
    text: (key, params) => (i18n.exists(key, params) ? String(translate(key, params)) : undefined),
  };
}
