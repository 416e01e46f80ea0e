import { Button, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referralStatuses } from '../../../domain/referrals/referral-enums.js';
import type { ReferralFilter } from '../../../domain/schemas/referrals.js';
import { FormField } from '../../components/form-field.js';
import { useReferralLabels } from './use-referral-labels.js';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // A grid cell is as wide as its content by default: a select of long country names would push the page
  // wider than a phone.
  field: { minWidth: 0 },
  control: { width: '100%', minWidth: 0 },
});

/** The pipeline's filters; applied with the button (or Enter), so typing does not reload the list each time. */
export function PipelineFilters({
  filter,
  onApply,
}: {
  filter: ReferralFilter;
  onApply: (next: ReferralFilter) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useReferralLabels();
  const [draft, setDraft] = useState({
    status: filter.status ?? '',
    country: filter.country ?? '',
    q: filter.q ?? '',
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      ...(draft.status && { status: draft.status as ReferralFilter['status'] }),
      ...(draft.country && { country: draft.country }),
      ...(draft.q.trim() && { q: draft.q.trim() }),
    });
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label={t('referrals.pipeline.filtersLabel')}>
      <FormField className={styles.field} label={t('referrals.pipeline.status')}>
        <Select
          value={draft.status}
          onChange={(_e, data) => setDraft({ ...draft, status: data.value })}
          data-testid="filter-status"
        >
          <option value="">{t('referrals.pipeline.anyStatus')}</option>
          {referralStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`referrals.statuses.${status}`)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField className={styles.field} label={t('referrals.pipeline.country')}>
        <Select
          className={styles.control}
          value={draft.country}
          onChange={(_e, data) => setDraft({ ...draft, country: data.value })}
        >
          <option value="">{t('referrals.pipeline.anyCountry')}</option>
          {labels.countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField className={styles.field} label={t('referrals.pipeline.words')}>
        <Input
          className={styles.control}
          value={draft.q}
          onChange={(_e, data) => setDraft({ ...draft, q: data.value })}
        />
      </FormField>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" data-testid="filter-apply">
          {t('referrals.pipeline.apply')}
        </Button>
        <Button
          type="button"
          onClick={() => {
            setDraft({ status: '', country: '', q: '' });
            onApply({});
          }}
        >
          {t('referrals.pipeline.clear')}
        </Button>
      </div>
    </form>
  );
}
