import { Button, Checkbox, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, DismissRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DecisionRequest } from '../../../domain/schemas/reviews.js';
import { isApiError } from '../../api/api-error.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { useDecide } from './review-queries.js';
import type { DecidedState } from './review-queue-section.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

interface ReviewDecisionFormProps {
  submissionId: string;
  offerName: string;
  /** The organisation's unconfirmed revenue attestation, if any: only that can be confirmed. */
  revenue: { amountUsd: number; periodEnd: string } | null;
}

/**
 * Approve or reject. A rejection must say what to fix (the publisher reads it on the offer); the
 * technical validation and the revenue confirmation go along with an approval.
 */
export function ReviewDecisionForm({ submissionId, offerName, revenue }: ReviewDecisionFormProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const navigate = useNavigate();
  const decide = useDecide(submissionId);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>();
  const [technicalValidationPassed, setTechnicalValidationPassed] = useState(false);
  const [confirmAzureRevenue, setConfirmAzureRevenue] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);

  async function send(decision: DecisionRequest['decision']) {
    if (decision === 'reject' && comment.trim() === '') {
      setCommentError(t('reviews.decision.commentRequired'));
      commentRef.current?.focus();
      return;
    }
    setCommentError(undefined);
    const request: DecisionRequest = {
      decision,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(decision === 'approve'
        ? { technicalValidationPassed, ...(revenue ? { confirmAzureRevenue } : {}) }
        : {}),
    };
    try {
      await decide.mutateAsync(request);
      const state: DecidedState = { decided: { offerName, decision } };
      void navigate('/reviews', { state });
    } catch (error) {
      const issue = isApiError(error) ? error.issues.find((i) => i.path === 'comment') : undefined;
      if (issue) setCommentError(issue.message);
    }
  }

  return (
    <form
      className={styles.form}
      onSubmit={(event) => event.preventDefault()}
      noValidate
      aria-labelledby="review-decision-heading"
      data-testid="review-decision-form"
    >
      {decide.isError && (
        <ApiErrorMessage
          error={decide.error}
          title={t('reviews.decision.failed')}
          details={isApiError(decide.error) ? decide.error.issues.map((i) => i.message) : []}
        />
      )}
      <Field
        label={t('reviews.decision.comment')}
        hint={t('reviews.decision.commentHint')}
        validationMessage={commentError}
      >
        <Textarea
          ref={commentRef}
          value={comment}
          resize="vertical"
          rows={4}
          maxLength={3000}
          onChange={(_event, data) => setComment(data.value)}
          data-testid="review-comment"
        />
      </Field>
      <Checkbox
        checked={technicalValidationPassed}
        onChange={(_event, data) => setTechnicalValidationPassed(data.checked === true)}
        label={t('reviews.decision.technicalValidation')}
        data-testid="technical-validation"
      />
      {revenue && (
        <Checkbox
          checked={confirmAzureRevenue}
          onChange={(_event, data) => setConfirmAzureRevenue(data.checked === true)}
          label={t('reviews.decision.confirmRevenueOf', {
            amount: new Intl.NumberFormat(i18n.resolvedLanguage === 'sv' ? 'sv-SE' : 'en-GB', {
              style: 'currency',
              currency: 'USD',
              maximumFractionDigits: 0,
            }).format(revenue.amountUsd),
            periodEnd: revenue.periodEnd.slice(0, 10),
          })}
          data-testid="confirm-revenue"
        />
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<CheckmarkRegular />}
          disabled={decide.isPending}
          onClick={() => void send('approve')}
          data-testid="approve-button"
        >
          {t('reviews.decision.approve')}
        </Button>
        <Button
          icon={<DismissRegular />}
          disabled={decide.isPending}
          onClick={() => void send('reject')}
          data-testid="reject-button"
        >
          {t('reviews.decision.reject')}
        </Button>
      </div>
    </form>
  );
}
