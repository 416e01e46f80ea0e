import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { en } from '../../i18n/en.js';

type KnownSlot = keyof typeof en.documents.slots;

function isKnownSlot(slot: string): slot is KnownSlot {
  return Object.hasOwn(en.documents.slots, slot);
}

/**
 * Slot names and guidance in the person's language. They are the product's words, so they are translated;
 * a slot the dictionary does not know yet (a newer taxonomy) shows what the server sent.
 */
export function useSlotText() {
  const { t } = useTranslation();
  const label = useCallback(
    (slot: string, serverLabel: string) => (isKnownSlot(slot) ? t(`documents.slots.${slot}`) : serverLabel),
    [t],
  );
  const guidance = useCallback(
    (slot: string, serverLines: readonly string[]): string[] => {
      if (!isKnownSlot(slot)) return [...serverLines];
      const lines = en.documents.guidance[slot];
      return Object.keys(lines).map((line) =>
        t(`documents.guidance.${slot}.${line as keyof typeof lines}` as never),
      );
    },
    [t],
  );
  return { label, guidance };
}
