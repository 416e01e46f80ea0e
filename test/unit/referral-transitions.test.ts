import { describe, expect, it } from 'vitest';
import { rawReferralEnumerations } from '../../src/domain/reference/generated/reference-data.js';
import {
  nextStatusesOf,
  referralStatuses,
  substatusesOf,
} from '../../src/domain/referrals/referral-enums.js';
import {
  allowedPersonTransitions,
  allowedTransitions,
  effectiveState,
  expiryOf,
  isDue,
  referralTransitions,
  substatusSeenBy,
  targetOf,
} from '../../src/domain/referrals/referral-transitions.js';

describe('referral transitions', () => {
  it("keep Partner Center's enumerations, without its unset None", () => {
    expect(referralStatuses).toEqual(['New', 'Active', 'Closed']);
    expect(rawReferralEnumerations.statuses).toEqual(['None', ...referralStatuses]);
  });

  it("lead only where Partner Center's status table allows, to a substatus of the target status", () => {
    for (const from of referralStatuses)
      for (const transition of allowedTransitions(from)) {
        const outcomes = transition === 'close' ? (['Won', 'Lost'] as const) : ([undefined] as const);
        for (const outcome of outcomes) {
          const to = targetOf(transition, outcome);
          expect(nextStatusesOf[from], `${from} → ${transition}`).toContain(to.status);
          expect(substatusesOf[to.status]).toContain(to.substatus);
        }
      }
  });

  // biome-ignore format: the table is read in columns
  const TABLE: Record<string, Record<string, boolean>> = {
    //        accept decline close  expire
    New:    { accept: true,  decline: true,  close: false, expire: true },
    Active: { accept: false, decline: false, close: true,  expire: false },
    Closed: { accept: false, decline: false, close: false, expire: false },
  };

  it.each(referralStatuses)('from %s allow exactly the table row', (status) => {
    const actual = Object.fromEntries(
      referralTransitions.map((t) => [t, allowedTransitions(status).includes(t)]),
    );
    expect(actual).toEqual(TABLE[status]);
    expect(allowedPersonTransitions(status)).not.toContain('expire');
  });

  it('show the sender Pending and the receiver Received while New, and the same status after', () => {
    const received = { status: 'New', substatus: 'Received' } as const;
    expect(substatusSeenBy(received, 'incoming', 'partner')).toBe('Received');
    expect(substatusSeenBy(received, 'incoming', 'vendor')).toBe('Pending');
    expect(substatusSeenBy(received, 'outgoing', 'partner')).toBe('Pending');
    expect(substatusSeenBy(received, 'outgoing', 'vendor')).toBe('Received');
    expect(substatusSeenBy({ status: 'Closed', substatus: 'Won' }, 'incoming', 'vendor')).toBe('Won');
  });

  it('read a New referral as Closed (Expired) from its expiry on, and nothing else', () => {
    const created = new Date('2026-11-24T12:00:00Z');
    const expires = expiryOf(created, 14);
    expect(expires.toISOString()).toBe('2026-12-08T12:00:00.000Z');
    const before = new Date(expires.getTime() - 1);
    const state = { status: 'New', substatus: 'Received' } as const;
    expect(isDue(state, expires, before)).toBe(false);
    expect(effectiveState(state, expires, before)).toEqual(state);
    expect(effectiveState(state, expires, expires)).toEqual({ status: 'Closed', substatus: 'Expired' });
    const active = { status: 'Active', substatus: 'Accepted' } as const;
    expect(effectiveState(active, expires, new Date('2030-01-01'))).toEqual(active);
  });
});
