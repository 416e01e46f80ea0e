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
import type { Offer } from '../../../domain/schemas/offers.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { useDeleteOffer } from './offer-queries.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

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
  const styles = useStyles();
  const remove = useDeleteOffer(offer.id);

  async function confirm() {
    const done = await remove.mutateAsync(etag).then(
      () => true,
      () => false,
    );
    if (done) onDeleted();
  }

  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface data-testid="delete-offer-dialog">
        <DialogBody>
          <DialogTitle>{t('offers.deleteDialog.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            {remove.isError && <ApiErrorMessage error={remove.error} />}
            {t('offers.deleteDialog.body', { name: offer.name })}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              {t('offers.cancel')}
            </Button>
            <Button
              appearance="primary"
              onClick={() => void confirm()}
              disabledFocusable={remove.isPending}
              data-testid="confirm-delete-button"
            >
              {remove.isPending ? t('offers.deleteDialog.submitting') : t('offers.actions.delete')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
