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
import { LoadingState, QueryError } from '../../components/query-state.js';
import { useFormatDate } from '../../components/use-format-date.js';
import { useAdminOrganizations } from './admin-queries.js';

export function OrganizationsTable({ headingId }: { headingId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const organizations = useAdminOrganizations();

  if (organizations.isPending) return <LoadingState />;
  if (organizations.isError) {
    return <QueryError error={organizations.error} onRetry={() => void organizations.refetch()} />;
  }
  if (organizations.data.length === 0) return <Body1>{t('admin.organizations.empty')}</Body1>;

  return (
    <Table aria-labelledby={headingId} data-testid="admin-organizations-table" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('admin.organizations.name')}</TableHeaderCell>
          <TableHeaderCell>{t('admin.organizations.members')}</TableHeaderCell>
          <TableHeaderCell>{t('admin.organizations.created')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {organizations.data.map((organization) => (
          <TableRow key={organization.id}>
            <TableCell>{organization.name}</TableCell>
            <TableCell>{organization.memberCount}</TableCell>
            <TableCell>{formatDate(organization.createdAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
