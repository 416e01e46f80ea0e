import type { Repositories } from '../../db/repositories/index.js';
import type { NewReferralRow } from '../../db/repositories/referral-repository.js';
import type { ReferralTeamMember } from '../../db/schema.js';
import { foldText } from '../../domain/catalog/fold.js';
import { issue } from '../../domain/messages/problem.js';
import type { ReferralDirection, ReferralType } from '../../domain/referrals/referral-enums.js';
import { findReferralProblems } from '../../domain/referrals/referral-rules.js';
import { expiryOf } from '../../domain/referrals/referral-transitions.js';
import type { ErrorIssue } from '../../domain/schemas/errors.js';
import type { CreateReferral } from '../../domain/schemas/referrals.js';
import { offerAccess } from '../access/offer-access.js';
import { catalogOfferFacts } from '../access/offer-facts.js';
import { organizationAccess } from '../access/organization-access.js';
import { hasPlatformRole, type UserActor } from '../auth/actor.js';
import { enforce } from '../auth/policy.js';
import { AppError, problem } from '../errors.js';

/** The folded words the pipeline's text filter looks in. */
export function referralSearchText(name: string, customerName: string, notes: string): string {
  return foldText(`${name} ${customerName} ${notes}`);
}

export function teamMember(actor: UserActor, side: ReferralTeamMember['side']): ReferralTeamMember {
  return { userId: actor.user.id, name: actor.user.name, email: actor.user.email, side };
}

/**
 * Whose deal it is and which way it goes: a publisher naming its organisation (or having only one it may
 * write for) shares its own deal (outgoing); a seller refers a customer to the partner whose offers they name
 * (incoming).
 */
function directionOf(
  actor: UserActor,
  request: CreateReferral,
): { direction: ReferralDirection; organizationId?: string } {
  if (request.organizationId) {
    enforce(organizationAccess(actor, request.organizationId, 'writeOffers'), 'organization');
    return { direction: 'outgoing', organizationId: request.organizationId };
  }
  if (hasPlatformRole(actor, 'seller')) return { direction: 'incoming' };
  const writable = actor.memberships.filter(
    (m) => organizationAccess(actor, m.organizationId, 'writeOffers') === 'allow',
  );
  const only = writable.length === 1 ? writable[0] : undefined;
  if (only) return { direction: 'outgoing', organizationId: only.organizationId };
  throw new AppError('rule_violation', problem('referrals.chooseOrganization'), [
    issue('organizationId', 'referrals.oneOfOrganizations', {
      organizations: writable.map((m) => m.organizationId).join(', '),
    }),
  ]);
}

/**
 * The offers a referral names, with their names, and the partner they belong to. A seller names offers of the
 * catalogue, all of one publisher (at least one: it is whom they refer the customer to); a publisher names
 * offers of its own.
 */
async function resolveSolutions(
  r: Repositories,
  actor: UserActor,
  direction: ReferralDirection,
  organizationId: string | undefined,
  ids: readonly string[],
): Promise<{ organizationId: string; solutions: { id: string; name: string }[] }> {
  const problems: ErrorIssue[] = [];
  const solutions: { id: string; name: string }[] = [];
  let partner = organizationId;
  const path = (i: number) => `details.requirements.solutions[${i}].id`;
  if (direction === 'incoming' && ids.length === 0)
    throw new AppError('rule_violation', problem('referrals.nameOffer'), [
      issue('details.requirements.solutions', 'referrals.nameOneOffer'),
    ]);
  for (const [i, id] of [...new Set(ids)].entries()) {
    const offer = await r.offers.findById(id);
    if (direction === 'incoming') {
      const entry = await r.catalog.audienceOf(id);
      if (!offer || !entry || offerAccess(actor, catalogOfferFacts(entry), 'readCatalog') !== 'allow') {
        problems.push(issue(path(i), 'referrals.notInCatalog', { value: id }));
        continue;
      }
      partner ??= offer.organizationId;
      if (offer.organizationId !== partner) {
        problems.push(issue(path(i), 'referrals.onePartner'));
        continue;
      }
    } else if (!offer || offer.organizationId !== partner) {
      problems.push(issue(path(i), 'referrals.notYourOffer', { value: id }));
      continue;
    }
    solutions.push({ id, name: offer.name });
  }
  if (problems.length > 0 || !partner)
    throw new AppError('rule_violation', problem('referrals.offersRefused'), problems);
  return { organizationId: partner, solutions };
}

/** The row of a new referral, after every rule; throws 422 with each problem and where it is. */
export async function newReferralRow(
  r: Repositories,
  actor: UserActor,
  request: CreateReferral,
  { id, now, expiryDays }: { id: string; now: Date; expiryDays: number },
): Promise<NewReferralRow> {
  const { direction, organizationId: given } = directionOf(actor, request);
  const type: ReferralType = request.type ?? 'Shared';
  const { customerProfile: customer, consent, details } = request;
  const dealValue = details.dealValue ?? null;
  const currency = details.currency ?? null;
  const problems = findReferralProblems({
    direction,
    type,
    consentToShare: consent.consentToToShareInfoWithOthers,
    country: customer.address.country,
    dealValue,
    currency,
  });
  if (problems.length > 0) throw new AppError('rule_violation', problem('referrals.rulesBroken'), problems);
  const { organizationId, solutions } = await resolveSolutions(
    r,
    actor,
    direction,
    given,
    (details.requirements?.solutions ?? []).map((s) => s.id),
  );
  const side = direction === 'incoming' ? 'vendor' : 'partner';
  const { country, ...address } = customer.address;
  const notes = details.notes ?? '';
  return {
    id,
    organizationId,
    direction,
    name: request.name,
    type,
    qualification: request.qualification ?? (direction === 'incoming' ? 'SalesQualified' : 'None'),
    status: 'New',
    substatus: 'Received',
    // An Independent deal has nobody to wait for: the partner works it from the start.
    ...(type === 'Independent' && { status: 'Active', substatus: 'Accepted' }),
    customerName: customer.name,
    customerCountry: country,
    customerAddress: address,
    customerSize: customer.size ?? null,
    customerContacts: customer.team,
    consentToShare: consent.consentToToShareInfoWithOthers,
    consentToContact: consent.consentToContact,
    notes,
    dealValue,
    currency,
    closingAt: details.closingDateTime ? new Date(details.closingDateTime) : null,
    solutions,
    offerIds: solutions.map((s) => s.id),
    partnerExternalId: side === 'partner' ? (request.externalReferenceId ?? null) : null,
    vendorExternalId: side === 'vendor' ? (request.externalReferenceId ?? null) : null,
    team: [teamMember(actor, side)],
    vendorUserIds: side === 'vendor' ? [actor.user.id] : [],
    searchText: referralSearchText(request.name, customer.name, notes),
    createdById: actor.user.id,
    createdByName: actor.user.name,
    createdAt: now,
    updatedAt: now,
    expiresAt: expiryOf(now, expiryDays),
  };
}
