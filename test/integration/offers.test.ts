import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Offer } from '../../src/domain/schemas/offers.js';
import { createPersonas, type PersonaName, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, manualClock, type TestApp } from '../support/test-app.js';
import { type Headers, type OfferApi, offerApi } from './offer-api.js';

describe('offers', () => {
  // A clock moved by hand, so "most recently changed first" never depends on two writes' milliseconds.
  const clock = manualClock();
  let t: TestApp;
  let personas: Personas;
  let api: OfferApi;
  const as = (name: PersonaName): Headers => personas.byName[name].headers;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    personas = await createPersonas(t.app);
    api = offerApi(t.app);
  });
  afterAll(() => t?.close());

  describe('creating and reading', () => {
    it('creates a draft in the owner’s organisation, with an ETag and a Location', async () => {
      const response = await api.create(as('contosoOwner'), {
        name: '  Contoso Analytics  ',
        offerType: 'SaaS',
        summary: 'Analytics for retail',
        description: 'Long text',
        markets: ['se', 'US'],
        soldThroughCsp: true,
      });
      expect(response.statusCode).toBe(201);
      const offer = response.json() as Offer;
      expect(offer).toEqual({
        id: expect.any(String),
        organizationId: personas.contosoId,
        organizationName: 'Contoso',
        name: 'Contoso Analytics',
        offerType: 'SaaS',
        coSellAvailable: true,
        summary: 'Analytics for retail',
        description: 'Long text',
        markets: ['SE', 'US'],
        soldThroughCsp: true,
        state: 'draft',
        coSellStatus: 'NotCoSellReady',
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        publishedAt: null,
      });
      expect(response.headers.etag).toBe('"1"');
      expect(response.headers.location).toBe(`/api/v1/offers/${offer.id}`);

      const read = await api.get(as('contosoViewer'), offer.id);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(offer);
      expect(read.headers.etag).toBe('"1"');
    });

    it('fills in the optional fields of a new offer', async () => {
      const { offer } = await api.createOffer(as('contosoEditor'), {
        name: 'Bare',
        offerType: 'AzureApplication',
      });
      expect(offer).toMatchObject({
        organizationId: personas.contosoId,
        summary: '',
        description: '',
        markets: [],
        soldThroughCsp: false,
        state: 'draft',
      });
    });

    it('lets an offer type without co-sell exist, and says so', async () => {
      const { offer } = await api.createOffer(as('contosoOwner'), {
        name: 'VM image',
        offerType: 'AzureVirtualMachine',
      });
      expect(offer.offerType).toBe('AzureVirtualMachine');
      expect(offer.coSellAvailable).toBe(false);
    });

    it('creates a Fabrikam owner’s offer in Fabrikam', async () => {
      const { offer } = await api.createOffer(as('fabrikamOwner'), { name: 'Fabrikam Fiber' });
      expect(offer.organizationId).toBe(personas.fabrikamId);
      expect(offer.organizationName).toBe('Fabrikam');
    });

    it('answers 404 for an offer that does not exist', async () => {
      const response = await api.get(as('contosoOwner'), 'off_doesnotexist');
      expect(response.statusCode).toBe(404);
      expect(errorBody(response).error).toBe('not_found');
    });
  });

  describe('listing offers', () => {
    it('lists only the caller’s organisations’ offers, most recently changed first', async () => {
      clock.advance(1000);
      const first = await api.createOffer(as('contosoOwner'), { name: 'List first' });
      clock.advance(1000);
      const second = await api.createOffer(as('contosoOwner'), { name: 'List second' });
      clock.advance(1000);
      const fabrikam = await api.createOffer(as('fabrikamOwner'), { name: 'Fabrikam only' });

      const contosoList = await api.list(as('contosoViewer'));
      expect(contosoList.statusCode).toBe(200);
      const contosoItems = contosoList.json().items as Offer[];
      expect(contosoItems.length).toBeGreaterThanOrEqual(2);
      expect(contosoItems.every((o) => o.organizationId === personas.contosoId)).toBe(true);
      const ids = contosoItems.map((o) => o.id);
      expect(ids).not.toContain(fabrikam.offer.id);
      expect(ids.indexOf(second.offer.id)).toBeLessThan(ids.indexOf(first.offer.id));

      // A change moves an offer to the top.
      clock.advance(1000);
      expect(
        (await api.patch(as('contosoOwner'), first.offer.id, { summary: 'changed' }, first.etag)).statusCode,
      ).toBe(200);
      const afterChange = (await api.list(as('contosoOwner'))).json().items as Offer[];
      expect(afterChange[0]?.id).toBe(first.offer.id);

      const fabrikamItems = (await api.list(as('fabrikamOwner'))).json().items as Offer[];
      expect(fabrikamItems.map((o) => o.id)).toContain(fabrikam.offer.id);
      expect(fabrikamItems.every((o) => o.organizationId === personas.fabrikamId)).toBe(true);
    });

    it('gives nothing of another organisation even when asked for it by organizationId', async () => {
      const response = await api.list(as('fabrikamOwner'), `?organizationId=${personas.contosoId}`);
      expect(response.statusCode).toBe(200);
      expect(response.json().items).toEqual([]);
    });

    it.each(['seller', 'reseller', 'reviewer', 'admin', 'customer'] as const)(
      'refuses %s, who belongs to no publisher, with 403 on GET and POST /api/v1/offers',
      async (persona) => {
        const list = await api.list(as(persona));
        expect(list.statusCode).toBe(403);
        expect(errorBody(list).error).toBe('forbidden');
        const create = await api.create(as(persona), { name: 'Nope', offerType: 'SaaS' });
        expect(create.statusCode).toBe(403);
        expect(errorBody(create).error).toBe('forbidden');
      },
    );

    it('refuses anonymous callers with 401', async () => {
      expect((await api.list({})).statusCode).toBe(401);
      expect((await api.create({}, { name: 'Nope', offerType: 'SaaS' })).statusCode).toBe(401);
    });
  });

  describe('changing', () => {
    it('lets the owner and the editor rename and describe an offer; each change bumps the ETag', async () => {
      const { offer, etag } = await api.createOffer(as('contosoOwner'), { name: 'Before' });
      clock.advance(1000);
      const renamed = await api.patch(as('contosoOwner'), offer.id, { name: 'After' }, etag);
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json()).toMatchObject({ name: 'After', version: 2 });
      expect(renamed.headers.etag).toBe('"2"');

      const described = await api.patch(
        as('contosoEditor'),
        offer.id,
        { summary: 'Short', description: 'Longer words', soldThroughCsp: true, markets: ['NO', 'se'] },
        String(renamed.headers.etag),
      );
      expect(described.statusCode).toBe(200);
      expect(described.headers.etag).toBe('"3"');

      const { offer: read } = await api.readOffer(as('contosoViewer'), offer.id);
      expect(read).toMatchObject({
        name: 'After',
        summary: 'Short',
        description: 'Longer words',
        soldThroughCsp: true,
        markets: ['NO', 'SE'],
        version: 3,
      });
      expect(read.createdAt).toBe(offer.createdAt);
      expect(Date.parse(read.updatedAt)).toBe(Date.parse(offer.updatedAt) + 1000);
    });

    it('can change the offer type, and co-sell availability follows it', async () => {
      const { offer, etag } = await api.createOffer(as('contosoOwner'));
      const response = await api.patch(as('contosoOwner'), offer.id, { offerType: 'ManagedService' }, etag);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ offerType: 'ManagedService', coSellAvailable: false });
    });

    it('deletes an offer: afterwards it, its listing and its history are 404', async () => {
      const { offer, etag } = await api.createOffer(as('contosoEditor'));
      const listing = await api.putListing(as('contosoEditor'), offer.id, { platforms: ['Azure'] }, '"0"');
      expect(listing.statusCode).toBe(200);
      const response = await api.remove(as('contosoEditor'), offer.id, etag);
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
      expect((await api.get(as('contosoOwner'), offer.id)).statusCode).toBe(404);
      expect((await api.getListing(as('contosoOwner'), offer.id)).statusCode).toBe(404);
      expect((await api.history(as('contosoOwner'), offer.id)).statusCode).toBe(404);
      const listed = (await api.list(as('contosoOwner'))).json().items as Offer[];
      expect(listed.map((o) => o.id)).not.toContain(offer.id);
    });
  });

  describe('publishing', () => {
    it('takes an offer with markets live, and back to draft', async () => {
      const { offer, etag } = await api.createOffer(as('contosoOwner'), { markets: ['SE'] });
      const live = await api.publish(as('contosoEditor'), offer.id, etag);
      expect(live.statusCode).toBe(200);
      expect(live.json()).toMatchObject({ state: 'live', version: 2, publishedAt: expect.any(String) });
      expect(live.headers.etag).toBe('"2"');
      expect((await api.readOffer(as('contosoViewer'), offer.id)).offer.state).toBe('live');

      const draft = await api.unpublish(as('contosoOwner'), offer.id, String(live.headers.etag));
      expect(draft.statusCode).toBe(200);
      expect(draft.json()).toMatchObject({ state: 'draft', version: 3, publishedAt: null });
      expect((await api.readOffer(as('contosoViewer'), offer.id)).offer.state).toBe('draft');
    });

    it('refuses to publish or take back without If-Match (428), and takes * for whatever is there', async () => {
      const { offer } = await api.createOffer(as('contosoOwner'), { markets: ['US'] });
      const unasked = await api.publish(as('contosoOwner'), offer.id);
      expect(unasked.statusCode).toBe(428);
      expect(unasked.json()).toMatchObject({ error: 'precondition_required', status: 428 });
      expect((await api.readOffer(as('contosoOwner'), offer.id)).offer.state).toBe('draft');
      expect((await api.publish(as('contosoOwner'), offer.id, '*')).statusCode).toBe(200);
      expect((await api.unpublish(as('contosoOwner'), offer.id)).statusCode).toBe(428);
      expect((await api.readOffer(as('contosoOwner'), offer.id)).offer.state).toBe('live');
      expect((await api.unpublish(as('contosoOwner'), offer.id, '*')).statusCode).toBe(200);
    });

    it('refuses to publish an offer without markets with 422, and it stays a draft', async () => {
      const { offer, etag } = await api.createOffer(as('contosoOwner'));
      const response = await api.publish(as('contosoOwner'), offer.id, etag);
      expect(response.statusCode).toBe(422);
      const body = errorBody(response);
      expect(body.error).toBe('rule_violation');
      expect(body.issues?.map((i) => i.path)).toEqual(['markets']);
      const { offer: read, etag: after } = await api.readOffer(as('contosoOwner'), offer.id);
      expect(read.state).toBe('draft');
      expect(after).toBe(etag);
    });

    it('answers 409 to publishing a live offer and to unpublishing a draft, changing nothing', async () => {
      const { offer, etag } = await api.createOffer(as('contosoOwner'), { markets: ['SE'] });
      const notLive = await api.unpublish(as('contosoOwner'), offer.id, etag);
      expect(notLive.statusCode).toBe(409);
      expect(errorBody(notLive).error).toBe('conflict');

      const live = await api.publish(as('contosoOwner'), offer.id, etag);
      expect(live.statusCode).toBe(200);
      const liveEtag = String(live.headers.etag);
      const again = await api.publish(as('contosoOwner'), offer.id, liveEtag);
      expect(again.statusCode).toBe(409);
      expect(errorBody(again).error).toBe('conflict');
      const { offer: read, etag: after } = await api.readOffer(as('contosoOwner'), offer.id);
      expect(read.state).toBe('live');
      expect(after).toBe(liveEtag);
    });
  });

  describe('who may do what', () => {
    it('lets a viewer read but refuses every write with 403, changing nothing', async () => {
      const { offer, etag } = await api.createOffer(as('contosoOwner'), {
        name: 'Viewer target',
        markets: ['SE'],
      });
      const viewer = as('contosoViewer');
      expect((await api.get(viewer, offer.id)).statusCode).toBe(200);
      expect((await api.history(viewer, offer.id)).statusCode).toBe(200);
      expect((await api.getListing(viewer, offer.id)).statusCode).toBe(200);

      const writes = [
        await api.create(viewer, { name: 'By viewer', offerType: 'SaaS' }),
        await api.create(viewer, {
          name: 'By viewer',
          offerType: 'SaaS',
          organizationId: personas.contosoId,
        }),
        await api.patch(viewer, offer.id, { name: 'Hijacked' }, etag),
        await api.remove(viewer, offer.id, etag),
        await api.publish(viewer, offer.id, etag),
        await api.unpublish(viewer, offer.id, etag),
        await api.putListing(viewer, offer.id, { platforms: ['Azure'] }, '"0"'),
      ];
      expect(writes.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403, 403, 403]);
      for (const response of writes) expect(errorBody(response).error).toBe('forbidden');

      const { offer: read, etag: after } = await api.readOffer(as('contosoOwner'), offer.id);
      expect(read).toMatchObject({ name: 'Viewer target', state: 'draft' });
      expect(after).toBe(etag);
      expect((await api.readListing(as('contosoOwner'), offer.id)).listing.version).toBe(0);
      const names = ((await api.list(as('contosoOwner'))).json().items as Offer[]).map((o) => o.name);
      expect(names).not.toContain('By viewer');
    });

    it('tells a Fabrikam owner that a Contoso offer does not exist, for reads and writes, changing nothing', async () => {
      const { offer, etag } = await api.createOffer(as('contosoOwner'), {
        name: 'Contoso secret',
        markets: ['SE'],
      });
      const other = as('fabrikamOwner');
      const responses = [
        await api.get(other, offer.id),
        await api.patch(other, offer.id, { name: 'Taken' }, etag),
        await api.patch(other, offer.id, { markets: ['ZZ'] }, etag),
        await api.remove(other, offer.id, etag),
        await api.publish(other, offer.id, etag),
        await api.unpublish(other, offer.id, etag),
        await api.history(other, offer.id),
        await api.getListing(other, offer.id),
        await api.putListing(other, offer.id, { platforms: ['Azure'] }, '"0"'),
      ];
      expect(responses.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404]);
      for (const response of responses) {
        expect(errorBody(response).error).toBe('not_found');
        expect(response.body).not.toContain('Contoso secret');
      }
      // The same answer as for an id that does not exist.
      const unknown = await api.get(other, 'off_doesnotexist');
      expect(errorBody(unknown).message).toBe(errorBody(responses[0] as typeof unknown).message);

      const { offer: read, etag: after } = await api.readOffer(as('contosoOwner'), offer.id);
      expect(read).toMatchObject({ name: 'Contoso secret', state: 'draft' });
      expect(after).toBe(etag);
    });

    it('refuses a Fabrikam owner creating an offer for Contoso with 404, and creates nothing', async () => {
      const response = await api.create(as('fabrikamOwner'), {
        name: 'Planted',
        offerType: 'SaaS',
        organizationId: personas.contosoId,
      });
      expect(response.statusCode).toBe(404);
      const names = ((await api.list(as('contosoOwner'))).json().items as Offer[]).map((o) => o.name);
      expect(names).not.toContain('Planted');
    });
  });

  describe('If-Match', () => {
    it('refuses a stale ETag with 412 and changes nothing', async () => {
      const { offer, etag } = await api.createOffer(as('contosoOwner'), {
        name: 'Original',
        markets: ['SE'],
      });
      const changed = await api.patch(as('contosoEditor'), offer.id, { summary: 'editor was first' }, etag);
      expect(changed.statusCode).toBe(200);
      const current = String(changed.headers.etag);

      const stale = await api.patch(as('contosoOwner'), offer.id, { name: 'Overwritten' }, etag);
      expect(stale.statusCode).toBe(412);
      expect(errorBody(stale).error).toBe('precondition_failed');
      expect((await api.remove(as('contosoOwner'), offer.id, etag)).statusCode).toBe(412);
      expect((await api.publish(as('contosoOwner'), offer.id, etag)).statusCode).toBe(412);

      const { offer: read, etag: after } = await api.readOffer(as('contosoOwner'), offer.id);
      expect(read).toMatchObject({
        name: 'Original',
        summary: 'editor was first',
        state: 'draft',
        version: 2,
      });
      expect(after).toBe(current);
    });

    it('requires If-Match on PATCH and DELETE with 428, and changes nothing', async () => {
      const { offer, etag } = await api.createOffer(as('contosoOwner'), { name: 'Guarded' });
      const patch = await api.patch(as('contosoOwner'), offer.id, { name: 'Unguarded' });
      expect(patch.statusCode).toBe(428);
      expect(errorBody(patch).error).toBe('precondition_required');
      const remove = await api.remove(as('contosoOwner'), offer.id);
      expect(remove.statusCode).toBe(428);
      expect(errorBody(remove).error).toBe('precondition_required');
      const { offer: read, etag: after } = await api.readOffer(as('contosoOwner'), offer.id);
      expect(read.name).toBe('Guarded');
      expect(after).toBe(etag);
    });

    it('accepts * as "whatever is there", and a weak form of the current ETag', async () => {
      const { offer } = await api.createOffer(as('contosoOwner'), { name: 'Star' });
      const star = await api.patch(as('contosoOwner'), offer.id, { name: 'Starred' }, '*');
      expect(star.statusCode).toBe(200);
      expect(star.headers.etag).toBe('"2"');
      const weak = await api.patch(as('contosoOwner'), offer.id, { name: 'Weak' }, 'W/"2"');
      expect(weak.statusCode).toBe(200);
      expect((await api.remove(as('contosoOwner'), offer.id, '*')).statusCode).toBe(204);
      expect((await api.get(as('contosoOwner'), offer.id)).statusCode).toBe(404);
    });

    it('lets exactly one of two simultaneous writers with the same ETag win; the other gets 412', async () => {
      const { offer, etag } = await api.createOffer(as('contosoOwner'), { name: 'Race' });
      const responses = await Promise.all([
        api.patch(as('contosoOwner'), offer.id, { name: 'Owner won' }, etag),
        api.patch(as('contosoEditor'), offer.id, { name: 'Editor won' }, etag),
      ]);
      expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 412]);
      const winner = responses.find((r) => r.statusCode === 200);
      const { offer: read } = await api.readOffer(as('contosoOwner'), offer.id);
      expect(read.name).toBe(winner?.json().name);
      expect(read.version).toBe(2);
      const history = await api.readHistory(as('contosoOwner'), offer.id);
      expect(history.map((e) => e.action)).toEqual(['updated', 'created']);
    });

    it('refuses an If-Match that is no ETag of this server with 412', async () => {
      const { offer } = await api.createOffer(as('contosoOwner'), { name: 'Garbage' });
      const response = await api.patch(as('contosoOwner'), offer.id, { name: 'Changed' }, 'yesterday');
      expect(response.statusCode).toBe(412);
      expect((await api.readOffer(as('contosoOwner'), offer.id)).offer.name).toBe('Garbage');
    });
  });

  describe('validation', () => {
    it('accepts a description of exactly 3000 characters and refuses 3001 with 400', async () => {
      const { offer, etag } = await api.createOffer(as('contosoOwner'), { description: 'd'.repeat(3000) });
      expect(offer.description).toHaveLength(3000);

      const tooLong = await api.create(as('contosoOwner'), {
        name: 'Wordy',
        offerType: 'SaaS',
        description: 'd'.repeat(3001),
      });
      expect(tooLong.statusCode).toBe(400);
      const body = errorBody(tooLong);
      expect(body.error).toBe('validation_failed');
      expect(body.issues?.map((i) => i.path)).toEqual(['description']);

      const patch = await api.patch(as('contosoOwner'), offer.id, { description: 'e'.repeat(3001) }, etag);
      expect(patch.statusCode).toBe(400);
      expect(errorBody(patch).issues?.map((i) => i.path)).toEqual(['description']);
      const { offer: read, etag: after } = await api.readOffer(as('contosoOwner'), offer.id);
      expect(read.description).toBe('d'.repeat(3000));
      expect(after).toBe(etag);
    });

    it('refuses an offer type that is not in the taxonomy with 400', async () => {
      const response = await api.create(as('contosoOwner'), { name: 'Odd', offerType: 'Hardware' });
      expect(response.statusCode).toBe(400);
      expect(errorBody(response).issues?.map((i) => i.path)).toEqual(['offerType']);

      const { offer, etag } = await api.createOffer(as('contosoOwner'));
      const patch = await api.patch(as('contosoOwner'), offer.id, { offerType: 'Hardware' }, etag);
      expect(patch.statusCode).toBe(400);
      expect((await api.readOffer(as('contosoOwner'), offer.id)).offer.offerType).toBe('SaaS');
    });

    it('refuses an unknown field with 400, naming it', async () => {
      const response = await api.create(as('contosoOwner'), {
        name: 'Extra',
        offerType: 'SaaS',
        colour: 'blue',
      });
      expect(response.statusCode).toBe(400);
      const body = errorBody(response);
      expect(body.error).toBe('validation_failed');
      expect(body.issues?.some((i) => i.message.includes('colour'))).toBe(true);

      const { offer, etag } = await api.createOffer(as('contosoOwner'));
      const patch = await api.patch(as('contosoOwner'), offer.id, { state: 'live' }, etag);
      expect(patch.statusCode).toBe(400);
      expect(errorBody(patch).issues?.some((i) => i.message.includes('state'))).toBe(true);
      expect((await api.readOffer(as('contosoOwner'), offer.id)).offer.state).toBe('draft');
    });

    it('refuses a name over 200 and a short description over 300 characters with 400', async () => {
      const name = await api.create(as('contosoOwner'), { name: 'n'.repeat(201), offerType: 'SaaS' });
      expect(name.statusCode).toBe(400);
      expect(errorBody(name).issues?.map((i) => i.path)).toEqual(['name']);
      const summary = await api.create(as('contosoOwner'), {
        name: 'Short',
        offerType: 'SaaS',
        summary: 's'.repeat(301),
      });
      expect(summary.statusCode).toBe(400);
      expect(errorBody(summary).issues?.map((i) => i.path)).toEqual(['summary']);
      const { offer } = await api.createOffer(as('contosoOwner'), {
        name: 'n'.repeat(200),
        summary: 's'.repeat(300),
      });
      expect(offer.name).toHaveLength(200);
    });

    it('refuses a missing or empty name with 400', async () => {
      expect((await api.create(as('contosoOwner'), { offerType: 'SaaS' })).statusCode).toBe(400);
      const blank = await api.create(as('contosoOwner'), { name: '   ', offerType: 'SaaS' });
      expect(blank.statusCode).toBe(400);
      expect(errorBody(blank).issues?.map((i) => i.path)).toEqual(['name']);
    });

    it('refuses unknown market codes with 422, one issue per bad entry at markets[i]', async () => {
      const response = await api.create(as('contosoOwner'), {
        name: 'Everywhere',
        offerType: 'SaaS',
        markets: ['SE', 'XX', 'US', 'Narnia'],
      });
      expect(response.statusCode).toBe(422);
      const body = errorBody(response);
      expect(body.error).toBe('rule_violation');
      expect(body.issues?.map((i) => i.path)).toEqual(['markets[1]', 'markets[3]']);
      expect(body.issues?.[0]?.message).toContain('XX');
      const names = ((await api.list(as('contosoOwner'))).json().items as Offer[]).map((o) => o.name);
      expect(names).not.toContain('Everywhere');
    });

    it('refuses a market listed twice with 422', async () => {
      const response = await api.create(as('contosoOwner'), {
        name: 'Twice',
        offerType: 'SaaS',
        markets: ['SE', 'se'],
      });
      expect(response.statusCode).toBe(422);
      expect(errorBody(response).issues?.map((i) => i.path)).toEqual(['markets[1]']);
    });

    it('refuses unknown markets on PATCH with 422 and changes nothing', async () => {
      const { offer, etag } = await api.createOffer(as('contosoOwner'), { markets: ['SE'] });
      const response = await api.patch(
        as('contosoOwner'),
        offer.id,
        { name: 'Renamed', markets: ['US', 'ZZ'] },
        etag,
      );
      expect(response.statusCode).toBe(422);
      expect(errorBody(response).issues?.map((i) => i.path)).toEqual(['markets[1]']);
      const { offer: read, etag: after } = await api.readOffer(as('contosoOwner'), offer.id);
      expect(read).toMatchObject({ name: 'Contoso Analytics', markets: ['SE'] });
      expect(after).toBe(etag);
    });
  });

  describe('a user who writes for two organisations', () => {
    let both: Headers;
    let ownerAndViewer: Headers;

    beforeAll(async () => {
      const { users, tokens } = t.app.services;
      const passwordHash = await users.hashPassword('another long pass phrase');
      const make = async (email: string, memberships: [string, 'owner' | 'editor' | 'viewer'][]) => {
        const user = await users.createUser(
          { email, name: email, password: 'another long pass phrase', platformRoles: [] },
          passwordHash,
        );
        for (const [org, role] of memberships) await users.addMember(org, user.id, role);
        const { token } = await tokens.create(user.id, { name: 'tests' });
        return { authorization: `Bearer ${token}` };
      };
      both = await make('both@consultant.test', [
        [personas.contosoId, 'owner'],
        [personas.fabrikamId, 'editor'],
      ]);
      ownerAndViewer = await make('mixed@consultant.test', [
        [personas.contosoId, 'viewer'],
        [personas.fabrikamId, 'owner'],
      ]);
    });

    it('must say which organisation, else 422 at organizationId naming the choices', async () => {
      const response = await api.create(both, { name: 'Whose?', offerType: 'SaaS' });
      expect(response.statusCode).toBe(422);
      const body = errorBody(response);
      expect(body.error).toBe('rule_violation');
      expect(body.issues?.map((i) => i.path)).toEqual(['organizationId']);
      expect(body.issues?.[0]?.message).toContain(personas.contosoId);
      expect(body.issues?.[0]?.message).toContain(personas.fabrikamId);
    });

    it('creates in the organisation named', async () => {
      const inFabrikam = await api.createOffer(both, {
        name: 'For Fabrikam',
        organizationId: personas.fabrikamId,
      });
      expect(inFabrikam.offer.organizationId).toBe(personas.fabrikamId);
      const inContoso = await api.createOffer(both, {
        name: 'For Contoso',
        organizationId: personas.contosoId,
      });
      expect(inContoso.offer.organizationId).toBe(personas.contosoId);

      const all = ((await api.list(both)).json().items as Offer[]).map((o) => o.id);
      expect(all).toEqual(expect.arrayContaining([inFabrikam.offer.id, inContoso.offer.id]));
      const onlyFabrikam = (await api.list(both, `?organizationId=${personas.fabrikamId}`)).json()
        .items as Offer[];
      expect(onlyFabrikam.map((o) => o.id)).toContain(inFabrikam.offer.id);
      expect(onlyFabrikam.every((o) => o.organizationId === personas.fabrikamId)).toBe(true);
    });

    it('needs no organizationId when only one membership can write, and may not create where it only views', async () => {
      const { offer } = await api.createOffer(ownerAndViewer, { name: 'Implied' });
      expect(offer.organizationId).toBe(personas.fabrikamId);
      const refused = await api.create(ownerAndViewer, {
        name: 'As viewer',
        offerType: 'SaaS',
        organizationId: personas.contosoId,
      });
      expect(refused.statusCode).toBe(403);
    });

    it('refuses an organisation the user is not in with 404', async () => {
      const response = await api.create(both, {
        name: 'Nowhere',
        offerType: 'SaaS',
        organizationId: 'org_unknown',
      });
      expect(response.statusCode).toBe(404);
    });
  });
});
