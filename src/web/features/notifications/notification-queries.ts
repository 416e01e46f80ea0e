import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NotificationListSchema, ReadAllResponseSchema } from '../../../domain/schemas/notifications.js';
import { apiRequest, apiSend } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';

const notificationsPath = '/api/v1/notifications';

/** The person's notifications, newest first; checked again every minute for the unread count. */
export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: queryKeys.notifications,
    queryFn: ({ signal }) => apiRequest(notificationsPath, NotificationListSchema, { signal }),
    select: (list) => [...list.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    refetchInterval: 60_000,
    enabled,
  });
}

export function useUnreadCount(enabled: boolean): number {
  const notifications = useNotifications(enabled);
  return notifications.data?.filter((item) => item.readAt === null).length ?? 0;
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string) =>
      apiSend(`${notificationsPath}/${encodeURIComponent(notificationId)}/read`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}

/** Marks every unread notification read. */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`${notificationsPath}/read-all`, ReadAllResponseSchema, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}
