import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Date and time in the person's language and time zone ("24 Nov 2026, 14:03"); bad input is shown as is. */
export function useFormatDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'sv' ? 'sv-SE' : 'en-GB';
  return useCallback(
    (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime())
        ? iso
        : date.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
    },
    [language],
  );
}
