import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ReviewQueueItemSchema } from '../../../domain/schemas/reviews.js';
import { RouterLink } from '../../components/router-link.js';
import { useStackedTableStyles } from '../../components/stacked-table.js';
import { useFormatDateTime } from '../../components/use-format-date-time.js';
import { useFormatWaiting } from './use-format-waiting.js';

export type ReviewQueueItem = z.infer<typeof ReviewQueueItemSchema>;

export const reviewPagePath = (submissionId: string) => `/reviews/${encodeURIComponent(submissionId)}`;

/** The queue, oldest first: the offer (a link to its review), who submitted it, when, and how long ago. */
export function ReviewQueueTable({ items }: { items: readonly ReviewQueueItem[] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const formatWaiting = useFormatWaiting();
  const stacked = useStackedTableStyles();
  return (
    <Table aria-label={t('reviews.tableLabel')} className={stacked.table} data-testid="review-queue-table">
      <TableHeader className={stacked.header}>
        <TableRow>
          <TableHeaderCell>{t('reviews.columns.offer')}</TableHeaderCell>
          <TableHeaderCell>{t('reviews.columns.organization')}</TableHeaderCell>
          <TableHeaderCell>{t('reviews.columns.submitted')}</TableHeaderCell>
          <TableHeaderCell>{t('reviews.columns.waiting')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody className={stacked.body}>
        {items.map((item) => (
          <TableRow
            key={item.submissionId}
            className={stacked.row}
            data-testid="review-row"
            data-submission-id={item.submissionId}
          >
            <TableCell className={stacked.primary}>
              <RouterLink to={reviewPagePath(item.submissionId)}>{item.offerName}</RouterLink>
            </TableCell>
            <TableCell className={stacked.cell} data-label={t('reviews.columns.organization')}>
              {item.organizationName}
            </TableCell>
            <TableCell className={stacked.cell} data-label={t('reviews.columns.submitted')}>
              {t('reviews.submittedBy', {
                date: formatDateTime(item.submittedAt),
                name: item.submittedByName,
              })}
            </TableCell>
            <TableCell
              className={stacked.cell}
              data-label={t('reviews.columns.waiting')}
              data-testid="review-waiting"
            >
              {formatWaiting(item.waitingSeconds)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
