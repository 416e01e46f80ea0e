import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import { useSlotText } from '../documents/slot-labels.js';
import { useReadinessLabels } from '../readiness/use-readiness-labels.js';
import { catalogTexts } from './catalog-texts.js';

export type { CatalogLabels } from './catalog-texts.js';

/** The catalogue's names and phrases (catalog-texts.ts) in the person's language, made again when it changes. */
export function useCatalogLabels(reference: ReferenceResponse) {
  const { t, i18n } = useTranslation();
  const { statusLabel } = useReadinessLabels();
  const { label: slotText } = useSlotText();
  const locale = i18n.resolvedLanguage ?? 'en';
  return useMemo(
    () =>
      catalogTexts(reference, {
        translate: (key, params) =>
          String((t as (k: string, p?: Record<string, unknown>) => unknown)(key, params)),
        locale,
        statusLabel,
        slotText,
      }),
    [reference, t, locale, statusLabel, slotText],
  );
}
