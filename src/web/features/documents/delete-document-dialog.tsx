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
import { useTranslation } from 'react-i18next';
import type { DocumentDto } from '../../../domain/documents/document-schema.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { useDeleteDocument } from './document-queries.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Removing takes the file out of its slot, so it asks first; a single-file slot keeps it as a version. */
export function DeleteDocumentDialog({
  offerId,
  document,
  keepsVersion,
  onClose,
}: {
  offerId: string;
  document: DocumentDto;
  /** A single-file slot: the file stays among the earlier versions and can be restored. */
  keepsVersion: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const remove = useDeleteDocument(offerId);

  async function confirm() {
    const done = await remove.mutateAsync(document.id).then(
      () => true,
      () => false,
    );
    if (done) onClose();
  }

  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface data-testid="delete-document-dialog">
        <DialogBody>
          <DialogTitle>{t('documents.deleteDialog.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            {remove.isError && (
              <div role="alert">
                <ApiErrorMessage error={remove.error} />
              </div>
            )}
            {t(keepsVersion ? 'documents.deleteDialog.bodyVersioned' : 'documents.deleteDialog.body', {
              fileName: document.fileName,
            })}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              {t('documents.cancel')}
            </Button>
            <Button
              appearance="primary"
              onClick={() => void confirm()}
              disabledFocusable={remove.isPending}
              data-testid="confirm-delete-document"
            >
              {remove.isPending ? t('documents.deleteDialog.submitting') : t('documents.delete')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
