import { Caption1, Link, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentRegular, OpenRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ReviewContent, SubmittedDocument } from '../../../domain/schemas/review-content.js';
import { useFormatDateTime } from '../../components/use-format-date-time.js';
import { fileTypeName, formatBytes } from '../documents/document-format.js';
import type { ContentLabels } from './use-content-labels.js';

const useStyles = makeStyles({
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  slots: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0 },
  slot: { listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  file: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  icon: { flexShrink: 0, fontSize: '20px', color: tokens.colorBrandForeground1 },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  link: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    overflowWrap: 'anywhere',
  },
  meta: { color: tokens.colorNeutralForeground2 },
});

interface SubmittedDocumentsProps {
  content: ReviewContent;
  labels: ContentLabels;
  /** Whether the reader may open the files; otherwise their names show without links. */
  canOpen: boolean;
}

/**
 * Every submitted file by slot: its name (a link that opens PDF and images in a new tab and downloads Office
 * files), type, size, version, and who uploaded it when. The exact version submitted, even if replaced since.
 */
export function SubmittedDocuments({ content, labels, canOpen }: SubmittedDocumentsProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.part} data-testid="submitted-documents">
      <Subtitle2 as="h3">{t('reviews.content.documents')}</Subtitle2>
      {content.documents.length === 0 && <Text>{t('reviews.content.noDocuments')}</Text>}
      {!canOpen && content.documents.length > 0 && (
        <Text className={styles.meta}>{t('reviews.content.cannotOpen')}</Text>
      )}
      <ul className={styles.slots}>
        {content.documents.map((slot) => (
          <li key={slot.slot.id} className={styles.slot} data-testid={`submitted-slot-${slot.slot.id}`}>
            <Text weight="semibold">{labels.slotLabel(slot.slot)}</Text>
            {slot.files.map((file) => (
              <SubmittedFile key={file.id} file={file} canOpen={canOpen} />
            ))}
            {slot.recorded > slot.files.length && (
              <Text className={styles.meta}>
                {t('reviews.content.filesNotRecorded', { count: slot.recorded - slot.files.length })}
              </Text>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function SubmittedFile({ file, canOpen }: { file: SubmittedDocument; canOpen: boolean }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();
  const meta = t('reviews.content.fileMeta', {
    type: fileTypeName(file.contentType, file.fileName),
    size: formatBytes(file.size, i18n.resolvedLanguage ?? 'en'),
    version: file.version,
    when: formatDateTime(file.uploadedAt),
    name: file.uploadedBy,
  });
  return (
    <div className={styles.file} data-testid="submitted-file">
      <DocumentRegular aria-hidden="true" className={styles.icon} />
      <div className={styles.text}>
        {canOpen ? (
          <Link
            className={styles.link}
            href={file.contentUrl}
            data-testid="submitted-file-link"
            aria-label={t(file.opensInline ? 'reviews.content.opensInNewTab' : 'reviews.content.downloads', {
              fileName: file.fileName,
            })}
            {...(file.opensInline
              ? { target: '_blank', rel: 'noopener noreferrer' }
              : { download: file.fileName })}
          >
            {file.fileName}
            {file.opensInline ? (
              <OpenRegular aria-hidden="true" />
            ) : (
              <ArrowDownloadRegular aria-hidden="true" />
            )}
          </Link>
        ) : (
          <Text weight="semibold">{file.fileName}</Text>
        )}
        <Caption1 className={styles.meta}>{meta}</Caption1>
      </div>
    </div>
  );
}
