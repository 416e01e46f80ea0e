import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { SubHeading } from '../../components/headings.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { useDocuments, useDocumentTemplates } from './document-queries.js';
import { ExternalUrlForm } from './external-url-form.js';
import { SlotCard } from './slot-card.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { maxWidth: '80ch', color: tokens.colorNeutralForeground2 },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 420px), 1fr))',
    gap: tokens.spacingVerticalM,
  },
});

/**
 * The offer's co-sell documents: one card per slot, then the external reference URL. Viewers see and
 * download; owners and editors also upload, replace, restore and remove.
 */
export function DocumentsSection({ offerId, canWrite }: { offerId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const documents = useDocuments(offerId);
  const templates = useDocumentTemplates();
  return (
    <section className={styles.section} aria-labelledby="documents-heading" data-testid="documents-section">
      <SubHeading level={1} id="documents-heading">
        {t('documents.heading')}
      </SubHeading>
      <Text className={styles.intro}>{t(canWrite ? 'documents.intro' : 'documents.readOnlyIntro')}</Text>
      {documents.isPending && <LoadingState />}
      {documents.isError && <QueryError error={documents.error} onRetry={() => void documents.refetch()} />}
      {documents.isSuccess && (
        <>
          <div className={styles.grid}>
            {documents.data.slots.map((slot) => (
              <SlotCard
                key={slot.id}
                offerId={offerId}
                slot={slot}
                limits={documents.data.limits}
                templates={(templates.data?.items ?? []).filter((item) => item.slot === slot.id)}
                guidance={templates.data?.guidance[slot.id] ?? []}
                canWrite={canWrite}
              />
            ))}
          </div>
          {documents.data.externalReferenceUrl !== undefined && (
            <ExternalUrlForm
              offerId={offerId}
              url={documents.data.externalReferenceUrl}
              canWrite={canWrite}
            />
          )}
        </>
      )}
    </section>
  );
}
