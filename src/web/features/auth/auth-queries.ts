import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, MeResponse } from '../../../domain/schemas/auth.js';
import type { SessionResponse } from '../../../domain/schemas/session.js';
import { type AnswerSchema, apiRequest, apiSend, lazySchema, setCsrfToken } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';

/** The signed-in person, or null when nobody is signed in. */
export type Session = Pick<MeResponse, 'user' | 'memberships' | 'authenticatedBy'>;

/**
 * The session probe's answer. Signed out it is `{ user: null }` (NoSessionSchema: any object whose user is
 * null), checked here, so that a signed-out first visit needs no Zod; a session is parsed with the shared
 * schema, loaded then (a signed-in page's own chunks load Zod anyway).
 */
const sessionAnswer: AnswerSchema<SessionResponse> = {
  async safeParse(answer) {
    if (typeof answer === 'object' && answer !== null && 'user' in answer && answer.user === null)
      return { success: true, data: { user: null } };
    return (await import('../../../domain/schemas/session.js')).SessionResponseSchema.safeParse(answer);
  },
};

const loginAnswer = lazySchema(
  async () => (await import('../../../domain/schemas/auth.js')).LoginResponseSchema,
);

/**
 * Asks /session rather than /me: signed out, /me answers 401, which the browser logs as an error on every
 * anonymous page load; /session answers `{ user: null }`. Not being signed in is an answer, not a failure:
 * the route guard turns it into a redirect.
 */
async function fetchSession(signal: AbortSignal): Promise<Session | null> {
  const answer = await apiRequest('/api/v1/session', sessionAnswer, { signal });
  if (answer.user === null) {
    setCsrfToken(null);
    return null;
  }
  const { csrfToken, ...session } = answer;
  setCsrfToken(csrfToken);
  return session;
}

export function useSessionQuery() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 5 * 60_000,
  });
}

export function useSignInMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) =>
      apiRequest('/api/v1/auth/login', loginAnswer, { method: 'POST', body: credentials }),
    onSuccess: ({ csrfToken, user, memberships }) => {
      setCsrfToken(csrfToken);
      // Data cached for a previous person must not leak into this session.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
      const session: Session = { user, memberships, authenticatedBy: 'session' };
      queryClient.setQueryData<Session | null>(queryKeys.me, session);
    },
  });
}

export function useSignOutMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('/api/v1/auth/logout', { method: 'POST' }),
    // Forget the session even when the call fails: the person asked to leave, and a 401 means already gone.
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData<Session | null>(queryKeys.me, null);
    },
  });
}
