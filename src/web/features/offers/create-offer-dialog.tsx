import { Button, Dialog, DialogSurface } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Membership } from '../../../domain/schemas/auth.js';
import { CreateOfferForm } from './create-offer-form.js';

/**
 * "Create offer" for owners and editors; after creating, the person lands on the new offer's page. Mounted
 * only while open, so Fluent's focus-trap sentinels are not on the page until someone opens it.
 */
export function CreateOfferDialog({ organizations }: { organizations: readonly Membership[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const openerRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [createdId, setCreatedId] = useState<string | null>(null);

  // Leave for the new offer only once the dialog has closed the usual way (focus back on its opener): a modal
  // dialog removed while focus sat on its disabled submit button left the page marked aria-hidden.
  useEffect(() => {
    if (createdId && !open) void navigate(`/offers/${encodeURIComponent(createdId)}`);
  }, [createdId, open, navigate]);

  function close() {
    setOpen(false);
    openerRef.current?.focus();
  }

  return (
    <>
      <Button
        ref={openerRef}
        appearance="primary"
        icon={<AddRegular />}
        onClick={() => setOpen(true)}
        data-testid="create-offer-button"
      >
        {t('offers.create')}
      </Button>
      {open && (
        <Dialog open onOpenChange={(_event, data) => !data.open && close()}>
          <DialogSurface aria-describedby={undefined} data-testid="create-offer-dialog">
            <CreateOfferForm
              organizations={organizations}
              onCreated={(offer) => {
                setCreatedId(offer.id);
                close();
              }}
            />
          </DialogSurface>
        </Dialog>
      )}
    </>
  );
}
