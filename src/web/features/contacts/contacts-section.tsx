import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../domain/contacts/contact-schema.js';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import { useReference } from '../../api/reference-queries.js';
import { SubHeading } from '../../components/headings.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import {
  contactsCsvPath,
  contactsTemplatePath,
  contactsXlsxPath,
  contactsXlsxTemplatePath,
  useContacts,
} from './contact-queries.js';
import { ContactsEditor, type ContactsEditorProps } from './contacts-editor.js';
import { CoverageGrid } from './coverage-grid.js';
import { ImportPanel } from './import-panel.js';
import { useContactLabels } from './use-contact-labels.js';
import { useContactUndo } from './use-contact-undo.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL },
  link: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  meta: { color: tokens.colorNeutralForeground2 },
});

interface ContactsSectionProps {
  offerId: string;
  /** The offer's markets: the coverage is computed for them. */
  markets: readonly string[];
  canWrite: boolean;
  onDirtyChange: (isDirty: boolean) => void;
}

/**
 * The Contacts part of the co-sell profile: the people Microsoft sellers contact, per country/region and
 * role; edited one by one or replaced from a CSV file; and how well they cover the offer's markets.
 * Viewers read the contacts and may export them.
 */
export function ContactsSection({ offerId, markets, canWrite, onDirtyChange }: ContactsSectionProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const reference = useReference();
  const contacts = useContacts(offerId, markets);
  return (
    <section className={styles.section} aria-labelledby="contacts-heading" data-testid="contacts-section">
      <SubHeading level={1} id="contacts-heading">
        {t('coSell.contacts.heading')}
      </SubHeading>
      <Text>{t('contacts.intro')}</Text>
      {!canWrite && <Text className={styles.meta}>{t('contacts.readOnlyNote')}</Text>}
      {(contacts.isPending || reference.isPending) && <LoadingState />}
      {contacts.isError && <QueryError error={contacts.error} onRetry={() => void contacts.refetch()} />}
      {reference.isError && <QueryError error={reference.error} onRetry={() => void reference.refetch()} />}
      {contacts.isSuccess && reference.isSuccess && (
        <ContactsLoaded
          offerId={offerId}
          canWrite={canWrite}
          onDirtyChange={onDirtyChange}
          list={contacts.data}
          reference={reference.data}
          onReload={() => contacts.refetch()}
        />
      )}
    </section>
  );
}

type ContactsLoadedProps = Pick<
  ContactsEditorProps,
  'offerId' | 'canWrite' | 'onDirtyChange' | 'list' | 'onReload'
> & { reference: ReferenceResponse };

function ContactsLoaded(props: ContactsLoadedProps) {
  const { offerId, canWrite, list, reference } = props;
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useContactLabels(reference);
  const undo = useContactUndo(offerId, list.etag);
  const [announcement, setAnnouncement] = useState('');
  // The list as it was when an import was confirmed, for Undo once it is done.
  const beforeImport = useRef<readonly Contact[]>([]);
  const coverage = list.data.coverage;
  return (
    <>
      <Text role="status" aria-live="polite" data-testid="contacts-announcement">
        {announcement}
      </Text>
      <ContactsEditor {...props} labels={labels} undo={undo} announce={setAnnouncement} />
      <div className={styles.part}>
        <SubHeading level={2} id="contacts-csv-heading">
          {t('contacts.csv.heading')}
        </SubHeading>
        <div className={styles.links}>
          <Link href={contactsTemplatePath} download className={styles.link} data-testid="template-link">
            <ArrowDownloadRegular aria-hidden="true" />
            {t('contacts.csv.template')}
          </Link>
          <Link href={contactsCsvPath(offerId)} download className={styles.link} data-testid="export-link">
            <ArrowDownloadRegular aria-hidden="true" />
            {t('contacts.csv.export')}
          </Link>
          <Link
            href={contactsXlsxTemplatePath}
            download
            className={styles.link}
            data-testid="xlsx-template-link"
          >
            <ArrowDownloadRegular aria-hidden="true" />
            {t('contacts.csv.templateXlsx')}
          </Link>
          <Link
            href={contactsXlsxPath(offerId)}
            download
            className={styles.link}
            data-testid="xlsx-export-link"
          >
            <ArrowDownloadRegular aria-hidden="true" />
            {t('contacts.csv.exportXlsx')}
          </Link>
        </div>
        {canWrite && (
          <ImportPanel
            offerId={offerId}
            labels={labels}
            etag={list.etag}
            onReload={props.onReload}
            onBeforeImport={() => {
              beforeImport.current = list.data.items;
            }}
            onImported={(report) => {
              undo.remember({ kind: 'imported', count: report.rows }, beforeImport.current);
              setAnnouncement('');
            }}
          />
        )}
      </div>
      <div className={styles.part}>
        <SubHeading level={2} id="contacts-coverage-heading">
          {t('contacts.coverage.heading')}
        </SubHeading>
        <Text className={styles.meta}>{t('contacts.coverage.intro')}</Text>
        {coverage && <CoverageGrid coverage={coverage} reference={reference} labels={labels} />}
      </div>
    </>
  );
}
