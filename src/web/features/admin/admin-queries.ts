import { useQuery } from '@tanstack/react-query';
import { AdminUserListSchema, OrganizationListSchema } from '../../../domain/schemas/admin.js';
import { OutboxListSchema } from '../../../domain/schemas/notifications.js';
import { apiRequest } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';

export function useAdminUsers() {
  return useQuery({
    queryKey: queryKeys.adminUsers,
    queryFn: ({ signal }) => apiRequest('/api/v1/admin/users', AdminUserListSchema, { signal }),
    select: (list) => list.items,
  });
}

export function useAdminOrganizations() {
  return useQuery({
    queryKey: queryKeys.adminOrganizations,
    queryFn: ({ signal }) => apiRequest('/api/v1/admin/organizations', OrganizationListSchema, { signal }),
    select: (list) => list.items,
  });
}

export function useAdminOutbox() {
  return useQuery({
    queryKey: queryKeys.adminOutbox,
    queryFn: ({ signal }) => apiRequest('/api/v1/admin/outbox', OutboxListSchema, { signal }),
    select: (list) => list.items,
  });
}
