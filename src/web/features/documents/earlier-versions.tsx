import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { DocumentDto } from '../../../domain/documents/document-schema.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { DownloadLink, useDocumentMeta } from './document-file.js';
import { useRestoreDocument } from './document-queries.js';

const useStyles = makeStyles({
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: `${tokens.spacingVerticalS} 0 0 0`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  text: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  name: { overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** A single-file slot's earlier versions, newest first: Download each, and Restore one as the next version. */
export function EarlierVersions({
  offerId,
  versions,
  canWrite,
}: {
  offerId: string;
  versions: readonly DocumentDto[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const meta = useDocumentMeta();
  const restore = useRestoreDocument(offerId);
  return (
    <details data-testid="earlier-versions">
      <summary className={styles.summary}>
        {t('documents.versions.heading', { total: versions.length })}
      </summary>
      {restore.isError && (
        <div role="alert">
          <ApiErrorMessage error={restore.error} />
        </div>
      )}
      <ul className={styles.list}>
        {versions.map((version) => (
          <li key={version.id} className={styles.item} data-testid="earlier-version">
            <div className={styles.text}>
              <Text className={styles.name}>
                {t('documents.file.version', { version: version.version })}: {version.fileName}
              </Text>
              <Caption1 className={styles.meta}>{meta(version)}</Caption1>
            </div>
            <DownloadLink
              document={version}
              label={t('documents.versions.downloadNamed', { version: version.version })}
            >
              {t('documents.download')}
            </DownloadLink>
            {canWrite && (
              <Button
                icon={<ArrowUndoRegular />}
                disabledFocusable={restore.isPending}
                onClick={() => restore.mutate(version.id)}
                aria-label={t('documents.versions.restoreNamed', { version: version.version })}
                data-testid="restore-button"
              >
                {t('documents.versions.restore')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
