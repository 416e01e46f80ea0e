import type { Clock } from '../ids.js';
import type { Actor } from './actor.js';

/**
 * Who a session cookie belongs to, remembered for a moment so that a burst of requests from one browser
 * (or a load test) costs one lookup rather than one each. An entry lives at most `ttlMs` and never past the
 * session's expiry. This server forgets an entry when it signs the session out and forgets them all when it
 * writes anything (see services/index.ts), so its own changes apply at once; another server sharing the
 * database may act on a signed-out session or an old membership for up to `ttlMs`.
 */
export function createSessionCache({
  ttlMs,
  clock,
  maxEntries = 10_000,
}: {
  ttlMs: number;
  clock: Clock;
  maxEntries?: number;
}) {
  const entries = new Map<string, { actor: Actor; until: number; expiresAt: number }>();
  return {
    get(secretHash: string): Actor | undefined {
      const entry = entries.get(secretHash);
      if (!entry) return undefined;
      if (clock.monotonicMs() >= entry.until || clock.now().getTime() >= entry.expiresAt) {
        entries.delete(secretHash);
        return undefined;
      }
      return entry.actor;
    },

    set(secretHash: string, actor: Actor, expiresAt: Date): void {
      if (ttlMs <= 0) return;
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(secretHash, { actor, until: clock.monotonicMs() + ttlMs, expiresAt: expiresAt.getTime() });
    },

    forget(secretHash: string): void {
      entries.delete(secretHash);
    },

    clear(): void {
      entries.clear();
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
