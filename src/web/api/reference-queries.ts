import { useQuery } from '@tanstack/react-query';
import { ReferenceResponseSchema } from '../../domain/schemas/reference.js';
import { apiRequest } from './client.js';
import { queryKeys } from './query-keys.js';

/** The taxonomy and rules; they change only with a deployment, so one fetch per page load is enough. */
export function useReference() {
  return useQuery({
    queryKey: queryKeys.reference,
    queryFn: ({ signal }) => apiRequest('/api/v1/reference', ReferenceResponseSchema, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}
