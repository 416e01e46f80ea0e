import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadinessItem } from '../../../domain/readiness/readiness-types.js';
import { useReference } from '../../api/reference-queries.js';
import { useSlotText } from '../documents/slot-labels.js';
import { type ReadinessMessageLabels, readinessItemTexts } from './readiness-messages.js';
import { useReadinessLabels } from './use-readiness-labels.js';

/**
 * The engine's reasons and actions in the person's language: its message keys through the readiness.reasons
 * and readiness.actions templates, with ids named (reference data labels are English data; slot, tier and
 * item names are translated). An item without a key we know shows the engine's English text.
 */
export function useReadinessMessages() {
  const { t, i18n } = useTranslation();
  const { itemLabel, statusLabel } = useReadinessLabels();
  const { label: slotText } = useSlotText();
  const reference = useReference().data;
  const labels = useMemo<ReadinessMessageLabels>(() => {
    const find = (list: readonly { id: string; label: string }[] | undefined, id: string) =>
      list?.find((entry) => entry.id === id)?.label ?? id;
    return {
      translate: (key, params) =>
        String((t as (k: string, p?: Record<string, unknown>) => unknown)(key, params)),
      locale: i18n.resolvedLanguage ?? 'en',
      slotLabel: (id) => slotText(id, find(reference?.documentSlots, id)),
      offerTypeLabel: (id) => find(reference?.offerTypes, id),
      solutionTypeLabel: (id) => find(reference?.solutionTypes, id),
      roleLabel: (id) => find(reference?.contactRoles, id),
      tierLabel: (id) => statusLabel(id),
      itemLabel,
    };
  }, [t, i18n.resolvedLanguage, slotText, reference, statusLabel, itemLabel]);
  return useMemo(
    () => ({ texts: (item: ReadinessItem) => readinessItemTexts(item, labels), labels }),
    [labels],
  );
}
