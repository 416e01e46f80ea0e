import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../domain/contacts/contact-schema.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { isConflict } from '../../components/conflict-message.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface DeleteContactDialogProps {
  contact: Contact;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** Deleting asks first; right after, Undo can still put the contact back. */
export function DeleteContactDialog({ contact, onConfirm, onClose }: DeleteContactDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
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
    <Dialog open modalType="alert" onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface data-testid="delete-contact-dialog">
        <DialogBody>
          <DialogTitle>{t('contacts.deleteDialog.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            {error !== null && (
              <ApiErrorMessage
                error={error}
                title={isConflict(error) ? t('conflict.title') : t('contacts.deleteDialog.failed')}
              />
            )}
            {t('contacts.deleteDialog.body', { name: contact.name, email: contact.email })}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              {t('offers.cancel')}
            </Button>
            <Button
              appearance="primary"
              onClick={() => void confirm()}
              disabledFocusable={isPending}
              data-testid="confirm-delete-contact"
            >
              {isPending ? t('contacts.deleteDialog.submitting') : t('contacts.delete')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
