import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/auth/actor.js';
import { createSessionCache } from '../../src/server/auth/session-cache.js';
import { manualClock } from '../support/test-app.js';

const actor = (id: string) => ({ kind: 'user', user: { id } }) as unknown as Actor;
const now = new Date('2026-11-25T12:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('the session cache', () => {
  it('remembers a session until its time runs out, and never past the session itself', () => {
    const clock = manualClock(now);
    const cache = createSessionCache({ ttlMs: 50, clock });
    cache.set('a', actor('u1'), later(3_600_000));
    cache.set('b', actor('u2'), later(10));
    cache.set('c', actor('u3'), later(3_600_000));
    expect(cache.get('a')).toEqual(actor('u1'));
    expect(cache.get('b')).toEqual(actor('u2'));
    clock.advance(10);
    // The session expires before the entry would.
    expect(cache.get('b')).toBeUndefined();
    clock.advance(39);
    expect(cache.get('a')).toEqual(actor('u1'));
    clock.advance(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBeUndefined();
  });

  it('forgets one session or all, keeps at most maxEntries, and remembers nothing with ttl 0', () => {
    const cache = createSessionCache({ ttlMs: 10_000, maxEntries: 2, clock: manualClock(now) });
    cache.set('a', actor('u1'), later(60_000));
    cache.set('b', actor('u2'), later(60_000));
    cache.forget('a');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
    cache.set('c', actor('u3'), later(60_000));
    cache.set('d', actor('u4'), later(60_000));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('d')).toBeDefined();
    cache.clear();
    expect(cache.get('d')).toBeUndefined();
    const off = createSessionCache({ ttlMs: 0, clock: manualClock(now) });
    off.set('a', actor('u1'), later(60_000));
    expect(off.get('a')).toBeUndefined();
  });
});
