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
import { useFormatDateTime } from '../../components/use-format-date-time.js';
import { useFormatWaiting } from './use-format-waiting.js';

export type ReviewQueueItem = z.infer<typeof ReviewQueueItemSchema>;

export const reviewPagePath = (submissionId: string) => `/reviews/${encodeURIComponent(submissionId)}`;

/** The queue, oldest first: the offer (a link to its review), who submitted it, when, and how long ago. */
export function ReviewQueueTable({ items }: { items: readonly ReviewQueueItem[] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const formatWaiting = useFormatWaiting();
  return (
    <Table aria-label={t('reviews.tableLabel')} data-testid="review-queue-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('reviews.columns.offer')}</TableHeaderCell>
          <TableHeaderCell>{t('reviews.columns.organization')}</TableHeaderCell>
          <TableHeaderCell>{t('reviews.columns.submitted')}</TableHeaderCell>
          <TableHeaderCell>{t('reviews.columns.waiting')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.submissionId} data-testid="review-row" data-submission-id={item.submissionId}>
            <TableCell>
              <RouterLink to={reviewPagePath(item.submissionId)}>{item.offerName}</RouterLink>
            </TableCell>
            <TableCell>{item.organizationName}</TableCell>
            <TableCell>
              {t('reviews.submittedBy', {
                date: formatDateTime(item.submittedAt),
                name: item.submittedByName,
              })}
            </TableCell>
            <TableCell data-testid="review-waiting">{formatWaiting(item.waitingSeconds)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
