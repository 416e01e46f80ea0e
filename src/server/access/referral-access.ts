import type { ReferralRow } from '../../db/repositories/referral-repository.js';
import type {
  ReferralDirection,
  ReferralSide,
  ReferralStatus,
} from '../../domain/referrals/referral-enums.js';
import { receivingSide } from '../../domain/referrals/referral-transitions.js';
import { type Actor, hasPlatformRole, memberRoleIn } from '../auth/actor.js';
import { enforce } from '../auth/policy.js';
import type { Refusal } from './audience.js';

/** What access to a referral depends on, and nothing more; a referral row gives it. */
export interface ReferralFacts {
  /** The partner: the publisher organisation. */
  organizationId: string;
  direction: ReferralDirection;
  /** Independent referrals are the partner's alone: never shown to sellers. */
  isShared: boolean;
  status: ReferralStatus;
  /** The sellers on the vendor's team. */
  vendorUserIds: readonly string[];
}

export function referralFacts(
  row: Pick<ReferralRow, 'organizationId' | 'direction' | 'type' | 'status' | 'vendorUserIds'>,
): ReferralFacts {
  return {
    organizationId: row.organizationId,
    direction: row.direction,
    isShared: row.type === 'Shared',
    status: row.status as ReferralStatus,
    vendorUserIds: row.vendorUserIds,
  };
}

export const REFERRAL_ACTIONS = ['read', 'write', 'answer'] as const;
/**
 * - `read`: the referral, its timeline, in lists and exports.
 * - `write`: change its fields, add a note, close it (Won or Lost).
 * - `answer`: accept or decline it, which only the party it waits for does.
 *
 * Whether the status allows the move is the transition table's (409); access decides only who.
 */
export type ReferralAccessAction = (typeof REFERRAL_ACTIONS)[number];

/** As whom someone may act on a referral: one of its two parties, or an admin (who reads). */
export type ReferralReader = ReferralSide | 'admin';

/** A shared deal the partner offers to the vendor's sellers, not yet taken up: every seller sees it. */
function isOpenToSellers(referral: ReferralFacts): boolean {
  return referral.isShared && referral.direction === 'outgoing' && referral.status === 'New';
}

/**
 * The side the actor takes the action as, or why not:
 * - the partner's members (viewers read; owners and editors write, and answer what is sent to the partner);
 * - sellers on the vendor team of a shared referral (read, write, answer what is sent to the vendor), and every
 *   seller on a shared deal still open to sellers (read, and answer: take it up);
 * - admins read everything and write nothing;
 * - anyone else is told it does not exist (another organisation, sellers not on it, channel resellers).
 * test/unit/access.test.ts holds the whole table.
 */
export function referralAccess(
  actor: Actor,
  referral: ReferralFacts,
  action: ReferralAccessAction,
): ReferralReader | Refusal {
  if (actor.kind === 'anonymous') return 'unauthenticated';
  const role = memberRoleIn(actor, referral.organizationId);
  if (role) {
    if (action === 'read') return 'partner';
    if (role === 'viewer') return 'forbidden';
    if (action === 'answer' && receivingSide(referral.direction) !== 'partner') return 'forbidden';
    return 'partner';
  }
  if (hasPlatformRole(actor, 'seller') && referral.isShared) {
    const onTeam = referral.vendorUserIds.includes(actor.user.id);
    if (onTeam || isOpenToSellers(referral)) {
      if (action === 'read') return 'vendor';
      if (action === 'answer') return receivingSide(referral.direction) === 'vendor' ? 'vendor' : 'forbidden';
      return onTeam ? 'vendor' : 'forbidden';
    }
  }
  if (hasPlatformRole(actor, 'admin')) return action === 'read' ? 'admin' : 'forbidden';
  return 'notFound';
}

export function isReferralRefusal(result: ReferralReader | Refusal): result is Refusal {
  return result === 'unauthenticated' || result === 'forbidden' || result === 'notFound';
}

/** The side, or the error its refusal stands for ("The referral was not found" for notFound). */
export function admitReferral(result: ReferralReader | Refusal): ReferralReader {
  if (isReferralRefusal(result)) enforce(result, 'referral');
  return result;
}
