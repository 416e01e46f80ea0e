import {
  Body1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../../domain/schemas/admin.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { useFormatDate } from '../../components/use-format-date.js';
import { useAdminUsers } from './admin-queries.js';

export function UsersTable({ headingId }: { headingId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const users = useAdminUsers();

  if (users.isPending) return <LoadingState />;
  if (users.isError) return <QueryError error={users.error} onRetry={() => void users.refetch()} />;
  if (users.data.length === 0) return <Body1>{t('admin.users.empty')}</Body1>;

  const roles = (user: AdminUser) =>
    user.platformRoles.map((role) => t(`platformRoles.${role}`)).join(', ') || t('admin.none');
  const organizations = (user: AdminUser) =>
    user.memberships.map((m) => `${m.organizationName} (${t(`memberRoles.${m.role}`)})`).join(', ') ||
    t('admin.none');

  return (
    <Table aria-labelledby={headingId} data-testid="admin-users-table" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('admin.users.name')}</TableHeaderCell>
          <TableHeaderCell>{t('admin.users.email')}</TableHeaderCell>
          <TableHeaderCell>{t('admin.users.roles')}</TableHeaderCell>
          <TableHeaderCell>{t('admin.users.organizations')}</TableHeaderCell>
          <TableHeaderCell>{t('admin.users.created')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {users.data.map((user) => (
          <TableRow key={user.id}>
            <TableCell>{user.name}</TableCell>
            <TableCell>{user.email}</TableCell>
            <TableCell>{roles(user)}</TableCell>
            <TableCell>{organizations(user)}</TableCell>
            <TableCell>{formatDate(user.createdAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
