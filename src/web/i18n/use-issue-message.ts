import { useCallback } from 'react';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { en } from './en.js';

type ValidationKey = keyof typeof en.validation;

// The shared Zod schemas speak English (the server answers with the same words). en.validation repeats those
// messages verbatim, which lets us find the key and show the message in the person's language.
const keyByEnglishMessage = new Map<string, ValidationKey>(
  Object.entries(en.validation).map(([key, message]) => [message, key as ValidationKey]),
);

/** Translate a schema message when we know it; otherwise show it as the schema wrote it. */
export function translateIssueKey(message: string | undefined): ValidationKey | undefined {
  return message === undefined ? undefined : keyByEnglishMessage.get(message);
}

export function useIssueMessage(): (error: FieldError | undefined) => string | undefined {
  const { t } = useTranslation();
  return useCallback(
    (error) => {
      const key = translateIssueKey(error?.message);
      return key ? t(`validation.${key}`) : error?.message;
    },
    [t],
  );
}
