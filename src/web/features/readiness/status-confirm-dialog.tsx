import { useTranslation } from 'react-i18next';
import type { StatusEffect } from '../../../domain/schemas/status-effect.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { StatusEffectNotice } from './status-effect-notice.js';

interface StatusConfirmDialogProps {
  title: string;
  confirmLabel: string;
  effect: StatusEffect;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before a change that would lower the co-sell status, saying what it would do and why. */
export function StatusConfirmDialog({
  title,
  confirmLabel,
  effect,
  onConfirm,
  onClose,
}: StatusConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={title}
      cancelLabel={t('readiness.effect.cancel')}
      confirmLabel={confirmLabel}
      pendingLabel={confirmLabel}
      isPending={false}
      onConfirm={onConfirm}
      onClose={onClose}
      testId="status-confirm-dialog"
      confirmTestId="status-confirm"
    >
      <StatusEffectNotice effect={effect} />
    </ConfirmDialog>
  );
}
