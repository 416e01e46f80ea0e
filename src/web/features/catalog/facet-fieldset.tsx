import { Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { FilterDimension } from './catalog-search-params.js';

const useStyles = makeStyles({
  fieldset: {
    display: 'flex',
    flexDirection: 'column',
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBlockEnd: tokens.spacingVerticalXS },
  note: { color: tokens.colorNeutralForeground2 },
});

export interface FacetOption {
  id: string;
  label: string;
  count: number;
}

interface FacetFieldsetProps {
  dimension: FilterDimension;
  legend: string;
  options: readonly FacetOption[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  /** Shown instead of the options when there are none (such as "choose an area first"). */
  emptyNote: string;
}

/** One filter dimension as checkboxes, each with how many offers it would match: "Azure (12)". */
export function FacetFieldset({
  dimension,
  legend,
  options,
  selected,
  onChange,
  emptyNote,
}: FacetFieldsetProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  function toggle(id: string, checked: boolean) {
    onChange(checked ? [...selected, id] : selected.filter((value) => value !== id));
  }
  return (
    <fieldset className={styles.fieldset} data-testid={`facet-group-${dimension}`}>
      <legend className={styles.legend}>{legend}</legend>
      {options.length === 0 ? (
        <Caption1 className={styles.note}>{emptyNote}</Caption1>
      ) : (
        options.map((option) => (
          <Checkbox
            key={option.id}
            label={t('catalog.facetOption', { label: option.label, count: option.count })}
            checked={selected.includes(option.id)}
            onChange={(_event, data) => toggle(option.id, data.checked === true)}
            data-testid={`facet-${dimension}-${option.id}`}
          />
        ))
      )}
    </fieldset>
  );
}

/**
 * The options to show: every id the server counted, plus chosen ids it did not count (so a choice can
 * always be undone), limited to `allowed` when given, with counts, most offers first.
 */
export function facetOptions(
  counts: readonly { id: string; count: number }[] | undefined,
  selected: readonly string[],
  labelOf: (id: string) => string,
  allowed?: ReadonlySet<string>,
): FacetOption[] {
  const byId = new Map((counts ?? []).map((entry) => [entry.id, entry.count]));
  for (const id of selected) if (!byId.has(id)) byId.set(id, 0);
  return [...byId]
    .filter(([id, count]) => (!allowed || allowed.has(id)) && (count > 0 || selected.includes(id)))
    .map(([id, count]) => ({ id, count, label: labelOf(id) }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
