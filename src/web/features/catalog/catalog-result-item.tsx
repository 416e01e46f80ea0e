import { Body1, Caption1, Link, makeStyles, Subtitle2, Tag, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useHref, useLinkClickHandler } from 'react-router';
import type { CatalogItem } from '../../../domain/catalog/catalog-schema.js';
import { CoSellStatusBadge } from '../offers/offer-badges.js';
import { CatalogResultFacts } from './catalog-result-facts.js';
import type { CatalogLabels } from './use-catalog-labels.js';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground2 },
  matched: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  chips: { display: 'contents', listStyle: 'none' },
});

interface CatalogResultItemProps {
  result: CatalogItem;
  labels: CatalogLabels;
  /** The search the result came from, so the offer page can lead back to it. */
  search: string;
  /** The countries filtered by; a single one carries over to the offer's contact finder. */
  countries: readonly string[];
}

/**
 * One offer in the results: its name (a link), organisation, status, summary, what a seller decides on
 * (markets, areas, documents, contact roles) and what matched.
 */
export function CatalogResultItem({ result, labels, search, countries }: CatalogResultItemProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const country = countries.length === 1 ? countries[0] : undefined;
  const to = `/catalog/${encodeURIComponent(result.offerId)}${country ? `?${new URLSearchParams({ country })}` : ''}`;
  const href = useHref(to);
  // Several reasons can read the same ("area:Security" and "filter:area:Security"): each phrase once.
  const matched = [...new Set(result.matched.map(labels.matchedLabel))];
  const open = useLinkClickHandler<HTMLAnchorElement>(to, { state: { search } });
  return (
    <li className={styles.item} data-testid="catalog-result" data-offer-id={result.offerId}>
      <div className={styles.title}>
        <Subtitle2 as="h3">
          <Link href={href} onClick={open} data-testid="catalog-result-link">
            {result.name}
          </Link>
        </Subtitle2>
        <CoSellStatusBadge status={result.coSellStatus} />
      </div>
      <Caption1 className={styles.meta}>
        {t('catalog.offer.meta', {
          organization: result.organizationName,
          type: labels.typeLabel(result.offerType),
        })}
      </Caption1>
      {result.summary && <Body1>{result.summary}</Body1>}
      <CatalogResultFacts result={result} labels={labels} countries={countries} />
      {matched.length > 0 && (
        <div className={styles.matched} data-testid="catalog-result-matched">
          <Caption1 id={`matched-${result.offerId}`}>{`${t('catalog.matched')}:`}</Caption1>
          <ul className={styles.chips} aria-labelledby={`matched-${result.offerId}`}>
            {matched.map((label) => (
              <li key={label}>
                <Tag size="extra-small" appearance="brand">
                  {label}
                </Tag>
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
