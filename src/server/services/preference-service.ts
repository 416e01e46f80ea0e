import type { Repositories } from '../../db/repositories/index.js';
import type { Preferences } from '../../domain/schemas/auth.js';
import type { UserActor } from '../auth/actor.js';
import type { SessionCache } from '../auth/session-cache.js';

/** What a user sets about themselves; remembered on the server, so emails follow the language too. */
export function createPreferenceService({
  repos,
  sessions,
}: {
  repos: Repositories;
  sessions?: SessionCache;
}) {
  return {
    async save(actor: UserActor, preferences: Preferences): Promise<Preferences> {
      await repos.users.setLocale(actor.user.id, preferences.locale);
      // The session's remembered user carries the old language.
      sessions?.clear();
      return { locale: preferences.locale };
    },
  };
}

export type PreferenceService = ReturnType<typeof createPreferenceService>;
