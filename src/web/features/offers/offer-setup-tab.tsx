import { useState } from 'react';
import type { Offer } from '../../../domain/schemas/offers.js';
import { OfferActions } from './offer-actions.js';
import { OfferSetupForm } from './offer-setup-form.js';

interface OfferSetupTabProps {
  offer: Offer;
  etag: string | null;
  canWrite: boolean;
  onDirtyChange: (isDirty: boolean) => void;
}

/** The offer's own fields, then what to do with the offer as a whole (publish, take back, delete). */
export function OfferSetupTab({ offer, etag, canWrite, onDirtyChange }: OfferSetupTabProps) {
  const [isDirty, setIsDirty] = useState(false);
  return (
    <>
      <OfferSetupForm
        offer={offer}
        etag={etag}
        canWrite={canWrite}
        onDirtyChange={(dirty) => {
          setIsDirty(dirty);
          onDirtyChange(dirty);
        }}
      />
      {canWrite && <OfferActions offer={offer} etag={etag} hasUnsavedChanges={isDirty} />}
    </>
  );
}
