import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  mergeClasses,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowUploadRegular, DismissRegular } from '@fluentui/react-icons';
import { type DragEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxBytesFor } from '../../../domain/documents/document-formats.js';
import type { DocumentDto } from '../../../domain/documents/document-schema.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { formatBytes } from './document-format.js';
import { useDocumentUpload } from './use-document-upload.js';
import { useNewFileConfirmation } from './use-new-file-confirmation.js';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dragging: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  // Visually hidden, still in the accessibility tree and reachable for setInputFiles; the button opens it.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, width: '100%' },
  progressRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  bar: { flexGrow: 1 },
});

interface UploadPanelProps {
  offerId: string;
  slotId: string;
  slotLabel: string;
  /** The taxonomy's extensions (".pdf"), for the file picker. */
  extensions: readonly string[];
  limits: { documentMaxBytes: number; videoMaxBytes: number };
  /** A single-file slot that has a file: a new upload becomes its next version. */
  replaces: boolean;
  /** The file a new upload replaces, if any (the same bytes again change nothing). */
  current?: DocumentDto | undefined;
}

/**
 * Drop a file on the zone or pick one with the button (the keyboard path); the file goes up with a progress
 * bar and a Cancel button, and the server's refusal (too large, wrong type, slot full) is shown as it said.
 */
export function UploadPanel({
  offerId,
  slotId,
  slotLabel,
  extensions,
  limits,
  replaces,
  current,
}: UploadPanelProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const { state, start, refuse, cancel, dismiss } = useDocumentUpload(offerId, slotId);
  const newFile = useNewFileConfirmation(offerId, slotId, slotLabel, current);
  const uploading = state.status === 'uploading';
  const language = i18n.resolvedLanguage ?? 'en';

  function take(file: File | undefined) {
    if (!file || uploading) return;
    const maxBytes = maxBytesFor(file.name, limits);
    if (file.size > maxBytes) refuse(file, maxBytes);
    // A file that ends co-sell ready (new reviewed content) is asked about first.
    else void newFile.confirmThen(file, () => start(file));
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    take(event.dataTransfer.files[0]);
  }

  function onDragOver(event: DragEvent<HTMLDivElement>) {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = uploading ? 'none' : 'copy';
    setDragging(true);
  }

  const percent = uploading && state.total > 0 ? Math.floor((state.loaded / state.total) * 100) : 0;
  // Announced in steps of ten, so a screen reader is not flooded with every percent.
  const announced = uploading ? t('documents.upload.progress', { percent: percent - (percent % 10) }) : '';

  return (
    <>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the button is the keyboard path */}
      <div
        className={mergeClasses(styles.zone, dragging && styles.dragging)}
        onDragOver={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid={`drop-zone-${slotId}`}
      >
        <input
          ref={input}
          id={inputId}
          type="file"
          className={styles.hidden}
          tabIndex={-1}
          accept={extensions.join(',')}
          aria-label={t('documents.upload.inputLabel', { slot: slotLabel })}
          disabled={uploading}
          data-testid={`upload-input-${slotId}`}
          onChange={(event) => {
            take(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        {uploading ? (
          <div className={styles.progress} data-testid="upload-progress">
            <Text>{t('documents.upload.uploading', { fileName: state.fileName })}</Text>
            <div className={styles.progressRow}>
              <ProgressBar
                className={styles.bar}
                value={percent}
                max={100}
                thickness="large"
                aria-label={t('documents.upload.progressLabel', { fileName: state.fileName })}
                aria-valuetext={t('documents.upload.progress', { percent })}
              />
              <Text aria-hidden="true">{t('documents.upload.progress', { percent })}</Text>
              <Button icon={<DismissRegular />} onClick={cancel} data-testid="upload-cancel">
                {t('documents.upload.cancel')}
              </Button>
            </div>
          </div>
        ) : (
          <>
            <Button
              appearance="primary"
              icon={<ArrowUploadRegular />}
              onClick={() => input.current?.click()}
              aria-label={t(replaces ? 'documents.upload.replaceNamed' : 'documents.upload.chooseNamed', {
                slot: slotLabel,
              })}
              data-testid={`upload-button-${slotId}`}
            >
              {t(replaces ? 'documents.upload.replace' : 'documents.upload.choose')}
            </Button>
            <Text>{t('documents.upload.dropHint')}</Text>
          </>
        )}
      </div>
      {newFile.dialog}
      <div aria-live="polite" className={styles.hidden}>
        {announced}
      </div>
      {state.status === 'failed' && (
        <div role="alert" data-testid="upload-error">
          <ApiErrorMessage
            error={state.error}
            title={t('documents.upload.failed', { fileName: state.fileName })}
          />
        </div>
      )}
      {state.status === 'tooLarge' && (
        <div role="alert" data-testid="upload-error">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              {t('documents.upload.tooLarge', {
                fileName: state.fileName,
                max: formatBytes(state.maxBytes, language),
              })}
            </MessageBarBody>
            <MessageBarActions containerAction={<DismissButton onClick={dismiss} />} />
          </MessageBar>
        </div>
      )}
      {(state.status === 'cancelled' || state.status === 'done') && (
        <div role="status">
          <MessageBar intent={state.status === 'done' ? 'success' : 'info'}>
            <MessageBarBody>
              {state.status === 'done'
                ? t('documents.upload.done', { fileName: state.document.fileName })
                : t('documents.upload.cancelled', { fileName: state.fileName })}
            </MessageBarBody>
            <MessageBarActions containerAction={<DismissButton onClick={dismiss} />} />
          </MessageBar>
        </div>
      )}
    </>
  );
}

function DismissButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      appearance="transparent"
      icon={<DismissRegular />}
      aria-label={t('documents.dismiss')}
      onClick={onClick}
    />
  );
}
