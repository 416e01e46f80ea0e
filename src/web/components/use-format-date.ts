import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates in the person's language (en: "31 Jan 2027", sv: "31 jan. 2027"); unparseable input is shown as is. */
export function useFormatDate(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'sv' ? 'sv-SE' : 'en-GB';
  return useCallback(
    (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(language, { dateStyle: 'medium' });
    },
    [language],
  );
}
