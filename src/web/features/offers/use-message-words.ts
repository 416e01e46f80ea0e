import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageWords } from '../../../domain/messages/message-words.js';
import type { ReadinessItem } from '../../../domain/readiness/readiness-types.js';
import { i18nMessageWords } from '../../i18n/message-words.js';
import { useReadinessMessages } from '../readiness/use-readiness-messages.js';

/**
 * Words for stored messages (history entries, notifications) in the person's language, with the readiness
 * engine's reasons through the readiness panel's own templates.
 */
export function useMessageWords(): MessageWords {
  const { i18n } = useTranslation();
  const { texts } = useReadinessMessages();
  const language = i18n.resolvedLanguage;
  return useMemo(
    () => ({
      ...i18nMessageWords(i18n),
      locale: language ?? 'en',
      // Only the reason is read: an empty English fallback means "no template for this key".
      readinessReason: (message) =>
        texts({ reason: '', action: '', reasonMessage: message } as ReadinessItem).reason || undefined,
    }),
    [i18n, language, texts],
  );
}
