import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../api/reference-queries.js';
import { SubHeading } from '../../components/headings.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { ContactsSection } from '../contacts/contacts-section.js';
import { DocumentsSection } from '../documents/documents-section.js';
import { ReadinessPanel } from '../readiness/readiness-panel.js';
import { ListingForm } from './listing-form.js';
import { useListing } from './listing-queries.js';
import { ListingSummary } from './listing-summary.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface CoSellTabProps {
  offerId: string;
  /** The offer's markets, for the contacts' coverage. */
  markets: readonly string[];
  canWrite: boolean;
  onDirtyChange: (isDirty: boolean) => void;
}

/**
 * The offer's co-sell profile: its readiness first, then the Listing, the Documents and the Contacts.
 */
export function CoSellTab({ offerId, markets, canWrite, onDirtyChange }: CoSellTabProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const listing = useListing(offerId);
  const reference = useReference();
  // Unsaved input in the listing form or in a contact form both hold the page.
  const [dirty, setDirty] = useState({ listing: false, contacts: false });
  useEffect(() => onDirtyChange(dirty.listing || dirty.contacts), [dirty, onDirtyChange]);
  const reportDirty = (part: keyof typeof dirty) => (isDirty: boolean) =>
    setDirty((d) => (d[part] === isDirty ? d : { ...d, [part]: isDirty }));
  return (
    <>
      <ReadinessPanel offerId={offerId} canWrite={canWrite} />
      <section id="section-listing" className={styles.section} aria-labelledby="listing-heading">
        <SubHeading level={1} id="listing-heading">
          {t('listing.heading')}
        </SubHeading>
        {(listing.isPending || reference.isPending) && <LoadingState />}
        {listing.isError && <QueryError error={listing.error} onRetry={() => void listing.refetch()} />}
        {reference.isError && <QueryError error={reference.error} onRetry={() => void reference.refetch()} />}
        {listing.isSuccess && reference.isSuccess && !canWrite && (
          <ListingSummary listing={listing.data.data} taxonomy={reference.data} />
        )}
        {listing.isSuccess && reference.isSuccess && canWrite && (
          <ListingForm
            offerId={offerId}
            listing={listing.data.data}
            etag={listing.data.etag}
            taxonomy={reference.data}
            canWrite={canWrite}
            onDirtyChange={reportDirty('listing')}
          />
        )}
      </section>
      {/* The ids are where the readiness panel's Fix buttons scroll to. */}
      <div id="section-documents" className={styles.section}>
        <DocumentsSection offerId={offerId} canWrite={canWrite} />
      </div>
      <div id="section-contacts" className={styles.section}>
        <ContactsSection
          offerId={offerId}
          markets={markets}
          canWrite={canWrite}
          onDirtyChange={reportDirty('contacts')}
        />
      </div>
    </>
  );
}
