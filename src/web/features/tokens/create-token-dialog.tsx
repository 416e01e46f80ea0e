import { Button, Dialog, DialogSurface } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedToken } from '../../../domain/schemas/tokens.js';
import { CreateTokenForm } from './create-token-form.js';
import { CreatedTokenPanel } from './created-token-panel.js';

/**
 * "Create token" opens a form; after success the same dialog shows the secret until the person closes it.
 * The dialog is mounted only while open: Fluent's focus trap adds hidden sentinels to the page once a dialog
 * exists, and we keep pages free of them until someone actually opens one.
 */
export function CreateTokenDialog() {
  const { t } = useTranslation();
  const openerRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  function close() {
    setOpen(false);
    // Forget the secret as soon as the dialog closes: it must not be shown again.
    setCreated(null);
    openerRef.current?.focus();
  }

  return (
    <>
      <Button
        ref={openerRef}
        appearance="primary"
        icon={<AddRegular />}
        onClick={() => setOpen(true)}
        data-testid="create-token-button"
      >
        {t('tokens.create')}
      </Button>
      {open && (
        <Dialog
          open
          onOpenChange={(_event, data) => !data.open && close()}
          // Once the secret is on screen, a stray click outside must not throw it away.
          modalType={created ? 'alert' : 'modal'}
        >
          <DialogSurface aria-describedby={undefined}>
            {created ? <CreatedTokenPanel token={created} /> : <CreateTokenForm onCreated={setCreated} />}
          </DialogSurface>
        </Dialog>
      )}
    </>
  );
}
