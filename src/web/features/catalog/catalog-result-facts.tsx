import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CatalogItem } from '../../../domain/catalog/catalog-schema.js';
import type { CatalogLabels } from './use-catalog-labels.js';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(6rem, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    ...typographyStyles.caption1,
  },
  // dt and dd stay in the grid's two columns; the div only groups them (allowed in a dl).
  row: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

interface CatalogResultFactsProps {
  result: CatalogItem;
  labels: CatalogLabels;
  /** The countries the seller filtered by: their markets come first, and contacts are for them. */
  countries: readonly string[];
}

/**
 * What a seller decides on before opening an offer: where it is sold, its solution areas, which documents
 * they can open and which contact roles they can reach for their country.
 */
export function CatalogResultFacts({ result, labels, countries }: CatalogResultFactsProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const none = t('catalog.card.none');
  const list = (ids: readonly string[], label: (id: string) => string) =>
    ids.length === 0 ? none : ids.map(label).join(', ');
  const facts: [testId: string, term: string, value: string][] = [
    [
      'markets',
      t('catalog.card.markets', { count: result.markets.length }),
      labels.marketsText(result, countries),
    ],
    [
      'areas',
      t('catalog.card.areas', { count: result.solutionAreas.length }),
      list(result.solutionAreas, (id) => labels.valueLabel('area', id)),
    ],
    ['documents', t('catalog.card.documents'), list(result.documentSlots, labels.slotLabel)],
    [
      'contacts',
      countries.length > 0
        ? t('catalog.card.contactsIn', { countries: labels.countriesOr(countries) })
        : t('catalog.card.contacts'),
      list(result.contactRoles, labels.roleLabel),
    ],
  ];
  return (
    <dl className={styles.facts} data-testid="catalog-result-facts">
      {facts.map(([testId, term, value]) => (
        <div key={testId} className={styles.row} data-testid={`catalog-result-${testId}`}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
