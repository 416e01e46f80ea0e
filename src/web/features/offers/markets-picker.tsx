import { Combobox, Input, makeStyles, Option, Tag, TagGroup, tokens } from '@fluentui/react-components';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../api/reference-queries.js';
import { useExpandIconLabel } from '../../components/control-labels.js';
import { FormField } from '../../components/form-field.js';
import { parseMarketCodes, searchMarkets } from './market-search.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  tags: { flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

interface MarketsPickerProps {
  value: readonly string[];
  onChange: (codes: string[]) => void;
  readOnly?: boolean;
  /** The markets' node of react-hook-form's errors. */
  error?: unknown;
}

/**
 * Countries and regions where the offer is available: a searchable list that shows names, accepts typed
 * codes ("SE", or "SE, NO, DK" then Enter), and lists the choices as removable tags.
 */
export function MarketsPicker({ value, onChange, readOnly = false, error }: MarketsPickerProps) {
  const { t } = useTranslation();
  const expandIcon = useExpandIconLabel(t('offers.markets.label'));
  const styles = useStyles();
  const reference = useReference();
  const [query, setQuery] = useState('');
  const countries = reference.data?.countries ?? [];
  const known = useMemo(() => new Set(countries.map((c) => c.code)), [countries]);
  const nameOf = (code: string) => countries.find((c) => c.code === code)?.name ?? code;
  const options = useMemo(() => searchMarkets(countries, query), [countries, query]);

  // Runs before the combobox's own Enter handling, which would pick the highlighted name instead.
  function addTypedCodes(event: KeyboardEvent) {
    if (event.key !== 'Enter') return;
    const codes = parseMarketCodes(query, known);
    if (!codes) return;
    event.preventDefault();
    event.stopPropagation();
    onChange([...value, ...codes.filter((code) => !value.includes(code))]);
    setQuery('');
  }

  const summary =
    value.length === 0 ? t('offers.markets.none') : t('offers.markets.count', { count: value.length });

  return (
    <div className={styles.root}>
      <FormField label={t('offers.markets.label')} hint={t('offers.markets.hint')} error={error}>
        {readOnly ? (
          <Input
            readOnly
            value={value.length === 0 ? t('offers.markets.none') : value.map(nameOf).join(', ')}
          />
        ) : (
          <div onKeyDownCapture={addTypedCodes}>
            <Combobox
              multiselect
              freeform
              // Inside the page (and the create dialog) rather than a portal: a modal dialog hides everything
              // outside it from screen readers, and the options must stay within the page's landmarks.
              inlinePopup
              expandIcon={expandIcon}
              value={query}
              selectedOptions={[...value]}
              placeholder={t('offers.markets.placeholder')}
              onChange={(event) => setQuery(event.target.value)}
              onOptionSelect={(_event, data) => {
                onChange(data.selectedOptions);
                setQuery('');
              }}
              data-testid="markets-combobox"
            >
              {options.map((country) => (
                <Option key={country.code} value={country.code} text={country.name}>
                  {`${country.name} (${country.code})`}
                </Option>
              ))}
            </Combobox>
          </div>
        )}
      </FormField>
      {!readOnly && value.length > 0 && (
        <TagGroup
          aria-label={summary}
          className={styles.tags}
          onDismiss={(_event, data) => onChange(value.filter((code) => code !== data.value))}
          data-testid="markets-tags"
        >
          {value.map((code) => (
            <Tag
              key={code}
              value={code}
              size="small"
              dismissible
              aria-label={t('offers.markets.remove', { name: nameOf(code) })}
            >
              {`${nameOf(code)} (${code})`}
            </Tag>
          ))}
        </TagGroup>
      )}
    </div>
  );
}
