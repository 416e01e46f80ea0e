import type {
  ClosingSubstatus,
  ReferralDirection,
  ReferralSide,
  ReferralStatus,
  ReferralSubstatus,
} from './referral-enums.js';

/**
 * The moves a referral can make. People take `accept`, `decline` and `close` (each an explicit action of the
 * API); `expire` is the clock's, when a New referral is left unanswered past its expiry.
 */
export const referralTransitions = ['accept', 'decline', 'close', 'expire'] as const;
export type ReferralTransition = (typeof referralTransitions)[number];

/** The transitions people take through the API (expiry is never asked for). */
export type PersonTransition = Exclude<ReferralTransition, 'expire'>;

export interface ReferralState {
  status: ReferralStatus;
  substatus: ReferralSubstatus;
}

/**
 * What each status allows, following Partner Center's table (New → New, Active, Closed; Active → Active,
 * Closed; Closed → Closed): New is answered (accepted or declined) or expires; Active is closed Won or Lost;
 * Closed is final. test/unit/referral-transitions.test.ts holds this to reference/referral-api.json.
 */
const ALLOWED: Readonly<Record<ReferralStatus, readonly ReferralTransition[]>> = {
  New: ['accept', 'decline', 'expire'],
  Active: ['close'],
  Closed: [],
};

/** The transitions allowed from a status. */
export function allowedTransitions(status: ReferralStatus): readonly ReferralTransition[] {
  return ALLOWED[status];
}

/** The person-facing transitions allowed from a status: what a 409 names. */
export function allowedPersonTransitions(status: ReferralStatus): PersonTransition[] {
  return ALLOWED[status].filter((t): t is PersonTransition => t !== 'expire');
}

export function isAllowed(status: ReferralStatus, transition: ReferralTransition): boolean {
  return ALLOWED[status].includes(transition);
}

/** Where a transition leads; `close` needs its outcome. */
export function targetOf(transition: ReferralTransition, outcome?: ClosingSubstatus): ReferralState {
  switch (transition) {
    case 'accept':
      return { status: 'Active', substatus: 'Accepted' };
    case 'decline':
      return { status: 'Closed', substatus: 'Declined' };
    case 'expire':
      return { status: 'Closed', substatus: 'Expired' };
    case 'close':
      return { status: 'Closed', substatus: outcome ?? 'Won' };
  }
}

/** The party a New referral waits for: the partner answers an incoming one, the vendor's sellers an outgoing one. */
export function receivingSide(direction: ReferralDirection): ReferralSide {
  return direction === 'incoming' ? 'partner' : 'vendor';
}

/**
 * The substatus as one party sees it. Partner Center keeps a referral per party, the sender's New/Pending and
 * the receiver's New/Received; we keep one record (stored as Received) and show each side its own.
 */
export function substatusSeenBy(
  state: ReferralState,
  direction: ReferralDirection,
  side: ReferralSide,
): ReferralSubstatus {
  if (state.status !== 'New') return state.substatus;
  return side === receivingSide(direction) ? 'Received' : 'Pending';
}

/** Whether a referral is past its expiry: a New one whose expiry has come reads as Closed (Expired). */
export function isDue(state: Pick<ReferralState, 'status'>, expiresAt: Date, now: Date): boolean {
  return state.status === 'New' && expiresAt.getTime() <= now.getTime();
}

/** The state a referral reads as at `now`: Closed (Expired) once an unanswered one is due. */
export function effectiveState(state: ReferralState, expiresAt: Date, now: Date): ReferralState {
  return isDue(state, expiresAt, now) ? targetOf('expire') : state;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a referral created at `createdAt` expires unanswered. */
export function expiryOf(createdAt: Date, days: number): Date {
  return new Date(createdAt.getTime() + days * DAY_MS);
}
