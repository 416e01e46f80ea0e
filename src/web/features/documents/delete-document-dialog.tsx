import { useTranslation } from 'react-i18next';
import type { DocumentDto } from '../../../domain/documents/document-schema.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { StatusEffectNotice } from '../readiness/status-effect-notice.js';
import { useStatusEffect } from '../readiness/use-status-effect.js';
import { documentsPath, useDeleteDocument, useDocumentsVersion } from './document-queries.js';

/**
 * Removing takes the file out of its slot, so it asks first, saying what it would do to the co-sell status
 * (a required document removed ends co-sell ready); a single-file slot keeps it as a version.
 */
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
  const remove = useDeleteDocument(offerId);
  const { ifMatch } = useDocumentsVersion(offerId);
  const effect = useStatusEffect({
    path: `${documentsPath(offerId)}/${encodeURIComponent(document.id)}`,
    method: 'DELETE',
    ifMatch: ifMatch(),
  });

  async function confirm() {
    const done = await remove.mutateAsync(document.id).then(
      () => true,
      () => false,
    );
    if (done) onClose();
  }

  return (
    <ConfirmDialog
      title={t('documents.deleteDialog.title')}
      error={
        remove.isError && (
          <div role="alert">
            <ApiErrorMessage error={remove.error} />
          </div>
        )
      }
      cancelLabel={t('documents.cancel')}
      confirmLabel={t('documents.delete')}
      pendingLabel={t('documents.deleteDialog.submitting')}
      isPending={remove.isPending}
      onConfirm={() => void confirm()}
      onClose={onClose}
      testId="delete-document-dialog"
      confirmTestId="confirm-delete-document"
    >
      <div>
        {t(keepsVersion ? 'documents.deleteDialog.bodyVersioned' : 'documents.deleteDialog.body', {
          fileName: document.fileName,
        })}
      </div>
      {/* data-state says when the check is done, for people's tools and tests alike. */}
      <div data-testid="status-check" data-state={effect ? 'done' : 'checking'}>
        {effect && <StatusEffectNotice effect={effect} />}
      </div>
    </ConfirmDialog>
  );
}
