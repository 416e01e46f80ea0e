import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CreatedWebhookEndpointSchema,
  type CreateWebhookEndpointRequest,
  DeliveryPageSchema,
  ReplayResultSchema,
  type UpdateWebhookEndpointRequest,
  WebhookDeliverySchema,
  WebhookEndpointListSchema,
  WebhookEndpointSchema,
} from '../../../domain/schemas/webhooks.js';
import { apiRequest, apiRequestWithEtag, apiSend } from '../../api/client.js';
import { useIdempotencyKey } from '../../api/idempotency-key.js';
import { queryKeys } from '../../api/query-keys.js';

/** Whose endpoints a page shows: an organisation's, or the platform's (admins). */
export type WebhookScope = { organizationId: string } | { platform: true };

const listPath = (scope: WebhookScope) =>
  'organizationId' in scope
    ? `/api/v1/organizations/${encodeURIComponent(scope.organizationId)}/webhooks`
    : '/api/v1/admin/webhooks';
const scopeKey = (scope: WebhookScope) => ('organizationId' in scope ? scope.organizationId : 'platform');
const endpointPath = (endpointId: string) => `/api/v1/webhooks/${encodeURIComponent(endpointId)}`;

/** Where an endpoint's list page is. */
export function webhooksPath(organizationId: string | null): string {
  return organizationId === null
    ? '/admin/webhooks'
    : `/organizations/${encodeURIComponent(organizationId)}/webhooks`;
}

export const webhookPath = (endpointId: string) => `/webhooks/${encodeURIComponent(endpointId)}`;

export function useWebhooks(scope: WebhookScope) {
  return useQuery({
    queryKey: queryKeys.webhooks(scopeKey(scope)),
    queryFn: ({ signal }) => apiRequest(listPath(scope), WebhookEndpointListSchema, { signal }),
    select: (list) => list.items,
  });
}

/** The answer carries the secret once; it lives only in the dialog's state, never in the query cache. */
export function useCreateWebhook(scope: WebhookScope) {
  const queryClient = useQueryClient();
  const key = useIdempotencyKey();
  return useMutation({
    mutationFn: (request: CreateWebhookEndpointRequest) =>
      apiRequest(listPath(scope), CreatedWebhookEndpointSchema, {
        method: 'POST',
        body: request,
        idempotencyKey: key.for({ scope, request }),
      }),
    onSuccess: () => {
      key.succeeded();
      return queryClient.invalidateQueries({ queryKey: queryKeys.everyWebhook });
    },
  });
}

export function useWebhook(endpointId: string) {
  return useQuery({
    queryKey: queryKeys.webhook(endpointId),
    queryFn: ({ signal }) => apiRequestWithEtag(endpointPath(endpointId), WebhookEndpointSchema, { signal }),
  });
}

export function useUpdateWebhook(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, change }: { etag: string; change: UpdateWebhookEndpointRequest }) =>
      apiRequest(endpointPath(endpointId), WebhookEndpointSchema, {
        method: 'PATCH',
        body: change,
        ifMatch: etag,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.everyWebhook }),
  });
}

export function useDeleteWebhook(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (etag: string) => apiSend(endpointPath(endpointId), { method: 'DELETE', ifMatch: etag }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.everyWebhook }),
  });
}

export function useRotateSecret(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (overlapHours: number) =>
      apiRequest(`${endpointPath(endpointId)}/rotate-secret`, CreatedWebhookEndpointSchema, {
        method: 'POST',
        body: { overlapHours },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhook(endpointId) }),
  });
}

export function useDeliveries(endpointId: string) {
  return useQuery({
    queryKey: queryKeys.webhookDeliveries(endpointId),
    queryFn: ({ signal }) =>
      apiRequest(`${endpointPath(endpointId)}/deliveries?limit=50`, DeliveryPageSchema, { signal }),
  });
}

/** Queues a test event, a delivery's replay, or every event since a time; the log shows them. */
export function useSendToEndpoint(endpointId: string) {
  const queryClient = useQueryClient();
  const invalidate = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.webhookDeliveries(endpointId) });
  const test = useMutation({
    mutationFn: () =>
      apiRequest(`${endpointPath(endpointId)}/test`, WebhookDeliverySchema, { method: 'POST' }),
    onSuccess: invalidate,
  });
  const replay = useMutation({
    mutationFn: (deliveryId: string) =>
      apiRequest(
        `${endpointPath(endpointId)}/deliveries/${encodeURIComponent(deliveryId)}/replay`,
        WebhookDeliverySchema,
        { method: 'POST' },
      ),
    onSuccess: invalidate,
  });
  const replaySince = useMutation({
    mutationFn: (since: string) =>
      apiRequest(`${endpointPath(endpointId)}/replay`, ReplayResultSchema, {
        method: 'POST',
        body: { since },
      }),
    onSuccess: invalidate,
  });
  return { test, replay, replaySince };
}
