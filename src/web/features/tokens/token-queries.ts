import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CreatedTokenSchema,
  type CreateTokenRequest,
  TokenListSchema,
} from '../../../domain/schemas/tokens.js';
import { apiRequest, apiSend } from '../../api/client.js';
import { useIdempotencyKey } from '../../api/idempotency-key.js';
import { queryKeys } from '../../api/query-keys.js';

export function useTokens() {
  return useQuery({
    queryKey: queryKeys.tokens,
    queryFn: ({ signal }) => apiRequest('/api/v1/tokens', TokenListSchema, { signal }),
    select: (list) => list.items,
  });
}

/** The answer carries the secret once; it lives only in the dialog's state, never in the query cache. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  const key = useIdempotencyKey();
  return useMutation({
    mutationFn: (request: CreateTokenRequest) =>
      apiRequest('/api/v1/tokens', CreatedTokenSchema, {
        method: 'POST',
        body: request,
        idempotencyKey: key.for(request),
      }),
    onSuccess: () => {
      key.succeeded();
      return queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
    },
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      apiSend(`/api/v1/tokens/${encodeURIComponent(tokenId)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}
