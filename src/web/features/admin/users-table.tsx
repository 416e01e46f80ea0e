import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../../domain/schemas/admin.js';
import { useFormatDate } from '../../components/use-format-date.js';
import { useAdminUsers } from './admin-queries.js';
import { AdminTable } from './admin-table.js';

export function UsersTable({ headingId }: { headingId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const roles = (user: AdminUser) =>
    user.platformRoles.map((role) => t(`platformRoles.${role}`)).join(', ') || t('admin.none');
  const organizations = (user: AdminUser) =>
    user.memberships.map((m) => `${m.organizationName} (${t(`memberRoles.${m.role}`)})`).join(', ') ||
    t('admin.none');
  return (
    <AdminTable
      query={useAdminUsers()}
      empty={t('admin.users.empty')}
      headingId={headingId}
      testId="admin-users-table"
      columns={[
        { header: t('admin.users.name'), cell: (user) => user.name },
        { header: t('admin.users.email'), cell: (user) => user.email },
        { header: t('admin.users.roles'), cell: roles },
        { header: t('admin.users.organizations'), cell: organizations },
        { header: t('admin.users.created'), cell: (user) => formatDate(user.createdAt) },
      ]}
    />
  );
}
