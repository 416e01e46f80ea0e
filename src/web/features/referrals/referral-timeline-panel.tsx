import { Body1, Button, Caption1, makeStyles, Subtitle1, Textarea, tokens } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMessage } from '../../../domain/messages/message-words.js';
import type { Referral } from '../../../domain/schemas/referrals.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { FormField } from '../../components/form-field.js';
import { useFormatDateTime } from '../../components/use-format-date-time.js';
import { en } from '../../i18n/en.js';
import { i18nMessageWords } from '../../i18n/message-words.js';
import { useAddNote, useReferralTimeline } from './referral-queries.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderLeftWidth: tokens.strokeWidthThick,
    borderLeftStyle: 'solid',
    borderLeftColor: tokens.colorNeutralStroke2,
  },
  note: { whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  textarea: { width: '100%' },
});

/** The deal's timeline, oldest first, each entry in the reader's language; and a note, for those who may write. */
export function ReferralTimelinePanel({ referral }: { referral: Referral }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();
  const timeline = useReferralTimeline(referral.id);
  const addNote = useAddNote(referral.id, referral.eTag);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const words = i18nMessageWords(i18n);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setProblem(en.validation.noteRequired);
    setProblem(null);
    addNote.mutate(text.trim(), { onSuccess: () => setText('') });
  };
  return (
    <section className={styles.section} aria-labelledby="referral-timeline">
      <Subtitle1 as="h2" id="referral-timeline">
        {t('referrals.deal.timelineHeading')}
      </Subtitle1>
      {timeline.data && (
        <ol className={styles.list} data-testid="referral-timeline-list">
          {timeline.data.map((entry) => (
            <li key={entry.id} className={styles.entry}>
              <Body1>{renderMessage(entry.message, words) ?? entry.summary}</Body1>
              {entry.note && entry.kind === 'note' && <Body1 className={styles.note}>{entry.note}</Body1>}
              <Caption1>
                {t('referrals.deal.entryMeta', {
                  time: formatDateTime(entry.at),
                  side: t(`referrals.sides.${entry.side}`),
                })}
              </Caption1>
            </li>
          ))}
        </ol>
      )}
      {referral.allowedActions.includes('note') && (
        <form className={styles.form} onSubmit={submit} noValidate data-testid="note-form">
          {addNote.isError && <ApiErrorMessage error={addNote.error} />}
          <FormField
            label={t('referrals.deal.note')}
            error={problem ? { message: problem } : undefined}
            className={styles.textarea}
          >
            <Textarea value={text} onChange={(_e, data) => setText(data.value)} resize="vertical" />
          </FormField>
          <Button type="submit" disabled={addNote.isPending}>
            {t('referrals.deal.addNote')}
          </Button>
        </form>
      )}
    </section>
  );
}
