import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error.js';
import { queryKeys } from './query-keys.js';

/** Retry only what might heal: network failures and 5xx, never a 4xx answer. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.isClientError) return false;
  return failureCount < 2;
}

/**
 * One client for the app. A 401 on any call other than /me means the session ended (expired, revoked,
 * signed out elsewhere): forget the session so the route guard sends the person to sign in.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: forgetSessionOn401 }),
    mutationCache: new MutationCache({ onError: forgetSessionOn401 }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });

  function forgetSessionOn401(error: unknown): void {
    if (isApiError(error) && error.isUnauthenticated && client.getQueryData(queryKeys.me) != null) {
      client.setQueryData(queryKeys.me, null);
    }
  }

  return client;
}
