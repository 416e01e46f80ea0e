import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Listing } from '../../../domain/listing/listing-schema.js';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import { ListingMissing } from './listing-missing.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '880px' },
  note: { color: tokens.colorNeutralForeground2 },
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(160px, max-content) 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalM,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  areas: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** The listing for viewers: what it says, as text, instead of a form they cannot use. */
export function ListingSummary({ listing, taxonomy }: { listing: Listing; taxonomy: ReferenceResponse }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const none = t('history.none');
  const labelsOf = (list: readonly { id: string; label: string }[], ids: readonly string[]) =>
    ids.length === 0 ? none : ids.map((id) => list.find((entry) => entry.id === id)?.label ?? id).join(', ');
  return (
    <div className={styles.root} data-testid="listing-readonly">
      <Body1 className={styles.note}>{t('listing.readOnlyNote')}</Body1>
      <ListingMissing listing={listing} taxonomy={taxonomy} />
      <dl className={styles.list}>
        <dt className={styles.term}>{t('listing.platforms')}</dt>
        <dd className={styles.value}>{labelsOf(taxonomy.platforms, listing.platforms)}</dd>
        <dt className={styles.term}>{t('listing.marketSegments')}</dt>
        <dd className={styles.value}>{labelsOf(taxonomy.marketSegments, listing.marketSegments)}</dd>
        <dt className={styles.term}>{t('listing.solutionType')}</dt>
        <dd className={styles.value}>
          {listing.solutionType ? labelsOf(taxonomy.solutionTypes, [listing.solutionType]) : none}
        </dd>
        <dt className={styles.term}>{t('listing.solutionAreas')}</dt>
        <dd className={styles.value}>
          {listing.solutionAreas.length === 0 ? (
            none
          ) : (
            <ul className={styles.areas}>
              {listing.solutionAreas.map((entry) => {
                const area = taxonomy.solutionAreas.find((a) => a.id === entry.area);
                return (
                  <li key={entry.area}>
                    {area?.label ?? entry.area}
                    {entry.subAreas.length > 0 && `: ${labelsOf(area?.subAreas ?? [], entry.subAreas)}`}
                  </li>
                );
              })}
            </ul>
          )}
        </dd>
      </dl>
    </div>
  );
}
