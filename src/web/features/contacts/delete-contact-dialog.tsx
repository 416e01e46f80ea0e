import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../domain/contacts/contact-schema.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { isConflict } from '../../components/conflict-message.js';
import { StatusEffectNotice } from '../readiness/status-effect-notice.js';
import type { DryRunRequest } from '../readiness/status-effect-request.js';
import { useStatusEffect } from '../readiness/use-status-effect.js';

interface DeleteContactDialogProps {
  contact: Contact;
  /** The delete as a dry run: what it would do to the co-sell status is said before confirming. */
  statusCheck: DryRunRequest;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/**
 * Deleting asks first, saying what it would do to the co-sell status (a Partner sales contact a market
 * depends on ends co-sell ready); right after, Undo can still put the contact back.
 */
export function DeleteContactDialog({ contact, statusCheck, onConfirm, onClose }: DeleteContactDialogProps) {
  const { t } = useTranslation();
  const effect = useStatusEffect(statusCheck);
  const [error, setError] = useState<unknown>(null);
  const [isPending, setIsPending] = useState(false);

  async function confirm() {
    setIsPending(true);
    setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      setError(caught);
      setIsPending(false);
    }
  }

  return (
    <ConfirmDialog
      title={t('contacts.deleteDialog.title')}
      error={
        error !== null && (
          <ApiErrorMessage
            error={error}
            title={isConflict(error) ? t('conflict.title') : t('contacts.deleteDialog.failed')}
          />
        )
      }
      cancelLabel={t('offers.cancel')}
      confirmLabel={t('contacts.delete')}
      pendingLabel={t('contacts.deleteDialog.submitting')}
      isPending={isPending}
      onConfirm={() => void confirm()}
      onClose={onClose}
      testId="delete-contact-dialog"
      confirmTestId="confirm-delete-contact"
    >
      <div>{t('contacts.deleteDialog.body', { name: contact.name, email: contact.email })}</div>
      {/* data-state says when the check is done, for people's tools and tests alike. */}
      <div data-testid="status-check" data-state={effect ? 'done' : 'checking'}>
        {effect && <StatusEffectNotice effect={effect} />}
      </div>
    </ConfirmDialog>
  );
}
