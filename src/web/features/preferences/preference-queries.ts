import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '../../../domain/schemas/messages.js';
import { apiRequest, lazySchema } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import type { Session } from '../auth/auth-queries.js';

// Lazily: the language switch is on the sign-in page, which does not otherwise load Zod.
const preferencesAnswer = lazySchema(
  async () => (await import('../../../domain/schemas/auth.js')).PreferencesSchema,
);

/** Saves the signed-in person's language on the server (their emails follow it) and in the cached session. */
export function useSaveLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) =>
      apiRequest('/api/v1/me/preferences', preferencesAnswer, { method: 'PUT', body: { locale } }),
    onSuccess: ({ locale }) => {
      queryClient.setQueryData<Session | null>(queryKeys.me, (session) =>
        session ? { ...session, user: { ...session.user, locale } } : session,
      );
    },
  });
}
