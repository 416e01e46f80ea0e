import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../domain/schemas/offers.js';
import { useFormatDateTime } from '../../components/use-format-date-time.js';
import { en } from '../../i18n/en.js';
import { formatHistoryValue } from './history-format.js';
import { useHistoryVocabulary } from './use-history-vocabulary.js';

const useStyles = makeStyles({
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderInlineStartWidth: tokens.strokeWidthThicker,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke2,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  when: { color: tokens.colorNeutralForeground2 },
  changes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  arrow: { paddingInline: tokens.spacingHorizontalXS },
});

type EventKey = keyof typeof en.history.events;
type FieldKey = keyof typeof en.history.fields;

function eventKey(subject: string, action: string): EventKey | null {
  const key = `${subject}_${action}`;
  return Object.hasOwn(en.history.events, key) ? (key as EventKey) : null;
}

function isFieldKey(field: string): field is FieldKey {
  return Object.hasOwn(en.history.fields, field);
}

/** One entry: who and when, what happened, and each field's value before → after. */
export function HistoryEntryItem({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();
  const words = useHistoryVocabulary();
  const key = eventKey(entry.subject, entry.action);
  const what = key
    ? t(`history.events.${key}`, { actor: entry.actor.name })
    : t('history.otherEvent', { actor: entry.actor.name, subject: entry.subject, action: entry.action });
  const isCreation = entry.action === 'created';
  return (
    <li
      className={styles.entry}
      data-testid="history-entry"
      data-subject={entry.subject}
      data-action={entry.action}
    >
      <Text weight="semibold">{what}</Text>
      <Text size={200} className={styles.when}>
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </Text>
      {entry.changes.length > 0 && (
        <ul className={styles.changes}>
          {entry.changes.map((change) => {
            const label = isFieldKey(change.field) ? t(`history.fields.${change.field}`) : change.field;
            const after = formatHistoryValue(change.field, change.after, words);
            if (isCreation) {
              return <li key={change.field}>{t('history.setTo', { field: label, value: after })}</li>;
            }
            const before = formatHistoryValue(change.field, change.before, words);
            return <li key={change.field}>{t('history.changedFrom', { field: label, before, after })}</li>;
          })}
        </ul>
      )}
    </li>
  );
}
