import { describe, expect, it } from 'vitest';
import {
  AUDIENCE_VIEWS,
  type Audience,
  catalogAudience,
  isRefusal,
  seesDocument,
} from '../../src/server/access/audience.js';
import {
  needsReviewFacts,
  OFFER_ACTIONS,
  offerAccess,
  offerAudience,
} from '../../src/server/access/offer-access.js';
import type { OfferFacts } from '../../src/server/access/offer-facts.js';
import {
  ORGANIZATION_ACTIONS,
  organizationAccess,
  organizationsAllowing,
} from '../../src/server/access/organization-access.js';
import {
  REFERRAL_ACTIONS,
  type ReferralFacts,
  referralAccess,
} from '../../src/server/access/referral-access.js';
import { type Actor, anonymous } from '../../src/server/auth/actor.js';
import { CONTOSO, FABRIKAM, user } from '../support/access-actors.js';

/**
 * The resource access table, cell by cell: every kind of actor, every state of an offer, every action. The
 * offer belongs to Contoso; "elsewhere" is Fabrikam. Route policies (auth/policy.ts) run before these and turn
 * some callers away with 403 first; test/integration/route-policies.test.ts holds the HTTP answers.
 */
const actors = {
  anonymous,
  customer: user([]),
  owner: user([], [[CONTOSO, 'owner']]),
  editor: user([], [[CONTOSO, 'editor']]),
  viewer: user([], [[CONTOSO, 'viewer']]),
  memberElsewhere: user([], [[FABRIKAM, 'owner']]),
  viewerOwnerElsewhere: user(
    [],
    [
      [CONTOSO, 'viewer'],
      [FABRIKAM, 'owner'],
    ],
  ),
  seller: user(['seller']),
  reseller: user(['channelReseller']),
  reviewer: user(['reviewer']),
  admin: user(['admin']),
  sellerViewer: user(['seller'], [[CONTOSO, 'viewer']]),
  sellerMemberElsewhere: user(['seller'], [[FABRIKAM, 'owner']]),
  resellerEditor: user(['channelReseller'], [[CONTOSO, 'editor']]),
  resellerMemberElsewhere: user(['channelReseller'], [[FABRIKAM, 'editor']]),
  sellerReseller: user(['seller', 'channelReseller']),
  adminOwner: user(['admin'], [[CONTOSO, 'owner']]),
};
type ActorName = keyof typeof actors;

/** The eight states of an offer, in the order of each row's eight letters: draft then live, ... */
const STATES: { label: string; facts: OfferFacts }[] = [false, true].flatMap((isLive) =>
  // ... of a co-sell type then of another type, each sold through CSP then directly.
  [true, false].flatMap((isCoSell) =>
    [true, false].map((soldThroughCsp) => ({
      label: `${isLive ? 'live' : 'draft'} ${isCoSell ? 'co-sell' : 'non-co-sell'} ${soldThroughCsp ? 'CSP' : 'direct'}`,
      facts: { organizationId: CONTOSO, isLive, isCoSell, soldThroughCsp },
    })),
  ),
);

/**
 * Allowed, as whom: P publisher, V reviewer, S seller, R channel reseller (plain A where there is no audience).
 * Refused: N not found (404), F forbidden (403), U unauthenticated (401).
 */
const LETTER = {
  publisher: 'P',
  reviewer: 'V',
  seller: 'S',
  reseller: 'R',
  allow: 'A',
  notFound: 'N',
  forbidden: 'F',
  unauthenticated: 'U',
} as const;

/**
 * Per actor: the catalogue (search, before any offer), Contoso's offers (readOffers, writeOffers), then per
 * offer action eight letters: draft co-sell (CSP, direct), draft other type (CSP, direct), a space, the same live.
 * readDocuments answers P for the publisher of an offer type without co-sell: the service then says 409.
 */
// biome-ignore format: the table is read in columns
const EXPECTED: Record<ActorName, [string, string, string, string, string, string]> = {
  //                        catalogue  org    read         write        readDocuments  readCatalog
  anonymous:               ['U',       'UU',  'UUUU UUUU', 'UUUU UUUU', 'UUUU UUUU',   'UUUU UUUU'],
  customer:                ['F',       'NN',  'NNNN NNNN', 'NNNN NNNN', 'NNNN NNNN',   'FFFF FFFF'],
  owner:                   ['F',       'AA',  'PPPP PPPP', 'PPPP PPPP', 'PPPP PPPP',   'FFFF FFFF'],
  editor:                  ['F',       'AA',  'PPPP PPPP', 'PPPP PPPP', 'PPPP PPPP',   'FFFF FFFF'],
  viewer:                  ['F',       'AF',  'PPPP PPPP', 'FFFF FFFF', 'PPPP PPPP',   'FFFF FFFF'],
  memberElsewhere:         ['F',       'NN',  'NNNN NNNN', 'NNNN NNNN', 'NNNN NNNN',   'FFFF FFFF'],
  viewerOwnerElsewhere:    ['F',       'AF',  'PPPP PPPP', 'FFFF FFFF', 'PPPP PPPP',   'FFFF FFFF'],
  seller:                  ['S',       'NN',  'NNNN NNNN', 'NNNN NNNN', 'NNNN SSNN',   'NNNN SSNN'],
  reseller:                ['R',       'NN',  'NNNN NNNN', 'NNNN NNNN', 'NNNN RNNN',   'NNNN RNNN'],
  reviewer:                ['F',       'NN',  'NNNN NNNN', 'NNNN NNNN', 'NNNN NNNN',   'FFFF FFFF'],
  admin:                   ['F',       'NN',  'NNNN NNNN', 'NNNN NNNN', 'NNNN NNNN',   'FFFF FFFF'],
  sellerViewer:            ['S',       'AF',  'PPPP PPPP', 'FFFF FFFF', 'PPPP PPPP',   'NNNN SSNN'],
  sellerMemberElsewhere:   ['S',       'NN',  'NNNN NNNN', 'NNNN NNNN', 'NNNN SSNN',   'NNNN SSNN'],
  resellerEditor:          ['R',       'AA',  'PPPP PPPP', 'PPPP PPPP', 'PPPP PPPP',   'NNNN RNNN'],
  resellerMemberElsewhere: ['R',       'NN',  'NNNN NNNN', 'NNNN NNNN', 'NNNN RNNN',   'NNNN RNNN'],
  sellerReseller:          ['S',       'NN',  'NNNN NNNN', 'NNNN NNNN', 'NNNN SSNN',   'NNNN SSNN'],
  adminOwner:              ['F',       'AA',  'PPPP PPPP', 'PPPP PPPP', 'PPPP PPPP',   'FFFF FFFF'],
};

/** One actor's row of the table, worked out by the access module. */
function actualRow(actor: Actor): string[] {
  const organization = ORGANIZATION_ACTIONS.map((a) => LETTER[organizationAccess(actor, CONTOSO, a)]).join(
    '',
  );
  const offers = OFFER_ACTIONS.map((action) => {
    const letters = STATES.map(({ facts }) => LETTER[offerAudience(actor, facts, action)]).join('');
    return `${letters.slice(0, 4)} ${letters.slice(4)}`;
  });
  return [LETTER[catalogAudience(actor)], organization, ...offers];
}

describe('resource access: actor x offer state x action', () => {
  it('covers every actor kind and has eight states', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(actors).sort());
    expect(new Set(STATES.map((s) => s.label)).size).toBe(8);
  });

  it.each(Object.keys(actors) as ActorName[])('%s', (name) => {
    expect(actualRow(actors[name])).toEqual(EXPECTED[name]);
  });

  it('allows exactly where it names an audience, and refuses for the same reason', () => {
    for (const actor of Object.values(actors))
      for (const action of OFFER_ACTIONS)
        for (const { facts } of STATES) {
          const audience = offerAudience(actor, facts, action);
          expect(offerAccess(actor, facts, action)).toBe(isRefusal(audience) ? audience : 'allow');
        }
  });

  it("scopes the publisher's lists to the organisations the per-offer decision allows", () => {
    for (const actor of Object.values(actors))
      for (const action of ORGANIZATION_ACTIONS) {
        const allowing = [CONTOSO, FABRIKAM].filter(
          (id) => organizationAccess(actor, id, action) === 'allow',
        );
        expect(organizationsAllowing(actor, action).sort()).toEqual(allowing);
      }
  });

  it('limits the catalogue search to CSP offers exactly for the audience refused direct ones', () => {
    const liveDirect = { organizationId: CONTOSO, isLive: true, isCoSell: true, soldThroughCsp: false };
    for (const actor of Object.values(actors)) {
      const audience = catalogAudience(actor);
      if (isRefusal(audience)) continue;
      const refused = offerAccess(actor, liveDirect, 'readCatalog') !== 'allow';
      expect(AUDIENCE_VIEWS[audience].cspOnly).toBe(refused);
    }
  });
});

describe("a reviewer's documents: actor x the offer's submissions", () => {
  const reviewer = user(['reviewer']);
  const otherReviewer: Actor =
    reviewer.kind === 'user' ? { ...reviewer, user: { ...reviewer.user, id: 'usr_2' } } : reviewer;
  const actorsHere = {
    reviewer,
    otherReviewer,
    reviewerSeller: user(['reviewer', 'seller']),
    seller: actors.seller,
    owner: actors.owner,
    admin: actors.admin,
    memberElsewhere: actors.memberElsewhere,
  };
  /** The offer's submissions: none, one waiting, ones decided by usr_1 (the reviewer), ones decided by another. */
  const REVIEW_STATES = {
    none: { hasPending: false, decidedBy: [] },
    pending: { hasPending: true, decidedBy: [] },
    decidedByUsr1: { hasPending: false, decidedBy: ['usr_1'] },
    decidedByAnother: { hasPending: false, decidedBy: ['usr_9'] },
  } as const;

  /**
   * Per actor, readDocuments for each review state in that order, on a draft then on a live co-sell offer
   * (sold through CSP): a reviewer reads the documents of a submission that waits or that they decided.
   */
  // biome-ignore format: the table is read in columns
  const EXPECTED_REVIEW: Record<keyof typeof actorsHere, [string, string]> = {
    //                draft   live
    reviewer:       ['NVVN', 'NVVN'],
    otherReviewer:  ['NVNN', 'NVNN'],
    reviewerSeller: ['NVVN', 'SVVS'],
    seller:         ['NNNN', 'SSSS'],
    owner:          ['PPPP', 'PPPP'],
    admin:          ['NNNN', 'NNNN'],
    memberElsewhere: ['NNNN', 'NNNN'],
  };

  it.each(Object.keys(actorsHere) as (keyof typeof actorsHere)[])('%s', (name) => {
    const row = [false, true].map((isLive) =>
      Object.values(REVIEW_STATES)
        .map((review) => {
          const facts = { organizationId: CONTOSO, isLive, isCoSell: true, soldThroughCsp: true, review };
          return LETTER[offerAudience(actorsHere[name], facts, 'readDocuments')];
        })
        .join(''),
    );
    expect(row).toEqual(EXPECTED_REVIEW[name]);
  });

  it('asks for the review facts exactly when a reviewer reads documents', () => {
    for (const action of OFFER_ACTIONS) {
      expect(needsReviewFacts(reviewer, action)).toBe(action === 'readDocuments');
      expect(needsReviewFacts(actors.seller, action)).toBe(false);
    }
  });
});

describe('document visibility: audience x slot x document state', () => {
  const SLOTS = { channelSlot: { visibleToChannelResellers: true }, otherSlot: {} };
  const DOCUMENT_STATES = ['current', 'superseded', 'removed'] as const;

  /** Per audience and slot, Y (sees) or N for a current, a superseded and a removed file. */
  // biome-ignore format: the table is read in columns
  const EXPECTED_DOCUMENTS: Record<Audience, Record<keyof typeof SLOTS, string>> = {
    publisher: { channelSlot: 'YYY', otherSlot: 'YYY' },
    reviewer:  { channelSlot: 'YYY', otherSlot: 'YYY' },
    seller:    { channelSlot: 'YNN', otherSlot: 'YNN' },
    reseller:  { channelSlot: 'YNN', otherSlot: 'NNN' },
  };

  it.each(Object.keys(EXPECTED_DOCUMENTS) as Audience[])('%s', (audience) => {
    const actual = Object.fromEntries(
      Object.entries(SLOTS).map(([name, slot]) => [
        name,
        DOCUMENT_STATES.map((state) => (seesDocument(audience, slot, { state }) ? 'Y' : 'N')).join(''),
      ]),
    );
    expect(actual).toEqual(EXPECTED_DOCUMENTS[audience]);
  });

  it('gives earlier versions and the external URL to publishers and reviewers, the URL to sellers, neither to resellers', () => {
    const seen = (audience: Audience) => [
      AUDIENCE_VIEWS[audience].seesHistory,
      AUDIENCE_VIEWS[audience].seesExternalUrl,
    ];
    expect([seen('publisher'), seen('reviewer'), seen('seller'), seen('reseller')]).toEqual([
      [true, true],
      [true, true],
      [false, true],
      [false, false],
    ]);
  });
});

describe('referral access: actor x referral state x action', () => {
  /**
   * The eight referrals, in the order of each cell's letters; all are Contoso's, and "on the team" means usr_1
   * (every actor here) is on the vendor team.
   */
  const REFERRALS: { label: string; facts: ReferralFacts }[] = (
    [
      ['incoming', true, 'New', true],
      ['incoming', true, 'Active', true],
      ['incoming', true, 'New', false],
      ['outgoing', true, 'New', false],
      ['outgoing', true, 'Active', true],
      ['outgoing', true, 'Active', false],
      ['outgoing', false, 'Active', false],
      ['outgoing', true, 'Closed', true],
    ] as const
  ).map(([direction, isShared, status, onTeam]) => ({
    label: `${direction} ${isShared ? 'shared' : 'independent'} ${status} ${onTeam ? 'on the team' : 'not on it'}`,
    facts: { organizationId: CONTOSO, direction, isShared, status, vendorUserIds: onTeam ? ['usr_1'] : [] },
  }));

  /** Allowed as: P the partner, V the vendor side (a seller), A an admin. Refused: N 404, F 403, U 401. */
  const REFERRAL_LETTER = {
    partner: 'P',
    vendor: 'V',
    admin: 'A',
    notFound: 'N',
    forbidden: 'F',
    unauthenticated: 'U',
  } as const;

  /**
   * Per actor, per action (read, write, answer), eight letters: incoming shared New on the team, Active on the
   * team, New not on it; outgoing shared New not on the team (open to every seller), Active on it, Active not on
   * it; outgoing independent Active; outgoing shared Closed on the team.
   */
  // biome-ignore format: the table is read in columns
  const EXPECTED_REFERRALS: Record<ActorName, [string, string, string]> = {
    //                        read        write       answer
    anonymous:               ['UUUUUUUU', 'UUUUUUUU', 'UUUUUUUU'],
    customer:                ['NNNNNNNN', 'NNNNNNNN', 'NNNNNNNN'],
    owner:                   ['PPPPPPPP', 'PPPPPPPP', 'PPPFFFFF'],
    editor:                  ['PPPPPPPP', 'PPPPPPPP', 'PPPFFFFF'],
    viewer:                  ['PPPPPPPP', 'FFFFFFFF', 'FFFFFFFF'],
    memberElsewhere:         ['NNNNNNNN', 'NNNNNNNN', 'NNNNNNNN'],
    viewerOwnerElsewhere:    ['PPPPPPPP', 'FFFFFFFF', 'FFFFFFFF'],
    seller:                  ['VVNVVNNV', 'VVNFVNNV', 'FFNVVNNV'],
    reseller:                ['NNNNNNNN', 'NNNNNNNN', 'NNNNNNNN'],
    reviewer:                ['NNNNNNNN', 'NNNNNNNN', 'NNNNNNNN'],
    admin:                   ['AAAAAAAA', 'FFFFFFFF', 'FFFFFFFF'],
    sellerViewer:            ['PPPPPPPP', 'FFFFFFFF', 'FFFFFFFF'],
    sellerMemberElsewhere:   ['VVNVVNNV', 'VVNFVNNV', 'FFNVVNNV'],
    resellerEditor:          ['PPPPPPPP', 'PPPPPPPP', 'PPPFFFFF'],
    resellerMemberElsewhere: ['NNNNNNNN', 'NNNNNNNN', 'NNNNNNNN'],
    sellerReseller:          ['VVNVVNNV', 'VVNFVNNV', 'FFNVVNNV'],
    adminOwner:              ['PPPPPPPP', 'PPPPPPPP', 'PPPFFFFF'],
  };

  it('covers every actor kind and eight distinct referrals', () => {
    expect(Object.keys(EXPECTED_REFERRALS).sort()).toEqual(Object.keys(actors).sort());
    expect(new Set(REFERRALS.map((r) => r.label)).size).toBe(8);
  });

  it.each(Object.keys(actors) as ActorName[])('%s', (name) => {
    const row = REFERRAL_ACTIONS.map((action) =>
      REFERRALS.map(({ facts }) => REFERRAL_LETTER[referralAccess(actors[name], facts, action)]).join(''),
    );
    expect(row).toEqual(EXPECTED_REFERRALS[name]);
  });
});
