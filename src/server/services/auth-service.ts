import type { Repositories } from '../../db/repositories/index.js';
import type { UserWithMemberships } from '../../db/repositories/user-repository.js';
import type { Locale } from '../../domain/schemas/messages.js';
import type { Actor } from '../auth/actor.js';
import type { HashLane, PasswordHashing } from '../auth/password.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { SessionCache } from '../auth/session-cache.js';
import type { TrustedDevice } from '../auth/trusted-device.js';
import { AppError, problem } from '../errors.js';
import type { Clock, IdGenerator } from '../ids.js';
import { presentMemberships, presentUser } from './account-presenter.js';

export interface AuthServiceDeps {
  repos: Repositories;
  clock: Clock;
  ids: IdGenerator;
  sessionTtlHours: number;
  /** How long a device cookie gives its sign-in lane (0: none is issued); 30 when left out. */
  deviceCookieDays?: number;
  sessions: SessionCache;
  passwords: PasswordHashing;
}

/** Signs people in and out, and works out who a request comes from. */
export function createAuthService({
  repos,
  clock,
  ids,
  sessionTtlHours,
  deviceCookieDays = 30,
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

  /** A new device cookie's secret for a browser that just signed in as `userId`, or none when they are off. */
  async function issueDevice(userId: string, now: Date) {
    if (deviceCookieDays <= 0) return undefined;
    const secret = newSecret();
    const expiresAt = new Date(now.getTime() + deviceCookieDays * 86_400_000);
    await repos.signInDevices.insert({ id: ids('dev'), secretHash: hashSecret(secret), userId, expiresAt });
    return { secret, expiresAt };
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
      device?: TrustedDevice,
      addressLane: Exclude<HashLane, 'device'> = 'anonymous',
    ) {
      // A device cookie for this account (deviceFor) puts the check in the device lane; nothing else does.
      // Without one, the lane the sign-in's address earned (sign-in-addresses.ts), the same for any account.
      const lane: HashLane = device ? 'device' : addressLane;
      const user = await repos.users.findByEmail(email.trim());
      const check = user
        ? await passwords.verify(password, user.passwordHash, lane)
        : { matches: await passwords.verifyNobody(password, lane), needsRehash: false };
      if (!user || !check.matches)
        throw new AppError('invalid_credentials', problem('codes.invalid_credentials'));
      // A hash of the earlier scheme or a lower cost is replaced while the password is at hand.
      if (check.needsRehash) await repos.users.setPasswordHash(user.id, await passwords.hash(password, lane));
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
      const newDevice = device?.userId === user.id ? undefined : await issueDevice(user.id, now);
      return {
        secret,
        expiresAt,
        csrfToken,
        user: presentUser({ ...user, locale }),
        memberships,
        device: newDevice,
      };
    },

    /**
     * The device a device cookie stands for, when it is unexpired, not revoked, and its user's email is the
     * one signing in; otherwise undefined, and the sign-in takes the anonymous lane. Compared here, not in
     * SQL: the email is not validated yet (this runs before the body's schema check).
     */
    async deviceFor(secret: string | undefined, email: unknown): Promise<TrustedDevice | undefined> {
      if (!secret || typeof email !== 'string' || secret.length > 100) return undefined;
      const found = await repos.signInDevices.findActive(hashSecret(secret), clock.now());
      if (!found || found.email !== email.trim().toLowerCase()) return undefined;
      return { id: found.id, userId: found.userId };
    },

    /** Attempts from this device reached the account's limit: its cookie gives no lane any more. */
    async revokeDevice(device: TrustedDevice): Promise<void> {
      await repos.signInDevices.revoke(device.id, clock.now());
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
