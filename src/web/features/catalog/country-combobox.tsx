import { Combobox, Field, Option } from '@fluentui/react-components';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { useExpandIconLabel } from '../../components/control-labels.js';
import type { MarketOption } from '../offers/market-search.js';
import { searchMarkets } from '../offers/market-search.js';

interface CountryComboboxProps {
  label: string;
  placeholder: string;
  options: readonly MarketOption[];
  value: string;
  onChange: (code: string) => void;
  nameOf: (code: string) => string;
  className?: string;
  testId: string;
}

/** Picks one country/region: shows names, and a typed code ("SE" then Enter) picks its country at once. */
export function CountryCombobox({
  label,
  placeholder,
  options,
  value,
  onChange,
  nameOf,
  className,
  testId,
}: CountryComboboxProps) {
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const expandIcon = useExpandIconLabel(label);
  const shown = useMemo(() => searchMarkets(options, query ?? ''), [options, query]);

  function choose(code: string) {
    onChange(code);
    setQuery(null);
    setOpen(false);
  }

  // Runs before the combobox's own Enter handling, which would pick the highlighted name instead.
  function acceptTypedCode(event: KeyboardEvent) {
    if (event.key !== 'Enter' || query === null) return;
    const code = query.trim().toUpperCase();
    if (!options.some((option) => option.code === code)) return;
    event.preventDefault();
    event.stopPropagation();
    choose(code);
  }

  return (
    <Field label={label} className={className}>
      <div onKeyDownCapture={acceptTypedCode}>
        <Combobox
          freeform
          inlinePopup
          expandIcon={expandIcon}
          open={open}
          onOpenChange={(_event, data) => setOpen(data.open)}
          value={query ?? (value ? nameOf(value) : '')}
          selectedOptions={value ? [value] : []}
          placeholder={placeholder}
          onChange={(event) => setQuery(event.target.value)}
          onOptionSelect={(_event, data) => choose(data.optionValue ?? '')}
          onBlur={() => setQuery(null)}
          data-testid={testId}
        >
          {shown.map((option) => (
            <Option key={option.code} value={option.code} text={option.name}>
              {`${option.name} (${option.code})`}
            </Option>
          ))}
        </Combobox>
      </div>
    </Field>
  );
}
