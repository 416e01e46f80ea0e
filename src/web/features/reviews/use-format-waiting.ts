import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { waitingParts } from './waiting-time.js';

/** "2 h 5 min" in English, "2 tim 5 min" in Swedish; "Under a minute" for a fresh submission. */
export function useFormatWaiting(): (seconds: number) => string {
  const { t } = useTranslation();
  return useCallback(
    (seconds: number) => {
      const parts = waitingParts(seconds);
      const words = [
        parts.days === undefined ? '' : t('reviews.waiting.days', { count: parts.days }),
        parts.hours === undefined ? '' : t('reviews.waiting.hours', { count: parts.hours }),
        parts.minutes === undefined ? '' : t('reviews.waiting.minutes', { count: parts.minutes }),
      ].filter(Boolean);
      return words.length === 0 ? t('reviews.waiting.underMinute') : words.join(' ');
    },
    [t],
  );
}
