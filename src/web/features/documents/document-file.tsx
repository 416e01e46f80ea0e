import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DeleteRegular, DocumentRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDto } from '../../../domain/documents/document-schema.js';
import { useFormatDateTime } from '../../components/use-format-date-time.js';
import { fileTypeName, formatBytes } from './document-format.js';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  icon: { fontSize: '24px', color: tokens.colorBrandForeground1, flexShrink: 0 },
  text: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** "PDF · 2.4 MB · Olivia Owner, 24 Nov 2026, 14:03": what a file is, at a glance. */
export function useDocumentMeta() {
  const { t, i18n } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (document: DocumentDto) =>
    t('documents.file.meta', {
      type: fileTypeName(document.contentType, document.fileName),
      size: formatBytes(document.size, i18n.resolvedLanguage ?? 'en'),
      name: document.uploadedBy.name,
      when: formatDateTime(document.uploadedAt),
    });
}

/** A download link for a document: same origin, so the session cookie goes along. */
export function DownloadLink({
  document,
  label,
  children,
}: {
  document: DocumentDto;
  /** The accessible name, beginning with the visible text ("Download deck.pdf"). */
  label: string;
  children: ReactNode;
}) {
  return (
    <Button
      as="a"
      href={document.contentUrl}
      download={document.fileName}
      icon={<ArrowDownloadRegular />}
      aria-label={label}
      data-testid="document-download"
    >
      {children}
    </Button>
  );
}

/** One current file of a slot: name, type, size, who uploaded it and when; Download, and Delete for writers. */
export function DocumentFile({
  document,
  showVersion,
  onDelete,
}: {
  document: DocumentDto;
  showVersion: boolean;
  onDelete?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const meta = useDocumentMeta();
  return (
    <div className={styles.row} data-testid="document-file">
      <DocumentRegular className={styles.icon} aria-hidden="true" />
      <div className={styles.text}>
        <Text className={styles.name} data-testid="document-file-name">
          {document.fileName}
        </Text>
        <Caption1 className={styles.meta}>
          {showVersion && `${t('documents.file.version', { version: document.version })} · `}
          {meta(document)}
        </Caption1>
      </div>
      <div className={styles.actions}>
        <DownloadLink
          document={document}
          label={t('documents.downloadNamed', { fileName: document.fileName })}
        >
          {t('documents.download')}
        </DownloadLink>
        {onDelete && (
          <Button
            icon={<DeleteRegular />}
            onClick={onDelete}
            aria-label={t('documents.deleteNamed', { fileName: document.fileName })}
            data-testid="document-delete"
          >
            {t('documents.delete')}
          </Button>
        )}
      </div>
    </div>
  );
}
