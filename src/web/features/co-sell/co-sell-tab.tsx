import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListingValues } from '../../../domain/listing/listing-rules.js';
import { useReference } from '../../api/reference-queries.js';
import { SubHeading } from '../../components/headings.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { ContactsSection } from '../contacts/contacts-section.js';
import { DocumentsSection } from '../documents/documents-section.js';
import type { CoSellSection } from '../offers/offer-address.js';
import { ReadinessPanel } from '../readiness/readiness-panel.js';
import { useRefreshReadinessOnWrites } from '../readiness/readiness-queries.js';
import { ListingForm } from './listing-form.js';
import { useListing } from './listing-queries.js';
import { ListingSummary } from './listing-summary.js';
import { ReadinessSummary } from './readiness-summary.js';
import { useFocusChosenSection } from './section-focus.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  // [hidden] must win over the flex display, or sections not chosen would still show.
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    '&[hidden]': { display: 'none' },
  },
});

interface CoSellTabProps {
  offerId: string;
  /** The offer's markets, for the contacts' coverage. */
  markets: readonly string[];
  canWrite: boolean;
  /** The section in the address (/offers/:id/co-sell/<section>). */
  section: CoSellSection;
  onDirtyChange: (isDirty: boolean) => void;
}

/**
 * The offer's co-sell profile in four sections, one shown at a time at an address of its own: Readiness,
 * Listing, Documents and Contacts, under a summary of the readiness that stays in view. A section stays
 * mounted once opened, so unsaved input survives a visit to another one.
 */
export function CoSellTab({ offerId, markets, canWrite, section, onDirtyChange }: CoSellTabProps) {
  const styles = useStyles();
  // The readiness follows every save, whichever section made it.
  useRefreshReadinessOnWrites(offerId);
  useFocusChosenSection(section);
  const [opened, setOpened] = useState<ReadonlySet<CoSellSection>>(() => new Set([section]));
  if (!opened.has(section)) setOpened(new Set([...opened, section]));
  // Unsaved input in the listing form or in a contact form both hold the page.
  const [dirty, setDirty] = useState({ listing: false, contacts: false });
  const [listingDraft, setListingDraft] = useState<ListingValues | null>(null);
  useEffect(() => onDirtyChange(dirty.listing || dirty.contacts), [dirty, onDirtyChange]);
  const reportDirty = (part: keyof typeof dirty) => (isDirty: boolean) =>
    setDirty((d) => (d[part] === isDirty ? d : { ...d, [part]: isDirty }));
  // The ids are where the readiness panel's Fix buttons look for their field (readiness/fix-target.ts).
  const sectionProps = (name: CoSellSection) => ({
    className: styles.section,
    hidden: name !== section,
    'data-testid': `co-sell-section-${name}`,
  });
  return (
    <div className={styles.root}>
      <ReadinessSummary offerId={offerId} section={section} listingDraft={listingDraft} />
      {opened.has('readiness') && (
        <div {...sectionProps('readiness')}>
          <ReadinessPanel offerId={offerId} canWrite={canWrite} />
        </div>
      )}
      {opened.has('listing') && (
        <div id="section-listing" {...sectionProps('listing')}>
          <ListingSection
            offerId={offerId}
            canWrite={canWrite}
            onDirtyChange={reportDirty('listing')}
            onDraftChange={setListingDraft}
          />
        </div>
      )}
      {opened.has('documents') && (
        <div id="section-documents" {...sectionProps('documents')}>
          <DocumentsSection offerId={offerId} canWrite={canWrite} />
        </div>
      )}
      {opened.has('contacts') && (
        <div id="section-contacts" {...sectionProps('contacts')}>
          <ContactsSection
            offerId={offerId}
            markets={markets}
            canWrite={canWrite}
            onDirtyChange={reportDirty('contacts')}
          />
        </div>
      )}
    </div>
  );
}

interface ListingSectionProps {
  offerId: string;
  canWrite: boolean;
  onDirtyChange: (isDirty: boolean) => void;
  onDraftChange: (draft: ListingValues | null) => void;
}

/** The listing: a form for owners and editors, its content as text for everyone else. */
function ListingSection({ offerId, canWrite, onDirtyChange, onDraftChange }: ListingSectionProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const listing = useListing(offerId);
  const reference = useReference();
  return (
    <section className={styles.section} aria-labelledby="listing-heading">
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
          onDirtyChange={onDirtyChange}
          onDraftChange={onDraftChange}
        />
      )}
    </section>
  );
}
