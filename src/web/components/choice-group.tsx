import { Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ErrorCircle12Filled } from '@fluentui/react-icons';
import { type ReactNode, useId } from 'react';
import { messageLines, useFieldMessages } from './form-field.js';

const useStyles = makeStyles({
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  legend: {
    padding: 0,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    marginBlockEnd: tokens.spacingVerticalXS,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  options: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    columnGap: tokens.spacingHorizontalM,
  },
  error: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorPaletteRedForeground1,
  },
});

export interface ChoiceOption {
  id: string;
  label: string;
}

interface ChoiceGroupProps {
  legend: ReactNode;
  options: readonly ChoiceOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** Once this many are chosen the other boxes are disabled (the choice can still be changed). */
  max?: number | undefined;
  hint?: ReactNode;
  /** The group's node of react-hook-form's errors: its own error, or one of its choices'. */
  error?: unknown;
  disabled?: boolean;
  testId?: string;
}

/**
 * A group of checkboxes as one field: a fieldset whose legend names it, with the hint and any error linked
 * through aria-describedby, so screen readers read them when entering the group.
 */
export function ChoiceGroup({
  legend,
  options,
  value,
  onChange,
  max,
  hint,
  error,
  disabled = false,
  testId,
}: ChoiceGroupProps) {
  const styles = useStyles();
  const id = useId();
  const messages = useFieldMessages()(error);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = messages.length > 0 ? `${id}-error` : undefined;
  const isFull = max !== undefined && value.length >= max;
  const toggle = (optionId: string, checked: boolean) =>
    onChange(checked ? [...value, optionId] : value.filter((v) => v !== optionId));
  return (
    <fieldset
      className={styles.fieldset}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      data-testid={testId}
    >
      <legend className={styles.legend}>{legend}</legend>
      {hint && (
        <Text id={hintId} size={200} className={styles.hint}>
          {hint}
        </Text>
      )}
      <div className={styles.options}>
        {options.map((option) => {
          const checked = value.includes(option.id);
          return (
            <Checkbox
              key={option.id}
              label={option.label}
              checked={checked}
              disabled={disabled || (isFull && !checked)}
              onChange={(_event, data) => toggle(option.id, data.checked === true)}
            />
          );
        })}
      </div>
      {errorId && (
        <Text id={errorId} size={200} className={styles.error}>
          <ErrorCircle12Filled aria-hidden="true" />
          <span>{messageLines(messages)}</span>
        </Text>
      )}
    </fieldset>
  );
}
