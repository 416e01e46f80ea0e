import { Button, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular, SendRegular } from '@fluentui/react-icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { NOTE_MAX_LENGTH, type Submission, SubmitRequestSchema } from '../../../domain/schemas/reviews.js';
import { isApiError } from '../../api/api-error.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { FormField } from '../../components/form-field.js';
import { useProblemText } from '../../i18n/problem-text.js';
import { useMessageWords } from '../offers/use-message-words.js';
import { useSubmitForReview, useWithdrawSubmission } from './readiness-queries.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground2 },
});

type NoteInput = z.input<typeof SubmitRequestSchema>;
type NoteValues = z.output<typeof SubmitRequestSchema>;

interface SubmitForReviewProps {
  offerId: string;
  /** Whether everything a publisher can do is done (the readiness report's canSubmit). */
  isReady: boolean;
  /** The newest submission, if any: a pending one can be withdrawn, and blocks another. */
  latest: Submission | undefined;
  /** The submissions are known: until then nothing can be sent. */
  isLoaded: boolean;
}

/**
 * Submit for review, after a dialog that says what happens and takes a note to the reviewer; and, while a
 * submission waits, Withdraw, after a dialog that says what that does.
 */
export function SubmitForReview({ offerId, isReady, latest, isLoaded }: SubmitForReviewProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const submit = useSubmitForReview(offerId);
  const withdraw = useWithdrawSubmission(offerId);
  const [dialog, setDialog] = useState<'submit' | 'withdraw' | null>(null);
  const form = useForm<NoteInput, unknown, NoteValues>({
    resolver: zodResolver(SubmitRequestSchema),
    defaultValues: { note: '' },
  });
  const pending = latest?.status === 'pending' ? latest : undefined;
  const canSubmit = isReady && isLoaded && !pending && !submit.isPending;
  // The requirements not met, as the readiness panel words them.
  const say = useProblemText(useMessageWords());
  const issues = (error: unknown) => (isApiError(error) ? error.issues.map(say) : []);

  const close = () => {
    setDialog(null);
    submit.reset();
    withdraw.reset();
  };
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await submit.mutateAsync(values.note ? { note: values.note } : {});
      form.reset({ note: '' });
      setDialog(null);
    } catch {
      // Shown in the dialog, which stays open to try again.
    }
  });
  const onWithdraw = async () => {
    if (!pending) return;
    try {
      await withdraw.mutateAsync(pending.id);
      setDialog(null);
    } catch {
      // Shown in the dialog.
    }
  };

  return (
    <>
      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<SendRegular />}
          disabled={!canSubmit}
          onClick={() => setDialog('submit')}
          data-testid="submit-for-review"
        >
          {submit.isPending ? t('readiness.submitting') : t('readiness.submit')}
        </Button>
        {pending && (
          <Button
            icon={<ArrowUndoRegular />}
            onClick={() => setDialog('withdraw')}
            data-testid="withdraw-submission"
          >
            {t('readiness.withdraw.button')}
          </Button>
        )}
        <Text className={styles.hint} data-testid="submit-hint">
          {pending
            ? t('readiness.submitHintPending')
            : isReady
              ? t('readiness.submitHintReady')
              : t('readiness.submitHintNotReady')}
        </Text>
      </div>
      {dialog === 'submit' && (
        <ConfirmDialog
          title={t('readiness.submitDialog.title')}
          cancelLabel={t('readiness.submitDialog.cancel')}
          confirmLabel={t('readiness.submit')}
          pendingLabel={t('readiness.submitting')}
          isPending={submit.isPending}
          onConfirm={() => void onSubmit()}
          onClose={close}
          testId="submit-dialog"
          confirmTestId="submit-confirm"
          error={
            submit.isError && (
              <ApiErrorMessage
                error={submit.error}
                title={t('readiness.submitFailed')}
                details={issues(submit.error)}
              />
            )
          }
        >
          <Text>{t('readiness.submitDialog.body')}</Text>
          <Controller
            control={form.control}
            name="note"
            render={({ field }) => (
              <FormField
                label={t('readiness.submitDialog.note')}
                hint={t('readiness.submitDialog.noteHint', { max: NOTE_MAX_LENGTH })}
                error={form.formState.errors.note}
              >
                <Textarea
                  ref={field.ref}
                  name={field.name}
                  value={field.value ?? ''}
                  onBlur={field.onBlur}
                  onChange={(_event, data) => field.onChange(data.value)}
                  resize="vertical"
                  rows={3}
                  maxLength={NOTE_MAX_LENGTH}
                  data-testid="submission-note"
                />
              </FormField>
            )}
          />
        </ConfirmDialog>
      )}
      {dialog === 'withdraw' && (
        <ConfirmDialog
          title={t('readiness.withdraw.title')}
          cancelLabel={t('readiness.withdraw.cancel')}
          confirmLabel={t('readiness.withdraw.confirm')}
          pendingLabel={t('readiness.withdraw.pending')}
          isPending={withdraw.isPending}
          onConfirm={() => void onWithdraw()}
          onClose={close}
          testId="withdraw-dialog"
          confirmTestId="withdraw-confirm"
          error={
            withdraw.isError && (
              <ApiErrorMessage error={withdraw.error} title={t('readiness.withdraw.failed')} />
            )
          }
        >
          <Text>{t('readiness.withdraw.body')}</Text>
        </ConfirmDialog>
      )}
    </>
  );
}
