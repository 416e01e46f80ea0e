import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../domain/contacts/contact-schema.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { isConflict } from '../../components/conflict-message.js';

interface DeleteContactDialogProps {
  contact: Contact;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** Deleting asks first; right after, Undo can still put the contact back. */
export function DeleteContactDialog({ contact, onConfirm, onClose }: DeleteContactDialogProps) {
  const { t } = useTranslation();
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
      {t('contacts.deleteDialog.body', { name: contact.name, email: contact.email })}
    </ConfirmDialog>
  );
}
