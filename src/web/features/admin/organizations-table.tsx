import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../components/use-format-date.js';
import { useAdminOrganizations } from './admin-queries.js';
import { AdminTable } from './admin-table.js';

export function OrganizationsTable({ headingId }: { headingId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <AdminTable
      query={useAdminOrganizations()}
      empty={t('admin.organizations.empty')}
      headingId={headingId}
      testId="admin-organizations-table"
      columns={[
        { header: t('admin.organizations.name'), cell: (organization) => organization.name },
        { header: t('admin.organizations.members'), cell: (organization) => organization.memberCount },
        {
          header: t('admin.organizations.created'),
          cell: (organization) => formatDate(organization.createdAt),
        },
      ]}
    />
  );
}
