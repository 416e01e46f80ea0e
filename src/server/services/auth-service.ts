import type { Repositories } from '../../db/repositories/index.js';
import type { UserWithMemberships } from '../../db/repositories/user-repository.js';
import type { Locale } from '../../domain/schemas/messages.js';
import type { Actor } from '../auth/actor.js';
import type { PasswordHashing } from '../auth/password.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { SessionCache } from '../auth/session-cache.js';
import { AppError, problem } from '../errors.js';
import type { Clock, IdGenerator } from '../ids.js';
import { presentMemberships, presentUser } from './account-presenter.js';

export interface AuthServiceDeps {
  repos: Repositories;
  clock: Clock;
  ids: IdGenerator;
  sessionTtlHours: number;
  sessions: SessionCache;
  passwords: PasswordHashing;
}

/** Signs people in and out, and works out who a request comes from. */
export function createAuthService({
  repos,
  clock,
  ids,
  sessionTtlHours,
  sessions,
  passwords,
}: AuthServiceDeps) {
  function actorFor(
    found: UserWithMemberships,
    via: 'session' | 'token',
    csrfToken: string | null,
    sessionSecretHash: string | null,
  ): Actor {
    const memberships = presentMemberships(found.memberships);
    return { kind: 'user', user: presentUser(found.user), memberships, via, csrfToken, sessionSecretHash };
  }

  return {
    /**
     * Checks the credentials and opens a new session. The same error for an unknown email and a wrong
     * password, after the same amount of work. `browserLocale` (from Accept-Language) becomes the language
     * of a person who has none yet.
     */
    async signIn(
      email: string,
      password: string,
      previousSessionSecret: string | undefined,
      browserLocale?: Locale,
    ) {
      const user = await repos.users.findByEmail(email.trim());
      const check = user
        ? await passwords.verify(password, user.passwordHash)
        : { matches: await passwords.verifyNobody(password), needsRehash: false };
      if (!user || !check.matches)
        throw new AppError('invalid_credentials', problem('codes.invalid_credentials'));
      // A hash of the earlier scheme or a lower cost is replaced while the password is at hand.
      if (check.needsRehash) await repos.users.setPasswordHash(user.id, await passwords.hash(password));
      // Rotate: whatever session the browser had before is ended, and a fresh secret is issued.
      if (previousSessionSecret) {
        const previous = hashSecret(previousSessionSecret);
        await repos.sessions.deleteBySecretHash(previous);
        sessions.forget(previous);
      }
      const secret = newSecret();
      const csrfToken = newSecret(24);
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + sessionTtlHours * 3_600_000);
      await repos.sessions.insert({
        id: ids('ses'),
        secretHash: hashSecret(secret),
        userId: user.id,
        csrfToken,
        expiresAt,
      });
      // Someone who never chose a language gets their emails in the one their browser asked for, from now on.
      const locale = user.locale ?? browserLocale ?? null;
      if (locale !== user.locale && locale !== null) await repos.users.setLocale(user.id, locale);
      const memberships = presentMemberships(await repos.users.membershipsOf([user.id]));
      return { secret, expiresAt, csrfToken, user: presentUser({ ...user, locale }), memberships };
    },

    async signOut(sessionSecretHash: string | null): Promise<void> {
      if (!sessionSecretHash) return;
      await repos.sessions.deleteBySecretHash(sessionSecretHash);
      sessions.forget(sessionSecretHash);
    },

    /** The actor behind a session cookie's secret, or anonymous when it is unknown or expired. */
    async actorFromSession(secret: string): Promise<Actor> {
      const secretHash = hashSecret(secret);
      const now = clock.now();
      const known = sessions.get(secretHash);
      if (known) return known;
      const found = await repos.sessions.findActiveWithUser(secretHash, now);
      if (!found) return { kind: 'anonymous' };
      const actor = actorFor(found, 'session', found.session.csrfToken, secretHash);
      sessions.set(secretHash, actor, found.session.expiresAt);
      return actor;
    },

    /** The actor behind an API token, or undefined when the token is unknown, revoked or expired. */
    async actorFromToken(token: string): Promise<Actor | undefined> {
      const now = clock.now();
      const row = await repos.tokens.findActive(hashSecret(token), now);
      if (!row) return undefined;
      await repos.tokens.touch(row.id, now);
      const found = await repos.users.findWithMemberships(row.userId);
      return found && actorFor(found, 'token', null, null);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
