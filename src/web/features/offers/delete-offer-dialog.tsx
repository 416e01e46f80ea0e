import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../domain/schemas/offers.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { useDeleteOffer } from './offer-queries.js';

/** Deleting removes the offer with its co-sell profile and cannot be undone, so it always asks first. */
export function DeleteOfferDialog({
  offer,
  etag,
  onClose,
  onDeleted,
}: {
  offer: Offer;
  etag: string | null;
  onClose: () => void;
  /** Called once the offer is gone; the page then leaves (after this dialog has closed). */
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteOffer(offer.id);

  async function confirm() {
    const done = await remove.mutateAsync(etag).then(
      () => true,
      () => false,
    );
    if (done) onDeleted();
  }

  return (
    <ConfirmDialog
      title={t('offers.deleteDialog.title')}
      error={remove.isError && <ApiErrorMessage error={remove.error} />}
      cancelLabel={t('offers.cancel')}
      confirmLabel={t('offers.actions.delete')}
      pendingLabel={t('offers.deleteDialog.submitting')}
      isPending={remove.isPending}
      onConfirm={() => void confirm()}
      onClose={onClose}
      testId="delete-offer-dialog"
      confirmTestId="confirm-delete-button"
    >
      {t('offers.deleteDialog.body', { name: offer.name })}
    </ConfirmDialog>
  );
}
