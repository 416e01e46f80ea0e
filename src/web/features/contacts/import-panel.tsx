import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { type ChangeEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../domain/contacts/contact-schema.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { isConflict } from '../../components/conflict-message.js';
import { LoadingState } from '../../components/query-state.js';
import { useProblemText } from '../../i18n/problem-text.js';
import { StatusEffectNotice } from '../readiness/status-effect-notice.js';
import { useImportContacts } from './contact-queries.js';
import { ImportDiff, ImportErrorsTable } from './import-preview.js';
import type { ContactLabels } from './use-contact-labels.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  preview: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  meta: { color: tokens.colorNeutralForeground2 },
});

interface ImportPanelProps {
  offerId: string;
  labels: ContactLabels;
  /** The contacts' ETag as last read: the check is made against that list, and refused once it changed. */
  etag: string | null;
  /** Reads the contacts (and their ETag) again, after someone else changed them. */
  onReload: () => Promise<unknown>;
  /** Called once the contacts were replaced, before the list refreshes (Undo keeps what was there). */
  onImported: (report: ImportReport) => void;
  /** Called when the person starts an import, to keep the list from before it for Undo. */
  onBeforeImport: () => void;
}

// What the file picker offers: CSV and .xlsx workbooks, by extension and by the types browsers give them.
const IMPORT_ACCEPT = [
  '.csv',
  'text/csv',
  '.xlsx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',');

type Stage =
  | { kind: 'idle' }
  | { kind: 'preview'; file: File; report: ImportReport }
  | { kind: 'done'; report: ImportReport };

/**
 * Import always checks first: the chosen file goes up as a dry run and the person sees its problems (and no
 * way to import) or exactly what would change, then confirms to replace all contacts with the file's.
 */
export function ImportPanel({
  offerId,
  labels,
  etag,
  onReload,
  onImported,
  onBeforeImport,
}: ImportPanelProps) {
  const { t } = useTranslation();
  const say = useProblemText();
  const styles = useStyles();
  const upload = useImportContacts(offerId);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  // The file last checked, to check again after someone else changed the contacts meanwhile.
  const [checked, setChecked] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const hintId = useId();

  /** A refused check or import: after a 412 the list is read again, so that checking again uses it. */
  async function refused(error: unknown): Promise<null> {
    if (isConflict(error)) await onReload();
    return null;
  }

  async function check(file: File) {
    setStage({ kind: 'idle' });
    setChecked(file);
    const report = await upload.mutateAsync({ file, dryRun: true, etag }).catch(refused);
    if (report) setStage({ kind: 'preview', file, report });
  }

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Cleared so choosing the same (corrected) file again is a new choice.
    event.target.value = '';
    if (file) void check(file);
  }

  async function confirm(file: File, previewed: ImportReport) {
    onBeforeImport();
    const previewedEtag = previewed.version === undefined ? etag : `"${previewed.version}"`;
    const report = await upload.mutateAsync({ file, dryRun: false, etag: previewedEtag }).catch(refused);
    if (!report) return;
    if (report.applied) {
      setStage({ kind: 'done', report });
      onImported(report);
    } else {
      setStage({ kind: 'preview', file, report });
    }
  }

  const preview = stage.kind === 'preview' ? stage : null;
  const failed = upload.isError ? upload.error : null;

  return (
    <div className={styles.root}>
      {/* The browser's own file input is hidden: its button text would not follow the app's language. */}
      <input
        ref={fileInput}
        type="file"
        accept={IMPORT_ACCEPT}
        hidden
        onChange={choose}
        data-testid="import-file-input"
      />
      <div>
        <Button
          icon={<ArrowUploadRegular />}
          disabled={upload.isPending}
          aria-describedby={hintId}
          onClick={() => fileInput.current?.click()}
          data-testid="import-button"
        >
          {t('contacts.csv.import')}
        </Button>
      </div>
      <Text id={hintId} size={200} className={styles.meta}>
        {t('contacts.csv.replaceWarning')}
      </Text>
      <div aria-live="polite">
        {upload.isPending && (
          <LoadingState
            label={upload.variables?.dryRun ? t('contacts.csv.checking') : t('contacts.csv.importing')}
          />
        )}
      </div>
      {failed !== null && (
        <div role="alert">
          <ApiErrorMessage
            error={failed}
            title={isConflict(failed) ? t('contacts.preview.conflict') : t('contacts.preview.failed')}
          />
          {isConflict(failed) && checked && (
            <Button onClick={() => void check(checked)}>{t('contacts.preview.checkAgain')}</Button>
          )}
        </div>
      )}
      {stage.kind === 'done' && stage.report.diff && (
        <MessageBar intent="success" role="status" data-testid="import-success">
          <MessageBarBody>
            <MessageBarTitle>{t('contacts.success.title')}</MessageBarTitle>
            {t('contacts.success.body', {
              added: stage.report.diff.added.length,
              removed: stage.report.diff.removed.length,
              changed: stage.report.diff.changed.length,
              unchanged: stage.report.diff.unchanged,
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview && (
        <section
          className={styles.preview}
          aria-label={t('contacts.preview.label', { file: preview.file.name })}
          data-testid="import-preview"
        >
          <Text weight="semibold">{t('contacts.preview.label', { file: preview.file.name })}</Text>
          {/* How the file was read; nothing to say of a file that could not be read at all. */}
          {preview.report.sheet !== undefined ? (
            <Text className={styles.meta}>
              {t('contacts.preview.readSheet', { count: preview.report.rows, sheet: preview.report.sheet })}
            </Text>
          ) : (
            preview.report.encoding !== undefined && (
              <Text className={styles.meta}>
                {t('contacts.preview.read', {
                  count: preview.report.rows,
                  encoding: preview.report.encoding,
                  delimiter: t(`contacts.preview.${delimiterName(preview.report.delimiter)}`),
                })}
              </Text>
            )
          )}
          {/* Worth a look but no reason to refuse: the import stays possible. */}
          {preview.report.warnings?.map((warning) => (
            <MessageBar key={warning.key} intent="warning" layout="multiline" data-testid="import-warning">
              <MessageBarBody>
                <MessageBarTitle>{t('contacts.preview.warningTitle')}</MessageBarTitle>
                {say({ key: warning.key, params: warning.params, message: warning.message })}
              </MessageBarBody>
            </MessageBar>
          ))}
          {preview.report.ok ? (
            <>
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{t('contacts.preview.okTitle')}</MessageBarTitle>
                  {t('contacts.preview.replaceNote')}
                </MessageBarBody>
              </MessageBar>
              {preview.report.diff && <ImportDiff diff={preview.report.diff} labels={labels} />}
              {/* What the import would do to the co-sell status, from the server's dry run. */}
              {preview.report.statusEffect && <StatusEffectNotice effect={preview.report.statusEffect} />}
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  disabledFocusable={upload.isPending}
                  onClick={() => void confirm(preview.file, preview.report)}
                  data-testid="import-confirm"
                >
                  {upload.isPending ? t('contacts.preview.confirming') : t('contacts.preview.confirm')}
                </Button>
                <Button onClick={() => setStage({ kind: 'idle' })} data-testid="import-cancel">
                  {t('offers.cancel')}
                </Button>
              </div>
            </>
          ) : (
            <>
              <MessageBar intent="error" layout="multiline" role="alert">
                <MessageBarBody>
                  <MessageBarTitle>
                    {t('contacts.preview.errorsTitle', { count: preview.report.errors.length })}
                  </MessageBarTitle>
                  {t('contacts.preview.errorsHint')}
                </MessageBarBody>
              </MessageBar>
              <ImportErrorsTable errors={preview.report.errors} labels={labels} />
            </>
          )}
        </section>
      )}
    </div>
  );
}

/**
 * The server names the separator ("semicolon"); older answers may give the character itself. Gives the
 * message key's last part rather than taking `t`: typing a `t` parameter makes TypeScript expand every key
 * of the dictionary, which it refuses as "excessively deep" once the dictionary grows.
 */
function delimiterName(delimiter: string | undefined): 'semicolon' | 'tab' | 'comma' {
  if (delimiter === ';' || delimiter === 'semicolon') return 'semicolon';
  if (delimiter === '\t' || delimiter === 'tab') return 'tab';
  return 'comma';
}
