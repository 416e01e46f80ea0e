import { makeStyles, tokens } from '@fluentui/react-components';
import { ContactCardRegular, DocumentRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../api/reference-queries.js';
import { EmptyState } from '../../components/empty-state.js';
import { SubHeading } from '../../components/headings.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { ListingForm } from './listing-form.js';
import { useListing } from './listing-queries.js';
import { ListingSummary } from './listing-summary.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface CoSellTabProps {
  offerId: string;
  canWrite: boolean;
  onDirtyChange: (isDirty: boolean) => void;
}

/**
 * The offer's co-sell profile. The Listing works today; documents and contacts are the next parts of the
 * profile and have their places here already, marked as coming, with no controls that do nothing.
 */
export function CoSellTab({ offerId, canWrite, onDirtyChange }: CoSellTabProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const listing = useListing(offerId);
  const reference = useReference();
  return (
    <>
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
          />
        )}
      </section>
      <section className={styles.section} aria-labelledby="documents-heading" data-testid="documents-slot">
        <SubHeading level={1} id="documents-heading">
          {t('coSell.documents.heading')}
        </SubHeading>
        <EmptyState icon={<DocumentRegular />} title={t('coSell.comingLater')}>
          {t('coSell.documents.body')}
        </EmptyState>
      </section>
      <section className={styles.section} aria-labelledby="contacts-heading" data-testid="contacts-slot">
        <SubHeading level={1} id="contacts-heading">
          {t('coSell.contacts.heading')}
        </SubHeading>
        <EmptyState icon={<ContactCardRegular />} title={t('coSell.comingLater')}>
          {t('coSell.contacts.body')}
        </EmptyState>
      </section>
    </>
  );
}
