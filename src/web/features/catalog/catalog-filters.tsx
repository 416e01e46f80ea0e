import { Button, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogPage } from '../../../domain/catalog/catalog-schema.js';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import { useIsNarrowScreen } from '../../components/narrow-screen.js';
import { CodesPicker } from '../contacts/codes-picker.js';
import {
  emptyFilters,
  type FilterDimension,
  type CatalogFilters as Filters,
  hasAnyFilter,
  keepSubAreasOf,
} from './catalog-search-params.js';
import { FacetFieldset, facetOptions } from './facet-fieldset.js';
import type { CatalogLabels } from './use-catalog-labels.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  summary: {
    cursor: 'pointer',
    paddingBlock: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
});

const checkboxDimensions = [
  'platform',
  'segment',
  'solutionType',
  'area',
  'subArea',
  'offerType',
  'status',
] as const;

interface CatalogFiltersProps {
  filters: Filters;
  facets: CatalogPage['facets'] | undefined;
  onChange: (filters: Filters) => void;
  reference: ReferenceResponse;
  labels: CatalogLabels;
}

/** The filter panel: a fieldset per dimension with counts, and the country picker (names, or codes). */
export function CatalogFilters({ filters, facets, onChange, reference, labels }: CatalogFiltersProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const isNarrow = useIsNarrowScreen();
  // Open from the start when the address already holds a filter, so a shared link shows what it filters by.
  const [unfolded, setUnfolded] = useState(() => hasAnyFilter(filters));
  // Sub-areas belong to their area: only the chosen areas' sub-areas are offered.
  const allowedSubAreas = useMemo(
    () =>
      new Set(
        reference.solutionAreas
          .filter((area) => filters.area.includes(area.id))
          .flatMap((area) => area.subAreas.map((sub) => sub.id)),
      ),
    [reference.solutionAreas, filters.area],
  );
  const countryCounts = useMemo(() => new Map((facets?.country ?? []).map((c) => [c.id, c.count])), [facets]);
  const countryOptions = useMemo(
    () =>
      reference.countries.map((country) => {
        const count = countryCounts.get(country.code);
        return count === undefined ? country : { ...country, name: `${country.name} (${count})` };
      }),
    [reference.countries, countryCounts],
  );

  function change(dimension: FilterDimension, ids: string[]) {
    const next = { ...filters, [dimension]: ids };
    onChange(dimension === 'area' ? keepSubAreasOf(next, reference.solutionAreas) : next);
  }

  const fields = (
    <>
      <CodesPicker
        label={t('catalog.dimensions.country')}
        placeholder={t('catalog.countryPlaceholder')}
        options={countryOptions}
        value={filters.country}
        onChange={(codes) => change('country', codes)}
        chosenLabel={t('catalog.countriesChosen', { count: filters.country.length })}
        removeLabel={(name) => t('catalog.removeCountry', { name })}
        nameOf={labels.countryName}
        testId="facet-country"
      />
      {/* Until the first answer brings the counts there is nothing to offer: drawn empty ("no options") the
          fieldsets would grow and push one another down when it came (a layout shift of 0.4 on a desktop). */}
      {facets !== undefined &&
        checkboxDimensions.map((dimension) => (
          <FacetFieldset
            key={dimension}
            dimension={dimension}
            legend={t(`catalog.dimensions.${dimension}`)}
            options={facetOptions(
              facets[dimension],
              filters[dimension],
              (id) => labels.valueLabel(dimension, id),
              dimension === 'subArea' ? allowedSubAreas : undefined,
            )}
            selected={filters[dimension]}
            onChange={(ids) => change(dimension, ids)}
            emptyNote={
              dimension === 'subArea' && filters.area.length === 0
                ? t('catalog.subAreaHint')
                : t('catalog.noOptions')
            }
          />
        ))}
    </>
  );

  return (
    <section className={styles.root} aria-labelledby="catalog-filters-heading" data-testid="catalog-filters">
      <div className={styles.header}>
        <Subtitle2 as="h2" id="catalog-filters-heading">
          {t('catalog.filters')}
        </Subtitle2>
        {hasAnyFilter(filters) && (
          <Button
            appearance="subtle"
            size="small"
            icon={<DismissRegular />}
            onClick={() => onChange(emptyFilters())}
            data-testid="catalog-clear-filters"
          >
            {t('catalog.clearFilters')}
          </Button>
        )}
      </div>
      {isNarrow ? (
        // On a phone the results sit below the filters: the fieldsets, whose counts come with the first answer,
        // would push them down when it came (a layout shift of 0.15), and would put them a long scroll away.
        // Folded, the panel keeps one height.
        <details open={unfolded} onToggle={(event) => setUnfolded(event.currentTarget.open)}>
          <summary className={styles.summary} data-testid="catalog-filters-toggle">
            {t('catalog.chooseFilters')}
          </summary>
          <div className={styles.fields}>{fields}</div>
        </details>
      ) : (
        fields
      )}
    </section>
  );
}
