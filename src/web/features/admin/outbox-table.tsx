import { Badge } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../components/use-format-date.js';
import { useAdminOutbox } from './admin-queries.js';
import { AdminTable } from './admin-table.js';

/** The emails cosell has written: without SMTP they wait here; with it, each shows when it was delivered. */
export function OutboxTable({ headingId }: { headingId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <AdminTable
      query={useAdminOutbox()}
      empty={t('admin.outbox.empty')}
      headingId={headingId}
      testId="admin-outbox-table"
      columns={[
        { header: t('admin.outbox.to'), cell: (email) => email.to },
        { header: t('admin.outbox.subject'), cell: (email) => email.subject },
        { header: t('admin.outbox.created'), cell: (email) => formatDate(email.createdAt) },
        {
          header: t('admin.outbox.delivery'),
          cell: (email) =>
            email.sentAt ? (
              t('admin.outbox.sent', { date: formatDate(email.sentAt) })
            ) : (
              <Badge appearance="outline">{t('admin.outbox.waiting')}</Badge>
            ),
        },
      ]}
    />
  );
}
