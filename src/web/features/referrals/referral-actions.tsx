import {
  Button,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Subtitle1,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../domain/schemas/referrals.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { FormField } from '../../components/form-field.js';
import { en } from '../../i18n/en.js';
import { useReferralMove } from './referral-queries.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

type Open = 'none' | 'decline' | 'close';

/** What the reader may do now (the server's allowedActions): accept, decline with a reason, close Won or Lost. */
export function ReferralActions({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const move = useReferralMove(referral.id, referral.eTag);
  const [open, setOpen] = useState<Open>('none');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<'Won' | 'Lost'>('Won');
  const [value, setValue] = useState(
    referral.details.dealValue === null ? '' : String(referral.details.dealValue),
  );
  // A problem found before sending, in English (FormField shows it in the reader's language), and where.
  const [problem, setProblem] = useState<{ field: 'reason' | 'value'; message: string } | null>(null);
  const errorOn = (field: 'reason' | 'value') =>
    problem?.field === field ? { message: problem.message } : undefined;
  const may = (action: Referral['allowedActions'][number]) => referral.allowedActions.includes(action);
  if (!may('accept') && !may('decline') && !may('close')) return null;

  const submitDecline = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setProblem({ field: 'reason', message: en.validation.declineReasonRequired });
    setProblem(null);
    move.mutate({ action: 'decline', body: { statusReason: reason.trim() } });
  };
  const submitClose = (event: FormEvent) => {
    event.preventDefault();
    if (outcome === 'Lost' && !reason.trim())
      return setProblem({ field: 'reason', message: en.validation.lostReasonRequired });
    if (outcome === 'Won' && !/^\d+(\.\d{1,2})?$/.test(value.trim()))
      return setProblem({ field: 'value', message: en.validation.wonValueRequired });
    setProblem(null);
    move.mutate({
      action: 'close',
      body: {
        substatus: outcome,
        ...(reason.trim() && { statusReason: reason.trim() }),
        ...(value.trim() && { dealValue: Number(value.trim()) }),
      },
    });
  };

  return (
    <section className={styles.section} aria-labelledby="referral-actions">
      <Subtitle1 as="h2" id="referral-actions">
        {t('referrals.deal.actionsHeading')}
      </Subtitle1>
      {move.isError && <ApiErrorMessage error={move.error} />}
      <div className={styles.buttons}>
        {may('accept') && (
          <Button
            appearance="primary"
            disabled={move.isPending}
            onClick={() => move.mutate({ action: 'accept' })}
            data-testid="referral-accept"
          >
            {t('referrals.deal.accept')}
          </Button>
        )}
        {may('decline') && (
          <Button
            onClick={() => setOpen('decline')}
            aria-expanded={open === 'decline'}
            data-testid="referral-decline"
          >
            {t('referrals.deal.decline')}
          </Button>
        )}
        {may('close') && (
          <Button
            appearance="primary"
            onClick={() => setOpen('close')}
            aria-expanded={open === 'close'}
            data-testid="referral-close"
          >
            {t('referrals.deal.close')}
          </Button>
        )}
      </div>
      {open === 'decline' && may('decline') && (
        <form className={styles.form} onSubmit={submitDecline} noValidate data-testid="decline-form">
          <FormField label={t('referrals.deal.declineReason')} required error={errorOn('reason')}>
            <Textarea value={reason} onChange={(_e, data) => setReason(data.value)} />
          </FormField>
          <div className={styles.buttons}>
            <Button type="submit" appearance="primary" disabled={move.isPending}>
              {t('referrals.deal.confirmDecline')}
            </Button>
            <Button type="button" onClick={() => setOpen('none')}>
              {t('referrals.cancel')}
            </Button>
          </div>
        </form>
      )}
      {open === 'close' && may('close') && (
        <form className={styles.form} onSubmit={submitClose} noValidate data-testid="close-form">
          <FormField label={t('referrals.deal.outcome')}>
            <RadioGroup
              value={outcome}
              onChange={(_e, data) => setOutcome(data.value as 'Won' | 'Lost')}
              layout="horizontal"
            >
              <Radio value="Won" label={t('referrals.substatuses.Won')} />
              <Radio value="Lost" label={t('referrals.substatuses.Lost')} />
            </RadioGroup>
          </FormField>
          <FormField
            label={t('referrals.deal.finalValue', { currency: referral.details.currency ?? '' })}
            required={outcome === 'Won'}
            error={errorOn('value')}
          >
            <Input
              value={value}
              inputMode="decimal"
              onChange={(_e, data) => setValue(data.value)}
              data-testid="close-value"
            />
          </FormField>
          <FormField
            label={outcome === 'Lost' ? t('referrals.deal.lostReason') : t('referrals.deal.wonNote')}
            required={outcome === 'Lost'}
            error={errorOn('reason')}
          >
            <Textarea value={reason} onChange={(_e, data) => setReason(data.value)} />
          </FormField>
          <div className={styles.buttons}>
            <Button type="submit" appearance="primary" disabled={move.isPending} data-testid="close-submit">
              {t('referrals.deal.confirmClose')}
            </Button>
            <Button type="button" onClick={() => setOpen('none')}>
              {t('referrals.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
