import { Combobox, makeStyles, Option, Tag, TagGroup, tokens } from '@fluentui/react-components';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { useExpandIconLabel } from '../../components/control-labels.js';
import { FormField, type TranslateIssue } from '../../components/form-field.js';
import { parseMarketCodes, searchMarkets } from '../offers/market-search.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  tags: { flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

export interface CodeOption {
  code: string;
  name: string;
}

interface CodesPickerProps {
  label: string;
  hint?: string | undefined;
  placeholder: string;
  options: readonly CodeOption[];
  value: readonly string[];
  onChange: (codes: string[]) => void;
  onBlur?: () => void;
  /** The field's node of react-hook-form's errors, and the words for its messages. */
  error?: unknown;
  translate?: TranslateIssue;
  /** Names the list of chosen tags for screen readers, such as "2 countries/regions chosen". */
  chosenLabel: string;
  removeLabel: (name: string) => string;
  nameOf: (code: string) => string;
  testId: string;
}

/**
 * A searchable multi-select that shows names and accepts typed codes ("SE", or "SE, NO" then Enter), with
 * the choices as removable tags: the markets picker's pattern, for any list of coded names.
 */
export function CodesPicker({
  label,
  hint,
  placeholder,
  options,
  value,
  onChange,
  onBlur,
  error,
  translate,
  chosenLabel,
  removeLabel,
  nameOf,
  testId,
}: CodesPickerProps) {
  const styles = useStyles();
  const expandIcon = useExpandIconLabel(label);
  const [query, setQuery] = useState('');
  const known = useMemo(() => new Set(options.map((o) => o.code)), [options]);
  const shown = useMemo(() => searchMarkets(options, query), [options, query]);

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

  return (
    <div className={styles.root}>
      <FormField label={label} hint={hint} error={error} translate={translate}>
        <div onKeyDownCapture={addTypedCodes}>
          <Combobox
            multiselect
            freeform
            // Inside the page rather than a portal, so the options stay within the page's landmarks.
            inlinePopup
            expandIcon={expandIcon}
            value={query}
            selectedOptions={[...value]}
            placeholder={placeholder}
            onChange={(event) => setQuery(event.target.value)}
            onOptionSelect={(_event, data) => {
              onChange(data.selectedOptions);
              setQuery('');
            }}
            onBlur={onBlur}
            data-testid={testId}
          >
            {shown.map((option) => (
              <Option key={option.code} value={option.code} text={option.name}>
                {`${option.name} (${option.code})`}
              </Option>
            ))}
          </Combobox>
        </div>
      </FormField>
      {value.length > 0 && (
        <TagGroup
          aria-label={chosenLabel}
          className={styles.tags}
          onDismiss={(_event, data) => onChange(value.filter((code) => code !== data.value))}
        >
          {value.map((code) => (
            <Tag key={code} value={code} size="small" dismissible aria-label={removeLabel(nameOf(code))}>
              {`${nameOf(code)} (${code})`}
            </Tag>
          ))}
        </TagGroup>
      )}
    </div>
  );
}
