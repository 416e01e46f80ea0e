import {
  Badge,
  Body1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { useFormatDate } from '../../components/use-format-date.js';
import { useAdminOutbox } from './admin-queries.js';

/** The emails cosell has written: without SMTP they wait here; with it, each shows when it was delivered. */
export function OutboxTable({ headingId }: { headingId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const outbox = useAdminOutbox();

  if (outbox.isPending) return <LoadingState />;
  if (outbox.isError) return <QueryError error={outbox.error} onRetry={() => void outbox.refetch()} />;
  if (outbox.data.length === 0) return <Body1>{t('admin.outbox.empty')}</Body1>;

  return (
    <Table aria-labelledby={headingId} data-testid="admin-outbox-table" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('admin.outbox.to')}</TableHeaderCell>
          <TableHeaderCell>{t('admin.outbox.subject')}</TableHeaderCell>
          <TableHeaderCell>{t('admin.outbox.created')}</TableHeaderCell>
          <TableHeaderCell>{t('admin.outbox.delivery')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {outbox.data.map((email) => (
          <TableRow key={email.id}>
            <TableCell>{email.to}</TableCell>
            <TableCell>{email.subject}</TableCell>
            <TableCell>{formatDate(email.createdAt)}</TableCell>
            <TableCell>
              {email.sentAt ? (
                t('admin.outbox.sent', { date: formatDate(email.sentAt) })
              ) : (
                <Badge appearance="outline">{t('admin.outbox.waiting')}</Badge>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
