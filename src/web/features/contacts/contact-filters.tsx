import { Combobox, Field, makeStyles, Option, Select, tokens } from '@fluentui/react-components';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import { useExpandIconLabel } from '../../components/control-labels.js';
import { searchMarkets } from '../offers/market-search.js';
import { ALL_COUNTRIES_CODE, type ContactFilter } from './contact-values.js';
import type { ContactLabels } from './use-contact-labels.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    border: 'none',
    margin: 0,
    padding: 0,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBlockEnd: tokens.spacingVerticalXS },
  field: { minWidth: '240px' },
});

interface ContactFiltersProps {
  value: ContactFilter;
  onChange: (filter: ContactFilter) => void;
  reference: ReferenceResponse;
  labels: ContactLabels;
}

/** Filter by country/region (names shown, codes accepted: type "SE" and Enter) and by role. */
export function ContactFilters({ value, onChange, reference, labels }: ContactFiltersProps) {
  const { t } = useTranslation();
  const expandIcon = useExpandIconLabel(t('contacts.filters.country'));
  const styles = useStyles();
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const options = useMemo(
    () => [
      { code: ALL_COUNTRIES_CODE, name: labels.countryName(ALL_COUNTRIES_CODE) },
      ...reference.countries,
    ],
    [reference.countries, labels],
  );
  const shown = useMemo(() => searchMarkets(options, query ?? ''), [options, query]);
  const anyCountry = t('contacts.filters.anyCountry');
  const chosenText = value.country === '' ? anyCountry : labels.countryName(value.country);

  function chooseCountry(code: string) {
    onChange({ ...value, country: code });
    setQuery(null);
    setOpen(false);
  }

  // A typed code picks its country at once, before the combobox would pick the highlighted name instead.
  function acceptTypedCode(event: KeyboardEvent) {
    if (event.key !== 'Enter' || query === null) return;
    const code = query.trim().toUpperCase();
    if (!options.some((option) => option.code === code)) return;
    event.preventDefault();
    event.stopPropagation();
    chooseCountry(code);
  }

  return (
    <fieldset className={styles.root} data-testid="contact-filters">
      <legend className={styles.legend}>{t('contacts.filters.label')}</legend>
      <Field label={t('contacts.filters.country')} className={styles.field}>
        <div onKeyDownCapture={acceptTypedCode}>
          <Combobox
            freeform
            inlinePopup
            expandIcon={expandIcon}
            open={open}
            onOpenChange={(_event, data) => setOpen(data.open)}
            value={query ?? chosenText}
            selectedOptions={[value.country]}
            placeholder={t('contacts.filters.countryPlaceholder')}
            onChange={(event) => setQuery(event.target.value)}
            onOptionSelect={(_event, data) => chooseCountry(data.optionValue ?? '')}
            onBlur={() => setQuery(null)}
            data-testid="filter-country"
          >
            {query === null || query === '' ? (
              <Option value="" text={anyCountry}>
                {anyCountry}
              </Option>
            ) : null}
            {shown.map((option) => (
              <Option key={option.code} value={option.code} text={option.name}>
                {`${option.name} (${option.code})`}
              </Option>
            ))}
          </Combobox>
        </div>
      </Field>
      <Field label={t('contacts.filters.role')} className={styles.field}>
        <Select
          value={value.role}
          onChange={(_event, data) => onChange({ ...value, role: data.value })}
          data-testid="filter-role"
        >
          <option value="">{t('contacts.filters.anyRole')}</option>
          {reference.contactRoles.map((role) => (
            <option key={role.id} value={role.id}>
              {role.label}
            </option>
          ))}
        </Select>
      </Field>
    </fieldset>
  );
}
