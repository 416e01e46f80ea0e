import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPage, FeedEvent } from '../../src/domain/schemas/events.js';
import { sampleFiles } from '../support/document-fixtures.js';
import { createPersonas, type PersonaName, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, manualClock, type TestApp } from '../support/test-app.js';
import { completeProfile, readinessApi } from './readiness-api.js';
import { incomingReferral, referralApi } from './referral-api.js';

/**
 * Issue #17, events: every change writes an event in its own transaction (a refused write writes none), and
 * GET /api/v1/events gives them oldest first from a cursor, each reader seeing what they may see of the
 * resources: an organisation its own, sellers the catalogue events of live co-sell offers (channel resellers
 * of CSP ones), admins everything.
 */
describe('events and the events feed', () => {
  let t: TestApp;
  let personas: Personas;
  let api: ReturnType<typeof readinessApi>;
  const clock = manualClock();
  const as = (name: PersonaName) => personas.byName[name].headers;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    personas = await createPersonas(t.app);
    api = readinessApi(t.app);
    const profile = await api.putProfile(as('contosoOwner'), personas.contosoId, completeProfile);
    expect(profile.statusCode).toBe(200);
  });
  afterAll(() => t?.close());

  const feed = (name: PersonaName | null, query = '') =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/events${query}`,
      headers: name ? as(name) : {},
    });

  /** Every event the persona sees, from the start, through pages of `limit`. */
  async function allEvents(name: PersonaName, limit = 500): Promise<FeedEvent[]> {
    const seen: FeedEvent[] = [];
    let after = '';
    for (;;) {
      const response = await feed(name, `?limit=${limit}${after ? `&after=${after}` : ''}`);
      expect(response.statusCode).toBe(200);
      const page = response.json() as EventPage;
      seen.push(...page.items);
      if (page.items.length < limit) return seen;
      after = page.nextCursor;
    }
  }

  const ofOffer = (events: FeedEvent[], offerId: string) =>
    events.filter((e) => e.data.offerId === offerId).map((e) => e.type);

  it("records an offer's life as events with its id, version and link, and none for a refused write", async () => {
    const owner = as('contosoOwner');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/offers',
      headers: owner,
      payload: { name: 'Events Analytics', offerType: 'SaaS', markets: ['SE'] },
    });
    expect(created.statusCode).toBe(201);
    const offerId = (created.json() as { id: string }).id;
    const write = (method: 'PATCH' | 'POST' | 'DELETE', url: string, ifMatch: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/v1/offers/${offerId}${url}`,
        headers: { ...owner, 'if-match': ifMatch },
        ...(payload && { payload }),
      });
    const renamed = await write('PATCH', '', '"1"', { name: 'Events Analytics 2' });
    expect(renamed.statusCode).toBe(200);
    // A stale version is refused, and so is its event.
    expect((await write('PATCH', '', '"1"', { name: 'Never' })).statusCode).toBe(412);
    expect((await write('POST', '/publish', '"2"')).statusCode).toBe(200);
    expect((await write('POST', '/unpublish', '"3"')).statusCode).toBe(200);
    expect((await write('DELETE', '', '"4"')).statusCode).toBe(204);

    const events = (await allEvents('contosoOwner')).filter((e) => e.data.offerId === offerId);
    expect(events.map((e) => [e.type, e.data.version])).toEqual([
      ['offer.created', 1],
      ['offer.updated', 2],
      ['offer.published', 3],
      ['offer.unpublished', 4],
      ['offer.deleted', 4],
    ]);
    for (const event of events) {
      expect(event).toMatchObject({
        organizationId: personas.contosoId,
        timestamp: clock.now().toISOString(),
        data: { offerId, link: `/api/v1/offers/${offerId}` },
      });
      expect(event.id).toMatch(/^evt_/);
    }
    // Sellers saw it from its publication to its withdrawal (which they are told of): these two carry the
    // catalogue's link too. A draft's deletion is the publisher's alone.
    expect(events.filter((e) => e.data.catalogLink).map((e) => e.type)).toEqual([
      'offer.published',
      'offer.unpublished',
    ]);
  });

  it("records the co-sell profile's changes: listing, documents, external URL, contacts with counts", async () => {
    const owner = as('contosoOwner');
    const offerId = await api.readyOffer(owner, { markets: ['SE'] });
    const docs = api.docs;
    const overview = await docs.overview(owner, offerId);
    const onePager = overview.slots.find((s) => s.id === 'customerOnePager')?.documents[0];
    expect(onePager).toBeDefined();
    expect((await docs.putUrl(owner, offerId, 'https://contoso.example/co-sell')).statusCode).toBe(200);
    const replaced = await docs.uploaded(owner, offerId, 'customerOnePager', 'new.pdf', sampleFiles.pdf);
    expect((await docs.restore(owner, offerId, onePager?.id ?? '')).statusCode).toBe(201);
    const current = (await docs.overview(owner, offerId)).slots
      .find((s) => s.id === 'customerOnePager')
      ?.documents.find((d) => d.state === 'current');
    expect((await docs.remove(owner, offerId, current?.id ?? '')).statusCode).toBe(204);
    expect((await api.putContacts(owner, offerId, [])).statusCode).toBe(200);

    const events = (await allEvents('contosoOwner')).filter((e) => e.data.offerId === offerId);
    const types = events.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'offer.created',
        'listing.updated',
        'document.uploaded',
        'contacts.replaced',
        'offer.published',
        'externalUrl.changed',
        'document.restored',
        'document.removed',
      ]),
    );
    const upload = events.find((e) => e.type === 'document.uploaded' && e.data.documentId === replaced.id);
    expect(upload?.data).toMatchObject({
      slot: 'customerOnePager',
      link: `/api/v1/offers/${offerId}/co-sell/documents/${replaced.id}`,
    });
    const contacts = events.filter((e) => e.type === 'contacts.replaced');
    expect(contacts.map((e) => e.data.counts)).toEqual([
      { added: 1, changed: 0, removed: 0 },
      { added: 0, changed: 0, removed: 1 },
    ]);
    const listing = events.find((e) => e.type === 'listing.updated');
    expect(listing?.data).toMatchObject({ version: 1, link: `/api/v1/offers/${offerId}/co-sell/listing` });
    // Versions of the documents collection go up one per write, as its ETag does.
    const documentVersions = events
      .filter((e) => e.type.startsWith('document.') || e.type === 'externalUrl.changed')
      .map((e) => e.data.version);
    expect(documentVersions).toEqual([...documentVersions].sort((a, b) => (a ?? 0) - (b ?? 0)));
  });

  it('records submissions submitted, withdrawn and decided for the publisher alone, and the status they change for sellers too', async () => {
    const owner = as('contosoOwner');
    const offerId = await api.readyOffer(owner, { markets: ['SE'] });
    const first = await api.submit(owner, offerId);
    expect(first.statusCode).toBe(201);
    const firstId = (first.json() as { id: string }).id;
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/v1/offers/${offerId}/co-sell/submissions/${firstId}/withdraw`,
      headers: owner,
    });
    expect(withdrawn.statusCode).toBe(200);
    const second = (await api.submit(owner, offerId)).json() as { id: string };
    expect((await api.decide(as('reviewer'), second.id, { decision: 'approve' })).statusCode).toBe(200);

    const events = (await allEvents('contosoOwner')).filter((e) => e.type.startsWith('submission.'));
    expect(
      events.filter((e) => e.data.offerId === offerId).map((e) => [e.type, e.data.submissionId]),
    ).toEqual([
      ['submission.submitted', firstId],
      ['submission.withdrawn', firstId],
      ['submission.submitted', second.id],
      ['submission.decided', second.id],
    ]);
    expect(events.at(-1)?.data.decision).toBe('approved');
    // The offer is live and co-sell, yet sellers do not see its review; they see its status, with the cause.
    const seller = await allEvents('seller');
    expect(seller.some((e) => e.type.startsWith('submission.'))).toBe(false);
    const statuses = seller.filter((e) => e.type === 'coSellStatus.changed' && e.data.offerId === offerId);
    expect(statuses.map((e) => [e.data.from, e.data.to, e.data.reason])).toEqual([
      ['NotCoSellReady', 'InReview', 'submitted'],
      ['InReview', 'NotCoSellReady', 'withdrawn'],
      ['NotCoSellReady', 'InReview', 'submitted'],
      ['InReview', 'CoSellReady', 'approved'],
    ]);
    expect(statuses[0]?.data.link).toBe(`/api/v1/offers/${offerId}/co-sell/readiness`);
  });

  it("records a referral's creation and status change for its partner organisation", async () => {
    const offerId = await api.readyOffer(as('contosoOwner'), { markets: ['SE'] });
    const referrals = referralApi(t.app);
    const created = await referrals.create(as('seller'), incomingReferral(offerId));
    expect(created.statusCode).toBe(201);
    const referral = created.json() as { id: string };
    const accepted = await referrals.call(
      'POST',
      `/api/v1/referrals/${referral.id}/accept`,
      as('contosoOwner'),
      undefined,
      String(created.headers.etag),
    );
    expect(accepted.statusCode).toBe(200);
    const events = (await allEvents('contosoOwner')).filter((e) => e.data.referralId === referral.id);
    expect(events.map((e) => e.type)).toEqual(['referral.created', 'referral.statusChanged']);
    expect(events[1]?.data).toMatchObject({
      from: 'New',
      to: 'Active',
      link: `/api/v1/referrals/${referral.id}`,
    });
    expect(events.every((e) => e.organizationId === personas.contosoId)).toBe(true);
  });

  it('shows each reader what they may see of the resources', async () => {
    const fabrikamOffer = await api.docs.createOffer(as('fabrikamOwner'), { name: 'Fabrikam Thing' }, true);
    const cspOffer = await api.docs.createOffer(
      as('contosoOwner'),
      { name: 'Sold through CSP', soldThroughCsp: true },
      true,
    );
    const draft = await api.docs.createOffer(as('contosoOwner'), { name: 'Still a draft' });

    const contoso = await allEvents('contosoOwner');
    expect(contoso.every((e) => e.organizationId === personas.contosoId)).toBe(true);
    expect(ofOffer(contoso, draft)).toEqual(['offer.created']);
    expect(ofOffer(await allEvents('contosoViewer'), draft)).toEqual(['offer.created']);
    expect(ofOffer(contoso, fabrikamOffer)).toEqual([]);
    expect(ofOffer(await allEvents('fabrikamOwner'), fabrikamOffer)).toEqual([
      'offer.created',
      'offer.published',
    ]);

    // Sellers: catalogue events of live co-sell offers, whoever publishes them; never drafts or creations.
    const seller = await allEvents('seller');
    expect(ofOffer(seller, fabrikamOffer)).toEqual(['offer.published']);
    expect(ofOffer(seller, draft)).toEqual([]);
    expect(seller.every((e) => e.data.catalogLink === `/api/v1/catalog/offers/${e.data.offerId}`)).toBe(true);
    expect(seller.some((e) => e.type.startsWith('referral.'))).toBe(false);

    // Channel resellers: those of CSP offers alone.
    const reseller = await allEvents('reseller');
    expect(ofOffer(reseller, cspOffer)).toEqual(['offer.published']);
    expect(ofOffer(reseller, fabrikamOffer)).toEqual([]);

    const admin = await allEvents('admin');
    expect(ofOffer(admin, fabrikamOffer)).toEqual(['offer.created', 'offer.published']);
    expect(ofOffer(admin, draft)).toEqual(['offer.created']);
    expect(admin.length).toBeGreaterThan(contoso.length);

    expect((await feed(null)).statusCode).toBe(401);
    for (const refused of ['reviewer', 'customer'] as const) {
      const response = await feed(refused);
      expect(response.statusCode).toBe(403);
      expect(errorBody(response).error).toBe('forbidden');
    }
  });

  it('gives an event its position when its transaction commits, after every position given before', async () => {
    const client = await t.database.pool.connect();
    const insert = (id: string) =>
      client.query(
        `insert into events (id, type, organization_id, data, created_at) values ($1, 'offer.updated', $2, '{}', now())`,
        [id, personas.contosoId],
      );
    const positionOf = async (id: string) =>
      (await client.query<{ position: string | null }>('select position from events where id = $1', [id]))
        .rows[0]?.position ?? null;
    try {
      const before = await client.query<{ last: string }>('select max(position)::text as last from events');
      await client.query('begin');
      await insert('evt_first_written');
      await insert('evt_second_written');
      // Until the commit, it has none: no reader could have passed its place.
      expect(await positionOf('evt_first_written')).toBeNull();
      await client.query('commit');
      const first = Number(await positionOf('evt_first_written'));
      expect(first).toBeGreaterThan(Number(before.rows[0]?.last ?? 0));
      expect(Number(await positionOf('evt_second_written'))).toBe(first + 1);
      await client.query('begin');
      await insert('evt_rolled_back');
      await client.query('rollback');
      expect(await positionOf('evt_rolled_back')).toBeNull();
    } finally {
      await client.query('delete from events where id like $1', ['evt\\_%\\_written']);
      client.release();
    }
  });

  it('pages from a cursor without repeats or gaps, filters by type, and never moves a cursor backwards', async () => {
    const whole = await allEvents('contosoOwner');
    expect(whole.length).toBeGreaterThan(20);
    const paged = await allEvents('contosoOwner', 7);
    expect(paged.map((e) => e.id)).toEqual(whole.map((e) => e.id));
    expect(new Set(paged.map((e) => e.id)).size).toBe(paged.length);

    const typed = (
      await feed('contosoOwner', '?types=offer.published,offer.unpublished&limit=500')
    ).json() as EventPage;
    expect(typed.items.map((e) => e.id)).toEqual(
      whole.filter((e) => e.type === 'offer.published' || e.type === 'offer.unpublished').map((e) => e.id),
    );

    // Caught up: the next cursor stays put while nothing happens, and the next change appears after it.
    const last = whole.at(-1)?.cursor ?? '';
    const caughtUp = (await feed('contosoOwner', `?after=${last}`)).json() as EventPage;
    expect(caughtUp.items).toEqual([]);
    const again = (await feed('contosoOwner', `?after=${caughtUp.nextCursor}`)).json() as EventPage;
    expect(again.items).toEqual([]);
    const offerId = await api.docs.createOffer(as('contosoOwner'), { name: 'After the cursor' });
    const next = (await feed('contosoOwner', `?after=${again.nextCursor}`)).json() as EventPage;
    expect(next.items.map((e) => [e.type, e.data.offerId])).toEqual([['offer.created', offerId]]);

    // A reader who sees few events still moves on past the others.
    const sellerPage = (await feed('seller', '?limit=500')).json() as EventPage;
    const sellerNext = (await feed('seller', `?after=${sellerPage.nextCursor}`)).json() as EventPage;
    expect(sellerNext.items).toEqual([]);

    for (const bad of ['?after=yesterday', '?types=offer.exploded', '?limit=0']) {
      const response = await feed('contosoOwner', bad);
      expect(response.statusCode).toBe(400);
      expect(errorBody(response).error).toBe('validation_failed');
    }
  });
});
