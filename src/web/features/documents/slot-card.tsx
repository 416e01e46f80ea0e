import {
  Badge,
  Caption1,
  Card,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DocumentDto,
  DocumentsOverview,
  DocumentTemplates,
} from '../../../domain/documents/document-schema.js';
import { DeleteDocumentDialog } from './delete-document-dialog.js';
import { DocumentFile } from './document-file.js';
import { EarlierVersions } from './earlier-versions.js';
import { useSlotText } from './slot-labels.js';
import { UploadPanel } from './upload-panel.js';

type SlotState = DocumentsOverview['slots'][number];

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  count: { marginLeft: 'auto', color: tokens.colorNeutralForeground2 },
  empty: { color: tokens.colorNeutralForeground2 },
  files: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  templates: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  templateLink: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  summary: { cursor: 'pointer' },
  guidance: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

interface SlotCardProps {
  offerId: string;
  slot: SlotState;
  limits: DocumentsOverview['limits'];
  templates: DocumentTemplates['items'];
  guidance: readonly string[];
  canWrite: boolean;
}

/** One document slot at a glance: what is in it, its templates and guidance, and (for writers) upload. */
export function SlotCard({ offerId, slot, limits, templates, guidance, canWrite }: SlotCardProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const slotText = useSlotText();
  const [deleting, setDeleting] = useState<DocumentDto | null>(null);
  const label = slotText.label(slot.id, slot.label);
  const lines = slotText.guidance(slot.id, guidance);
  const single = slot.maxFiles === 1;
  const headingId = `document-slot-heading-${slot.id}`;
  const full = !single && slot.documents.length >= slot.maxFiles;

  return (
    <Card
      className={styles.card}
      role="region"
      aria-labelledby={headingId}
      data-testid={`document-slot-${slot.id}`}
    >
      <div className={styles.header}>
        <Subtitle2 as="h3" id={headingId} className={styles.title}>
          {label}
        </Subtitle2>
        {slot.requiredForCoSellReady && (
          <Badge appearance="tint" color="brand" data-testid="required-badge">
            {t('documents.requiredBadge')}
          </Badge>
        )}
        {!single && (
          <Caption1 className={styles.count} data-testid="slot-count">
            {t('documents.count', { current: slot.documents.length, max: slot.maxFiles })}
          </Caption1>
        )}
      </div>

      {slot.documents.length === 0 ? (
        <Text className={styles.empty} data-testid="slot-empty">
          {t('documents.empty')}
        </Text>
      ) : (
        <ul className={styles.files}>
          {slot.documents.map((document) => (
            <li key={document.id}>
              <DocumentFile
                document={document}
                showVersion={single}
                onDelete={canWrite ? () => setDeleting(document) : undefined}
              />
            </li>
          ))}
        </ul>
      )}

      {canWrite &&
        (full ? (
          <MessageBar intent="info" data-testid="slot-full">
            <MessageBarBody>{t('documents.full', { max: slot.maxFiles })}</MessageBarBody>
          </MessageBar>
        ) : (
          <UploadPanel
            offerId={offerId}
            slotId={slot.id}
            slotLabel={label}
            extensions={limits.fileExtensions}
            limits={limits}
            replaces={single && slot.documents.length > 0}
            current={single ? slot.documents[0] : undefined}
          />
        ))}

      {single && slot.versions && slot.versions.length > 0 && (
        <EarlierVersions offerId={offerId} versions={slot.versions} canWrite={canWrite} />
      )}

      {templates.length > 0 && (
        <div className={styles.templates} data-testid="slot-templates">
          <Text>{t('documents.templates')}</Text>
          {templates.map((template) => (
            <Link
              key={template.id}
              href={template.url}
              download={template.fileName}
              className={styles.templateLink}
              data-testid={`template-${template.id}`}
            >
              <ArrowDownloadRegular aria-hidden="true" />
              {t('documents.downloadTemplate', { name: template.flavour ?? template.title })}
            </Link>
          ))}
        </div>
      )}

      {lines.length > 0 && (
        <details data-testid="slot-guidance">
          <summary className={styles.summary}>
            {t(
              slot.id === 'referenceArchitectureDiagram'
                ? 'documents.guidanceDiagram'
                : 'documents.guidanceTitle',
            )}
          </summary>
          <ul className={styles.guidance}>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      )}

      {deleting && (
        <DeleteDocumentDialog
          offerId={offerId}
          document={deleting}
          keepsVersion={single}
          onClose={() => setDeleting(null)}
        />
      )}
    </Card>
  );
}
