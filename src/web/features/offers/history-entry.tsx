import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { describeHistoryEntry } from '../../../domain/messages/describe-history.js';
import type { MessageWords } from '../../../domain/messages/message-words.js';
import type { HistoryEntry } from '../../../domain/schemas/offers.js';
import { useFormatDateTime } from '../../components/use-format-date-time.js';

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
    overflowWrap: 'anywhere',
  },
  when: { color: tokens.colorNeutralForeground2 },
  changes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** One entry: what happened in a sentence, when, why (status changes), and each change in words. */
export function HistoryEntryItem({ entry, words }: { entry: HistoryEntry; words: MessageWords }) {
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();
  const { headline, reason, details } = describeHistoryEntry(entry, words);
  return (
    <li
      className={styles.entry}
      data-testid="history-entry"
      data-subject={entry.subject}
      data-action={entry.action}
    >
      <Text weight="semibold">{headline}</Text>
      <Text size={200} className={styles.when}>
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </Text>
      {reason && <Text data-testid="history-reason">{reason}</Text>}
      {details.length > 0 && (
        <ul className={styles.changes}>
          {details.map((line, index) => (
            // Lines can repeat (two fields set to the same words); their place tells them apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole from one entry
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
