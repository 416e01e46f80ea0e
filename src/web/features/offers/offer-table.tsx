import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../domain/schemas/offers.js';
import { RouterLink } from '../../components/router-link.js';
import { useStackedTableStyles } from '../../components/stacked-table.js';
import { useFormatDate } from '../../components/use-format-date.js';
import { CoSellStatusBadge, OfferStateBadge } from './offer-badges.js';
import {
  formatMarkets,
  type OfferSort,
  type OfferSortColumn,
  offerSortColumns,
  sortOffers,
} from './offer-format.js';
import { useOfferLabels } from './use-offer-labels.js';

interface OfferTableProps {
  offers: readonly Offer[];
  /** Names the table for screen readers, such as "Offers of Contoso". */
  label: string;
}

/**
 * One organisation's offers. Every column header is a sort button; Fluent sets aria-sort on the sorted
 * column, so screen readers announce the order. Newest change first until the person chooses.
 */
export function OfferTable({ offers, label }: OfferTableProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const labels = useOfferLabels();
  const stacked = useStackedTableStyles();
  const [sort, setSort] = useState<OfferSort>({ column: 'updated', direction: 'descending' });
  const sorted = useMemo(() => sortOffers(offers, sort, labels), [offers, sort, labels]);

  function sortBy(column: OfferSortColumn) {
    setSort((current) =>
      current.column === column
        ? { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column, direction: column === 'updated' ? 'descending' : 'ascending' },
    );
  }

  return (
    <Table sortable aria-label={label} className={stacked.table} data-testid="offer-list-table">
      <TableHeader className={stacked.sortHeader}>
        <TableRow className={stacked.sortHeaderRow}>
          {offerSortColumns.map((column) => (
            <TableHeaderCell
              key={column}
              className={stacked.sortHeaderCell}
              sortDirection={sort.column === column ? sort.direction : undefined}
              onClick={() => sortBy(column)}
            >
              {t(`offers.columns.${column}`)}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody className={stacked.body}>
        {sorted.map((offer) => (
          <TableRow key={offer.id} className={stacked.row} data-testid="offer-row" data-offer-id={offer.id}>
            <TableCell className={stacked.primary}>
              <RouterLink to={`/offers/${encodeURIComponent(offer.id)}`}>{offer.name}</RouterLink>
            </TableCell>
            <TableCell className={stacked.cell} data-label={t('offers.columns.type')}>
              {labels.typeLabel(offer.offerType)}
            </TableCell>
            <TableCell className={stacked.cell} data-label={t('offers.columns.state')}>
              <OfferStateBadge state={offer.state} />
            </TableCell>
            <TableCell className={stacked.cell} data-label={t('offers.columns.markets')}>
              {offer.markets.length === 0 ? (
                t('offers.noMarkets')
              ) : (
                <span title={offer.markets.map(labels.countryName).join(', ')}>
                  {formatMarkets(offer.markets)}
                </span>
              )}
            </TableCell>
            <TableCell className={stacked.cell} data-label={t('offers.columns.coSellStatus')}>
              <CoSellStatusBadge status={offer.coSellStatus} />
            </TableCell>
            <TableCell className={stacked.cell} data-label={t('offers.columns.updated')}>
              {formatDate(offer.updatedAt)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
