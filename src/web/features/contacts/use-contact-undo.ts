import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../domain/contacts/contact-schema.js';
import { isConflict } from '../../components/conflict-message.js';
import { useReplaceContacts } from './contact-queries.js';
import { toContactInput } from './contact-values.js';

/** The last change, in words for the Undo button: "deleted Åsa Öberg", "import". */
export type ContactChange =
  | { kind: 'added' | 'changed' | 'deleted'; name: string }
  | { kind: 'imported'; count: number };

interface UndoEntry {
  change: ContactChange;
  /** The whole list as it was before the change. */
  previous: readonly Contact[];
}

/**
 * Undo of the last change: the list from before it stays in memory, and Undo puts it back whole (PUT with
 * the current ETag, so a change someone else made meanwhile is not silently overwritten: that is a 412).
 */
export function useContactUndo(offerId: string, etag: string | null) {
  const { t } = useTranslation();
  const replace = useReplaceContacts(offerId);
  const [entry, setEntry] = useState<UndoEntry | null>(null);

  const describe = useCallback(
    (change: ContactChange) =>
      change.kind === 'imported'
        ? t('contacts.undo.imported', { count: change.count })
        : t(`contacts.undo.${change.kind}`, { name: change.name }),
    [t],
  );

  const remember = useCallback(
    (change: ContactChange, previous: readonly Contact[]) => {
      replace.reset();
      setEntry({ change, previous });
    },
    [replace],
  );

  /** Resolves to the words of what was undone, or null when it was not. */
  async function undo(): Promise<string | null> {
    if (!entry) return null;
    try {
      await replace.mutateAsync({ etag, contacts: entry.previous.map(toContactInput) });
      setEntry(null);
      return describe(entry.change);
    } catch (error) {
      // After someone else's change the remembered list is no longer "before the last change".
      if (isConflict(error)) setEntry(null);
      return null;
    }
  }

  return {
    /** What Undo would undo, in words; null when there is nothing to undo. */
    label: entry ? describe(entry.change) : null,
    remember,
    undo,
    isPending: replace.isPending,
    error: replace.error,
    /** Forgets a failed undo's error (after a reload, say). */
    clearError: replace.reset,
  };
}

export type ContactUndo = ReturnType<typeof useContactUndo>;
