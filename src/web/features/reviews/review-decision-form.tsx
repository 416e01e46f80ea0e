import { Button, Checkbox, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, DismissRegular } from '@fluentui/react-icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ReadinessItem } from '../../../domain/readiness/readiness-types.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { FormField, useFieldMessages } from '../../components/form-field.js';
import { showServerIssues } from '../../components/form-issues.js';
import { useProblemText } from '../../i18n/problem-text.js';
import { DecisionReasons } from './decision-reasons.js';
import {
  type ReviewDecisionFormInput,
  type ReviewDecisionFormValues,
  reviewDecisionFormSchema,
  toDecisionRequest,
} from './review-decision-schema.js';
import { useDecide } from './review-queries.js';
import type { DecidedState } from './review-queue-section.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

interface ReviewDecisionFormProps {
  submissionId: string;
  offerName: string;
  /** The items of the submitted report a rejection may give a reason for. */
  items: readonly ReadinessItem[];
  /** The organisation's unconfirmed revenue attestation, if any: only that can be confirmed. */
  revenue: { amountUsd: number; periodEnd: string } | null;
}

/**
 * Approve or reject. A rejection must say what to fix, in a comment or in reasons attached to items (the
 * publisher reads the comment on the offer and each reason beside its item); the technical validation and the
 * revenue confirmation go along with an approval.
 */
export function ReviewDecisionForm({ submissionId, offerName, items, revenue }: ReviewDecisionFormProps) {
  const { t, i18n } = useTranslation();
  const say = useProblemText();
  const styles = useStyles();
  const fieldMessages = useFieldMessages();
  const navigate = useNavigate();
  const decide = useDecide(submissionId);
  const form = useForm<ReviewDecisionFormInput, unknown, ReviewDecisionFormValues>({
    resolver: zodResolver(reviewDecisionFormSchema),
    defaultValues: {
      decision: 'approve',
      comment: '',
      reasons: [],
      technicalValidationPassed: false,
      confirmAzureRevenue: false,
    },
  });
  const {
    control,
    handleSubmit,
    setValue,
    formState: { errors },
  } = form;

  const onSubmit = handleSubmit(async (values) => {
    try {
      await decide.mutateAsync(toDecisionRequest(values, revenue !== null));
      const state: DecidedState = { decided: { offerName, decision: values.decision } };
      void navigate('/reviews', { state });
    } catch (error) {
      showServerIssues(form, error, say);
    }
  });

  const checkbox = (
    name: 'technicalValidationPassed' | 'confirmAzureRevenue',
    label: string,
    testId: string,
  ) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Checkbox
          ref={field.ref}
          name={field.name}
          checked={field.value}
          onBlur={field.onBlur}
          onChange={(_event, data) => field.onChange(data.checked === true)}
          label={label}
          data-testid={testId}
        />
      )}
    />
  );

  return (
    <form
      className={styles.form}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-labelledby="review-decision-heading"
      data-testid="review-decision-form"
    >
      {decide.isError && (
        <ApiErrorMessage
          error={decide.error}
          title={t('reviews.decision.failed')}
          details={fieldMessages(errors.root?.server)}
        />
      )}
      <Controller
        control={control}
        name="comment"
        render={({ field }) => (
          <FormField
            label={t('reviews.decision.comment')}
            hint={t('reviews.decision.commentHint')}
            error={errors.comment}
          >
            <Textarea
              ref={field.ref}
              name={field.name}
              value={field.value}
              resize="vertical"
              rows={4}
              maxLength={3000}
              onBlur={field.onBlur}
              onChange={(_event, data) => field.onChange(data.value)}
              data-testid="review-comment"
            />
          </FormField>
        )}
      />
      <DecisionReasons control={control} errors={errors} items={items} />
      {checkbox(
        'technicalValidationPassed',
        t('reviews.decision.technicalValidation'),
        'technical-validation',
      )}
      {revenue &&
        checkbox(
          'confirmAzureRevenue',
          t('reviews.decision.confirmRevenueOf', {
            amount: new Intl.NumberFormat(i18n.resolvedLanguage === 'sv' ? 'sv-SE' : 'en-GB', {
              style: 'currency',
              currency: 'USD',
              maximumFractionDigits: 0,
            }).format(revenue.amountUsd),
            periodEnd: revenue.periodEnd.slice(0, 10),
          }),
          'confirm-revenue',
        )}
      <div className={styles.actions}>
        {/* Each button submits its decision: the click sets it before the form submits. */}
        <Button
          type="submit"
          appearance="primary"
          icon={<CheckmarkRegular />}
          disabled={decide.isPending}
          onClick={() => setValue('decision', 'approve')}
          data-testid="approve-button"
        >
          {t('reviews.decision.approve')}
        </Button>
        <Button
          type="submit"
          icon={<DismissRegular />}
          disabled={decide.isPending}
          onClick={() => setValue('decision', 'reject')}
          data-testid="reject-button"
        >
          {t('reviews.decision.reject')}
        </Button>
      </div>
    </form>
  );
}
