import type { ReferralRow } from '../../db/repositories/referral-repository.js';
import type { ReferralStatus, ReferralSubstatus } from '../../domain/referrals/referral-enums.js';
import { isAllowed, substatusSeenBy } from '../../domain/referrals/referral-transitions.js';
import type { Referral, ReferralAction } from '../../domain/schemas/referrals.js';
import {
  isReferralRefusal,
  type ReferralReader,
  referralAccess,
  referralFacts,
} from '../access/referral-access.js';
import type { UserActor } from '../auth/actor.js';
import { etagOf } from '../etag.js';

/** Whether the referral was ever accepted: Active, or closed after acceptance (Won, Lost). */
export function wasAccepted(row: Pick<ReferralRow, 'status' | 'substatus'>): boolean {
  return row.status === 'Active' || row.substatus === 'Won' || row.substatus === 'Lost';
}

/**
 * Why the reader may not see the customer's contacts, or null when they may. The side that brought the
 * customer always sees them; the other side only once it accepted the referral, and only when the customer
 * agreed to be contacted. Admins see them.
 */
export function contactsHiddenFrom(
  row: Pick<ReferralRow, 'direction' | 'status' | 'substatus' | 'consentToContact'>,
  reader: ReferralReader,
): 'notAccepted' | 'noConsent' | null {
  if (reader === 'admin') return null;
  const broughtTheCustomer = (row.direction === 'incoming') === (reader === 'vendor');
  if (broughtTheCustomer) return null;
  if (!wasAccepted(row)) return 'notAccepted';
  return row.consentToContact ? null : 'noConsent';
}

/** What the reader may do now: what access allows them, in what the status allows. */
function allowedActions(actor: UserActor, row: ReferralRow): ReferralAction[] {
  const facts = referralFacts(row);
  const may = (action: 'write' | 'answer') => !isReferralRefusal(referralAccess(actor, facts, action));
  const status = row.status as ReferralStatus;
  const actions: ReferralAction[] = [];
  if (may('write') && status !== 'Closed') actions.push('update');
  if (may('write')) actions.push('note');
  if (may('answer') && isAllowed(status, 'accept')) actions.push('accept', 'decline');
  if (may('write') && isAllowed(status, 'close')) actions.push('close');
  return actions;
}

/** A referral as one reader sees it (docs/referrals.md): their substatus, their CRM id, the contacts they may see. */
export function presentReferral(row: ReferralRow, reader: ReferralReader, actor: UserActor): Referral {
  const side = reader === 'admin' ? 'partner' : reader;
  const hidden = contactsHiddenFrom(row, reader);
  return {
    id: row.id,
    engagementId: row.id,
    name: row.name,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    direction: row.direction,
    viewerSide: reader,
    externalReferenceId: side === 'vendor' ? row.vendorExternalId : row.partnerExternalId,
    createdDateTime: row.createdAt.toISOString(),
    updatedDateTime: row.updatedAt.toISOString(),
    expirationDateTime: row.expiresAt.toISOString(),
    status: row.status as ReferralStatus,
    substatus: substatusSeenBy(
      { status: row.status as ReferralStatus, substatus: row.substatus as ReferralSubstatus },
      row.direction,
      side,
    ),
    statusReason: row.statusReason,
    type: row.type as Referral['type'],
    qualification: row.qualification as Referral['qualification'],
    customerProfile: {
      name: row.customerName,
      address: { ...row.customerAddress, country: row.customerCountry },
      size: (row.customerSize as Referral['customerProfile']['size']) ?? null,
      ...(hidden === null && { team: row.customerContacts.map((c) => ({ ...c })) }),
    },
    customerContactsHidden: hidden,
    consent: {
      consentToToShareInfoWithOthers: row.consentToShare,
      consentToContact: row.consentToContact,
    },
    details: {
      notes: row.notes,
      dealValue: row.dealValue,
      currency: row.currency,
      closingDateTime: row.closingAt?.toISOString() ?? null,
      requirements: { solutions: row.solutions.map((s) => ({ ...s, type: 'Name' as const })) },
    },
    team: row.team,
    eTag: etagOf(row.version),
    allowedActions: allowedActions(actor, row),
  };
}
