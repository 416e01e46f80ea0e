import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular, DeleteRegular, GlobeRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Offer } from '../../../domain/schemas/offers.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { ConflictMessage, isConflict } from '../../components/conflict-message.js';
import { SubHeading } from '../../components/headings.js';
import { useStatusConfirmation } from '../readiness/use-status-confirmation.js';
import { DeleteOfferDialog } from './delete-offer-dialog.js';
import { offerPath, useForgetOffer, useReloadOffer, useSetOfferState } from './offer-queries.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBlockStart: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    maxWidth: '720px',
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground2 },
});

interface OfferActionsProps {
  offer: Offer;
  etag: string | null;
  /** Publishing or deleting with unsaved edits would lose them or act on an older version: save first. */
  hasUnsavedChanges: boolean;
}

/** Publish (or take back to draft) and delete: actions on the offer as a whole, for owners and editors. */
export function OfferActions({ offer, etag, hasUnsavedChanges }: OfferActionsProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const setState = useSetOfferState(offer.id);
  const reloadOffer = useReloadOffer(offer.id);
  const navigate = useNavigate();
  const forgetOffer = useForgetOffer();
  const deleteButtonRef = useRef<HTMLButtonElement>(null);
  const stateButtonRef = useRef<HTMLButtonElement>(null);
  const statusConfirmation = useStatusConfirmation();
  const [deleting, setDeleting] = useState(false);
  const [deleted, setDeleted] = useState(false);

  // Leave only after the confirmation dialog has closed, with focus back on the page (see CreateOfferDialog).
  useEffect(() => {
    if (!deleted || deleting) return;
    void Promise.resolve(navigate('/offers', { replace: true })).then(() => forgetOffer(offer.id));
  }, [deleted, deleting, navigate, forgetOffer, offer.id]);

  function closeDeleteDialog() {
    setDeleting(false);
    deleteButtonRef.current?.focus();
  }
  const action = offer.state === 'live' ? 'unpublish' : 'publish';

  // Going live only raises the status; taking an offer back to draft takes it out of the catalogue and ends
  // co-sell ready, so it asks first, saying so.
  function changeState() {
    if (action === 'publish') {
      setState.mutate({ action, etag });
      return;
    }
    void statusConfirmation.confirmThen({
      request: { path: `${offerPath(offer.id)}/unpublish`, method: 'POST', ifMatch: etag },
      title: t('readiness.effect.unpublishTitle', { name: offer.name }),
      confirmLabel: t('offers.actions.unpublish'),
      proceed: () => setState.mutate({ action, etag }),
      returnFocusTo: stateButtonRef,
    });
  }

  return (
    <section className={styles.root} aria-labelledby="offer-actions-heading">
      <SubHeading level={1} id="offer-actions-heading">
        {t('offers.actions.heading')}
      </SubHeading>
      {isConflict(setState.error) ? (
        <ConflictMessage onReload={() => void reloadOffer().then(() => setState.reset())} />
      ) : (
        setState.isError && <ApiErrorMessage error={setState.error} />
      )}
      <Body1 className={styles.hint}>
        {hasUnsavedChanges
          ? t('offers.actions.saveFirst')
          : offer.state === 'live'
            ? t('offers.actions.liveHint')
            : t('offers.actions.draftHint')}
      </Body1>
      <div className={styles.buttons}>
        <Button
          appearance={action === 'publish' ? 'primary' : 'secondary'}
          icon={action === 'publish' ? <GlobeRegular /> : <ArrowUndoRegular />}
          ref={stateButtonRef}
          disabled={hasUnsavedChanges}
          // Focusable while it works, so that focus stays on it (and returns to it after the dialog).
          disabledFocusable={setState.isPending || statusConfirmation.isChecking}
          onClick={changeState}
          data-testid={action === 'publish' ? 'publish-button' : 'unpublish-button'}
        >
          {action === 'publish' ? t('offers.actions.publish') : t('offers.actions.unpublish')}
        </Button>
        <Button
          ref={deleteButtonRef}
          icon={<DeleteRegular />}
          disabled={hasUnsavedChanges}
          onClick={() => setDeleting(true)}
          data-testid="delete-offer-button"
        >
          {t('offers.actions.delete')}
        </Button>
      </div>
      {statusConfirmation.dialog}
      {deleting && (
        <DeleteOfferDialog
          offer={offer}
          etag={etag}
          onClose={closeDeleteDialog}
          onDeleted={() => {
            setDeleted(true);
            closeDeleteDialog();
          }}
        />
      )}
    </section>
  );
}
