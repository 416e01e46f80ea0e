import { type RefObject, useCallback, useState } from 'react';
import type { StatusEffect } from '../../../domain/schemas/status-effect.js';
import { StatusConfirmDialog } from './status-confirm-dialog.js';
import { type DryRunRequest, fetchStatusEffect } from './status-effect-request.js';

/** A write that may change the co-sell status, and how to ask about it. */
export interface StatusChangingAction {
  /** The write as a dry run would send it. */
  request: DryRunRequest;
  title: string;
  confirmLabel: string;
  /** Makes the write; called at once when the status would not drop, else after the person confirms. */
  proceed: () => unknown;
  /** Where focus goes back to when the person cancels. */
  returnFocusTo?: RefObject<HTMLElement | null>;
}

/**
 * Asks before a write that would end co-sell ready, take the offer out of the catalogue or start a new
 * review: the server's dry run says what the write would do (the shared engine on the prospective state),
 * and only then the write is made, or not. A dry run that fails lets the write go ahead: the write itself
 * then says what is wrong, in the place that shows its errors.
 */
export function useStatusConfirmation() {
  const [asking, setAsking] = useState<{ action: StatusChangingAction; effect: StatusEffect } | null>(null);
  const [isChecking, setIsChecking] = useState(false);

  const confirmThen = useCallback(async (action: StatusChangingAction) => {
    setIsChecking(true);
    let effect: StatusEffect | null = null;
    try {
      effect = await fetchStatusEffect(action.request);
    } catch {
      effect = null;
    } finally {
      setIsChecking(false);
    }
    if (effect?.needsConfirmation) setAsking({ action, effect });
    else action.proceed();
  }, []);

  function close() {
    const target = asking?.action.returnFocusTo?.current;
    setAsking(null);
    target?.focus();
  }

  const dialog = asking && (
    <StatusConfirmDialog
      title={asking.action.title}
      confirmLabel={asking.action.confirmLabel}
      effect={asking.effect}
      onConfirm={() => {
        const { proceed } = asking.action;
        setAsking(null);
        proceed();
      }}
      onClose={close}
    />
  );
  return { confirmThen, isChecking, dialog };
}
