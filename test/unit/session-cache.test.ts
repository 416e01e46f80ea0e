import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/auth/actor.js';
import { createSessionCache } from '../../src/server/auth/session-cache.js';

const actor = (id: string) => ({ kind: 'user', user: { id } }) as unknown as Actor;
const now = new Date('2026-11-25T12:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('the session cache', () => {
  it('remembers a session until its time runs out, and never past the session itself', async () => {
    const cache = createSessionCache({ ttlMs: 50 });
    cache.set('a', actor('u1'), later(3_600_000));
    cache.set('b', actor('u2'), later(10));
    expect(cache.get('a', now)).toEqual(actor('u1'));
    // The session expires (by the application's clock) before the entry would.
    expect(cache.get('b', later(10))).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(cache.get('a', now)).toBeUndefined();
  });

  it('forgets one session or all, keeps at most maxEntries, and remembers nothing with ttl 0', () => {
    const cache = createSessionCache({ ttlMs: 10_000, maxEntries: 2 });
    cache.set('a', actor('u1'), later(60_000));
    cache.set('b', actor('u2'), later(60_000));
    cache.forget('a');
    expect(cache.get('a', now)).toBeUndefined();
    expect(cache.get('b', now)).toBeDefined();
    cache.set('c', actor('u3'), later(60_000));
    cache.set('d', actor('u4'), later(60_000));
    expect(cache.get('b', now)).toBeUndefined();
    expect(cache.get('d', now)).toBeDefined();
    cache.clear();
    expect(cache.get('d', now)).toBeUndefined();
    const off = createSessionCache({ ttlMs: 0 });
    off.set('a', actor('u1'), later(60_000));
    expect(off.get('a', now)).toBeUndefined();
  });
});
