import type { Locale } from '../schemas/messages.js';
import { messagesEn } from './messages-en.js';
import { messagesSv } from './messages-sv.js';
import { problemsEn } from './problems-en.js';
import { problemsSv } from './problems-sv.js';

export type MessageParams = Record<string, string | number>;

/** Every server-written word in one language: the messages, and what the errors say under `problems.`. */
export type ServerCatalogue = typeof messagesEn & { problems: typeof problemsEn };

/** Every language's catalogue of server-written words. */
export const messageCatalogues: Readonly<Record<Locale, ServerCatalogue>> = {
  en: { ...messagesEn, problems: problemsEn },
  sv: { ...messagesSv, problems: problemsSv },
};

/** The template at a dotted key such as `history.because.submitted`, if the catalogue has one. */
export function findTemplate(catalogue: object, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Fills `{{name}}` placeholders; one the parameters lack becomes empty rather than staying as braces. */
export function interpolate(template: string, params: MessageParams): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : '',
  );
}

/**
 * A message in a language, the way i18next reads the same catalogue in the web: with a numeric `count`, the
 * plural form `<key>_one` / `<key>_other` chosen by the language's rules, then `{{placeholders}}` filled.
 * Undefined when the catalogue has no such message.
 */
export function formatMessage(
  catalogue: object,
  locale: string,
  key: string,
  params: MessageParams = {},
): string | undefined {
  const count = params.count;
  const template =
    (typeof count === 'number'
      ? (findTemplate(catalogue, `${key}_${new Intl.PluralRules(locale).select(count)}`) ??
        findTemplate(catalogue, `${key}_other`))
      : undefined) ?? findTemplate(catalogue, key);
  return template === undefined ? undefined : interpolate(template, params);
}
