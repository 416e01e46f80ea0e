import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { en } from './en.js';

type ValidationKey = keyof typeof en.validation;

// The shared Zod schemas speak English (the server answers with the same words), and so do the forms' own
// schemas, which take their messages from en.validation. en.validation repeats the shared schemas' messages
// verbatim, which lets us find the key and show the message in the person's language.
const keyByEnglishMessage = new Map<string, ValidationKey>(
  Object.entries(en.validation).map(([key, message]) => [message, key as ValidationKey]),
);

/** The en.validation key of a schema message, when we know it. */
export function translateIssueKey(message: string | undefined): ValidationKey | undefined {
  return message === undefined ? undefined : keyByEnglishMessage.get(message);
}

/** Translates a schema or server message when we know it; otherwise shows it as it was written. */
export function useIssueMessage(): (message: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (message) => {
      const key = translateIssueKey(message);
      return key ? t(`validation.${key}`) : message;
    },
    [t],
  );
}
