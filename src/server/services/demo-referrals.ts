import type { Repositories } from '../../db/repositories/index.js';
import type { NewReferralRow } from '../../db/repositories/referral-repository.js';
import type { ReferralTeamMember } from '../../db/schema.js';
import { catalogueWords, renderMessage } from '../../domain/messages/message-words.js';
import { referralSearchText } from './referral-create.js';

interface DemoPerson {
  id: string;
  name: string;
  email: string;
}

const DAY = 24 * 60 * 60 * 1000;
const english = catalogueWords('en');

interface DemoDeal {
  id: string;
  name: string;
  direction: 'incoming' | 'outgoing';
  type?: 'Shared' | 'Independent';
  status: 'New' | 'Active' | 'Closed';
  substatus: 'Received' | 'Accepted' | 'Won' | 'Lost' | 'Declined' | 'Expired';
  statusReason?: string;
  customer: string;
  country: string;
  value: number;
  currency: string;
  /** Days ago it was created. */
  age: number;
  /** What happened after it was created, in order: the timeline's entries. */
  after: ('accept' | 'decline' | 'won' | 'lost' | 'expire')[];
}

/** One deal in every status and substatus, between Contoso and Sam Seller (the demo has no offers to name). */
const deals: DemoDeal[] = [
  {
    id: 'ref_demo_received',
    name: 'Footfall analytics for 40 stores',
    direction: 'incoming',
    status: 'New',
    substatus: 'Received',
    customer: 'Nordic Retail AB',
    country: 'SE',
    value: 250_000,
    currency: 'SEK',
    age: 2,
    after: [],
  },
  {
    id: 'ref_demo_offered',
    name: 'Predictive maintenance pilot',
    direction: 'outgoing',
    status: 'New',
    substatus: 'Received',
    customer: 'Fjord Industrier AS',
    country: 'NO',
    value: 60_000,
    currency: 'EUR',
    age: 1,
    after: [],
  },
  {
    id: 'ref_demo_accepted',
    name: 'Data platform migration',
    direction: 'incoming',
    status: 'Active',
    substatus: 'Accepted',
    customer: 'Helsinki Logistics Oy',
    country: 'FI',
    value: 120_000,
    currency: 'EUR',
    age: 20,
    after: ['accept'],
  },
  {
    id: 'ref_demo_private',
    name: 'Renewal with an existing customer',
    direction: 'outgoing',
    type: 'Independent',
    status: 'Active',
    substatus: 'Accepted',
    customer: 'Contoso Pharmacy Group',
    country: 'DK',
    value: 80_000,
    currency: 'DKK',
    age: 9,
    after: [],
  },
  {
    id: 'ref_demo_won',
    name: 'Store analytics roll-out',
    direction: 'incoming',
    status: 'Closed',
    substatus: 'Won',
    statusReason: 'Three-year agreement signed',
    customer: 'Göta Handel AB',
    country: 'SE',
    value: 410_000,
    currency: 'SEK',
    age: 60,
    after: ['accept', 'won'],
  },
  {
    id: 'ref_demo_lost',
    name: 'Warehouse sensors',
    direction: 'outgoing',
    status: 'Closed',
    substatus: 'Lost',
    statusReason: 'The customer chose an on-premises product',
    customer: 'Baltic Freight SIA',
    country: 'LV',
    value: 45_000,
    currency: 'EUR',
    age: 45,
    after: ['accept', 'lost'],
  },
  {
    id: 'ref_demo_declined',
    name: 'Point-of-sale replacement',
    direction: 'incoming',
    status: 'Closed',
    substatus: 'Declined',
    statusReason: 'Point of sale is not what our offer does',
    customer: 'Oslo Kiosk AS',
    country: 'NO',
    value: 30_000,
    currency: 'NOK',
    age: 30,
    after: ['decline'],
  },
  {
    id: 'ref_demo_expired',
    name: 'Loyalty analytics',
    direction: 'incoming',
    status: 'Closed',
    substatus: 'Expired',
    customer: 'Aarhus Mode ApS',
    country: 'DK',
    value: 95_000,
    currency: 'DKK',
    age: 40,
    after: ['expire'],
  },
];

/** The demo's referrals, each with its timeline, so the pipeline shows every state from the first start. */
export async function loadDemoReferrals(
  repos: Repositories,
  contoso: { id: string; name: string },
  people: { owner: DemoPerson; seller: DemoPerson },
  now: Date,
): Promise<void> {
  const member = (p: DemoPerson, side: ReferralTeamMember['side']) => ({
    userId: p.id,
    name: p.name,
    email: p.email,
    side,
  });
  for (const deal of deals) {
    const createdAt = new Date(now.getTime() - deal.age * DAY);
    const incoming = deal.direction === 'incoming';
    const creator = incoming ? people.seller : people.owner;
    const vendorInvolved = incoming || (deal.after.includes('accept') && deal.type !== 'Independent');
    const team = [
      member(creator, incoming ? 'vendor' : 'partner'),
      ...(deal.after.length > 0 && deal.after[0] !== 'expire' && vendorInvolved
        ? [member(incoming ? people.owner : people.seller, incoming ? 'partner' : 'vendor')]
        : []),
    ];
    const notes = incoming
      ? 'Met them at a retail event; they want to start before the spring.'
      : 'Shared from our CRM.';
    const row: NewReferralRow = {
      id: deal.id,
      organizationId: contoso.id,
      direction: deal.direction,
      name: deal.name,
      type: deal.type ?? 'Shared',
      qualification: incoming ? 'SalesQualified' : 'None',
      status: deal.status,
      substatus: deal.substatus,
      statusReason: deal.statusReason ?? null,
      customerName: deal.customer,
      customerCountry: deal.country,
      customerAddress: {},
      customerSize: '51to500employees',
      customerContacts: [
        {
          firstName: 'Alex',
          lastName: 'Berg',
          email: `alex.berg@${deal.id.slice(9)}.example`,
          phoneNumber: '+46 8 123 456',
        },
      ],
      consentToShare: deal.type !== 'Independent',
      consentToContact: true,
      notes,
      dealValue: deal.value,
      currency: deal.currency,
      closingAt: new Date(now.getTime() + 60 * DAY),
      solutions: [],
      offerIds: [],
      team,
      vendorUserIds: team.filter((m) => m.side === 'vendor').map((m) => m.userId),
      searchText: referralSearchText(deal.name, deal.customer, notes),
      createdById: creator.id,
      createdByName: creator.name,
      createdAt,
      updatedAt: createdAt,
      expiresAt: new Date(createdAt.getTime() + 14 * DAY),
      closedAt: deal.status === 'Closed' ? new Date(createdAt.getTime() + 10 * DAY) : null,
    };
    await repos.referrals.insert(row);
    const partnerSide = incoming ? people.owner : people.seller;
    const events = [
      {
        by: creator,
        side: incoming ? 'vendor' : 'partner',
        kind: 'created',
        key: incoming ? 'referred' : deal.type === 'Independent' ? 'created' : 'shared',
        params: { customer: deal.customer, organization: contoso.name },
        note: null as string | null,
      },
      ...deal.after.map((step) => ({
        by: step === 'expire' ? null : step === 'accept' || step === 'decline' ? partnerSide : people.owner,
        side:
          step === 'expire'
            ? 'system'
            : step === 'accept' || step === 'decline'
              ? incoming
                ? 'partner'
                : 'vendor'
              : 'partner',
        kind: step === 'won' || step === 'lost' ? 'close' : step,
        key: { accept: 'accepted', decline: 'declined', won: 'won', lost: 'lost', expire: 'expired' }[step],
        params:
          step === 'won'
            ? { value: `${deal.value} ${deal.currency}` }
            : step === 'lost' || step === 'decline'
              ? { reason: deal.statusReason ?? '' }
              : {},
        note: step === 'won' || step === 'lost' || step === 'decline' ? (deal.statusReason ?? null) : null,
      })),
    ] as const;
    await repos.referrals.appendEvents(
      events.map((e, i) => {
        const actorName = e.by?.name ?? 'cosell';
        const message = { key: `referrals.timeline.${e.key}`, params: e.params as Record<string, string> };
        return {
          id: `${deal.id}_e${i}`,
          referralId: deal.id,
          at: new Date(createdAt.getTime() + i * DAY),
          actorId: e.by?.id ?? null,
          actorName,
          side: e.side as 'partner' | 'vendor' | 'system',
          kind: e.kind,
          message,
          summary:
            renderMessage({ key: message.key, params: { actor: actorName, ...message.params } }, english) ??
            e.kind,
          note: e.note,
        };
      }),
    );
  }
}
