import { describe, expect, it } from 'vitest';
import {
  catalogueReach,
  type EventFacts,
  eventScope,
  seesEvent,
} from '../../src/server/access/event-access.js';
import type { OfferFacts } from '../../src/server/access/offer-facts.js';
import { webhookAccess } from '../../src/server/access/webhook-access.js';
import { anonymous } from '../../src/server/auth/actor.js';
import { CONTOSO, FABRIKAM, user } from '../support/access-actors.js';

/**
 * Who reads which events, and who manages which webhook endpoints, cell by cell. Events and endpoints belong
 * to Contoso unless said otherwise.
 */
const actors = {
  anonymous,
  customer: user([]),
  owner: user([], [[CONTOSO, 'owner']]),
  editor: user([], [[CONTOSO, 'editor']]),
  viewer: user([], [[CONTOSO, 'viewer']]),
  ownerElsewhere: user([], [[FABRIKAM, 'owner']]),
  seller: user(['seller']),
  reseller: user(['channelReseller']),
  reviewer: user(['reviewer']),
  admin: user(['admin']),
};
type ActorName = keyof typeof actors;

const events: Record<string, EventFacts> = {
  publisherOnly: { organizationId: CONTOSO, seenBySellers: false, seenByResellers: false },
  catalogue: { organizationId: CONTOSO, seenBySellers: true, seenByResellers: false },
  catalogueCsp: { organizationId: CONTOSO, seenBySellers: true, seenByResellers: true },
  elsewhere: { organizationId: FABRIKAM, seenBySellers: false, seenByResellers: false },
};

/** Which of the events each actor sees. */
const SEES: Record<ActorName, (keyof typeof events)[]> = {
  anonymous: [],
  customer: [],
  owner: ['publisherOnly', 'catalogue', 'catalogueCsp'],
  editor: ['publisherOnly', 'catalogue', 'catalogueCsp'],
  viewer: ['publisherOnly', 'catalogue', 'catalogueCsp'],
  ownerElsewhere: ['elsewhere'],
  seller: ['catalogue', 'catalogueCsp'],
  reseller: ['catalogueCsp'],
  reviewer: [],
  admin: ['publisherOnly', 'catalogue', 'catalogueCsp', 'elsewhere'],
};

describe('event access: actor x event', () => {
  it.each(Object.keys(actors) as ActorName[])('%s sees exactly its events', (name) => {
    const seen = Object.entries(events)
      .filter(([, facts]) => seesEvent(actors[name], facts))
      .map(([key]) => key);
    expect(seen).toEqual(SEES[name]);
  });

  it('refuses the feed to those with nothing to follow', () => {
    expect(eventScope(actors.anonymous)).toBe('unauthenticated');
    expect(eventScope(actors.customer)).toBe('forbidden');
    expect(eventScope(actors.reviewer)).toBe('forbidden');
    expect(eventScope(actors.admin)).toMatchObject({ all: true });
  });
});

describe("an offer event's reach beyond its publisher", () => {
  const offer = (isLive: boolean, soldThroughCsp = false, isCoSell = true): OfferFacts => ({
    organizationId: CONTOSO,
    isLive,
    isCoSell,
    soldThroughCsp,
  });

  it('reaches sellers for catalogue events of an offer open to them before or after the change', () => {
    expect(catalogueReach('offer.updated', [offer(true)])).toEqual({
      seenBySellers: true,
      seenByResellers: false,
    });
    expect(catalogueReach('offer.unpublished', [offer(false), offer(true)]).seenBySellers).toBe(true);
    expect(catalogueReach('offer.published', [offer(true), offer(false)]).seenBySellers).toBe(true);
    expect(catalogueReach('offer.updated', [offer(false)]).seenBySellers).toBe(false);
    expect(catalogueReach('offer.updated', [offer(true, false, false)]).seenBySellers).toBe(false);
    expect(catalogueReach('offer.created', [offer(true)]).seenBySellers).toBe(false);
    expect(catalogueReach('submission.submitted', [offer(true)]).seenBySellers).toBe(false);
  });

  it('reaches resellers for CSP offers, in the slots they see, never for the external URL', () => {
    expect(catalogueReach('coSellStatus.changed', [offer(true, true)]).seenByResellers).toBe(true);
    expect(catalogueReach('externalUrl.changed', [offer(true, true)])).toEqual({
      seenBySellers: true,
      seenByResellers: false,
    });
    expect(
      catalogueReach('document.uploaded', [offer(true, true)], { visibleToChannelResellers: true })
        .seenByResellers,
    ).toBe(true);
    expect(catalogueReach('document.uploaded', [offer(true, true)], {}).seenByResellers).toBe(false);
  });
});

describe('webhook endpoint access: actor x endpoint', () => {
  const CELLS: Record<ActorName, [contoso: string, platform: string]> = {
    anonymous: ['unauthenticated', 'unauthenticated'],
    customer: ['notFound', 'notFound'],
    owner: ['allow', 'notFound'],
    editor: ['forbidden', 'notFound'],
    viewer: ['forbidden', 'notFound'],
    ownerElsewhere: ['notFound', 'notFound'],
    seller: ['notFound', 'notFound'],
    reseller: ['notFound', 'notFound'],
    reviewer: ['notFound', 'notFound'],
    admin: ['forbidden', 'allow'],
  };
  it.each(Object.keys(actors) as ActorName[])('%s', (name) => {
    expect([
      webhookAccess(actors[name], { organizationId: CONTOSO }),
      webhookAccess(actors[name], { organizationId: null }),
    ]).toEqual(CELLS[name]);
  });
});
