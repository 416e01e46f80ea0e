import type { DocumentRow } from '../../db/repositories/document-repository.js';
import type { DocumentSlot } from '../../domain/reference/taxonomy.js';
import { type Actor, hasPlatformRole } from '../auth/actor.js';
import { type Decision, enforce } from '../auth/policy.js';
import type { NotFoundWhat } from '../errors.js';

export type Refusal = Exclude<Decision, 'allow'>;

/**
 * As whom an actor sees an offer: its publisher (a member of its organisation), a reviewer of its
 * submissions, a seller, or a channel reseller. What each sees is the table below.
 */
export type Audience = 'publisher' | 'reviewer' | 'seller' | 'reseller';
export type SellingAudience = Exclude<Audience, 'publisher' | 'reviewer'>;

export const AUDIENCE_VIEWS: Record<
  Audience,
  {
    /** Only offers sold through CSP (of those open to sellers). */
    cspOnly: boolean;
    /** Every document slot; otherwise only the slots marked visibleToChannelResellers. */
    everySlot: boolean;
    /** Earlier versions and removed files, not only each slot's current files. */
    seesHistory: boolean;
    seesExternalUrl: boolean;
  }
> = {
  publisher: { cspOnly: false, everySlot: true, seesHistory: true, seesExternalUrl: true },
  // A submission names the versions it froze, which may have been replaced since.
  reviewer: { cspOnly: false, everySlot: true, seesHistory: true, seesExternalUrl: true },
  seller: { cspOnly: false, everySlot: true, seesHistory: false, seesExternalUrl: true },
  reseller: { cspOnly: true, everySlot: false, seesHistory: false, seesExternalUrl: false },
};

export function isRefusal(result: Audience | Refusal): result is Refusal {
  return result === 'unauthenticated' || result === 'forbidden' || result === 'notFound';
}

/** The audience, or the error its refusal stands for ("<what> was not found" for notFound). */
export function admit<A extends Audience>(result: A | Refusal, what: NotFoundWhat): A {
  if (isRefusal(result)) enforce(result, what);
  return result;
}

/** The selling role an actor works in: seller over channel reseller when they hold both. */
export function sellingAudience(actor: Actor): SellingAudience | undefined {
  if (hasPlatformRole(actor, 'seller')) return 'seller';
  if (hasPlatformRole(actor, 'channelReseller')) return 'reseller';
  return undefined;
}

/** The catalogue is for sellers and channel resellers, whatever organisations they belong to. */
export function catalogAudience(actor: Actor): SellingAudience | Refusal {
  if (actor.kind === 'anonymous') return 'unauthenticated';
  return sellingAudience(actor) ?? 'forbidden';
}

export function seesSlot(audience: Audience, slot: Pick<DocumentSlot, 'visibleToChannelResellers'>): boolean {
  return AUDIENCE_VIEWS[audience].everySlot || slot.visibleToChannelResellers === true;
}

/** Whether an audience that may read an offer's documents sees this one. */
export function seesDocument(
  audience: Audience,
  slot: Pick<DocumentSlot, 'visibleToChannelResellers'>,
  document: Pick<DocumentRow, 'state'>,
): boolean {
  return seesSlot(audience, slot) && (AUDIENCE_VIEWS[audience].seesHistory || document.state === 'current');
}
