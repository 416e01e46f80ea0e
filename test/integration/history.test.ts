import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/domain/schemas/offers.js';
import { createPersonas, type PersonaName, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, manualClock, type TestApp } from '../support/test-app.js';
import { type Headers, type OfferApi, offerApi } from './offer-api.js';

const MINUTE = 60_000;
const START = new Date('2026-11-24T12:00:00.000Z');

describe('offer history', () => {
  const clock = manualClock(START);
  let t: TestApp;
  let personas: Personas;
  let api: OfferApi;
  const as = (name: PersonaName): Headers => personas.byName[name].headers;
  const actor = (name: PersonaName) => ({ id: personas.byName[name].userId, name });
  const at = (minutes: number) => new Date(START.getTime() + minutes * MINUTE).toISOString();

  beforeAll(async () => {
    t = await createTestApp({ clock });
    personas = await createPersonas(t.app);
    api = offerApi(t.app);
  });
  afterAll(() => t?.close());

  describe('one offer’s story, told newest first', () => {
    let offerId: string;
    let entries: HistoryEntry[];

    beforeAll(async () => {
      // minute 0: the owner creates the offer
      const created = await api.createOffer(as('contosoOwner'), {
        name: 'Contoso Analytics',
        offerType: 'SaaS',
        summary: 'Retail analytics',
        markets: ['SE'],
      });
      offerId = created.offer.id;
      // minute 1: the editor renames it
      clock.advance(MINUTE);
      const renamed = await api.patch(
        as('contosoEditor'),
        offerId,
        { name: 'Contoso Insights' },
        created.etag,
      );
      expect(renamed.statusCode).toBe(200);
      // minute 2: the owner adds markets
      clock.advance(MINUTE);
      const markets = await api.patch(
        as('contosoOwner'),
        offerId,
        { markets: ['SE', 'NO', 'US'] },
        String(renamed.headers.etag),
      );
      expect(markets.statusCode).toBe(200);
      // minute 3: published; minute 4: back to draft
      clock.advance(MINUTE);
      const live = await api.publish(as('contosoOwner'), offerId, String(markets.headers.etag));
      expect(live.statusCode).toBe(200);
      clock.advance(MINUTE);
      expect((await api.unpublish(as('contosoEditor'), offerId, String(live.headers.etag))).statusCode).toBe(
        200,
      );
      // minute 5: the first listing save; minute 6: an update of it
      clock.advance(MINUTE);
      const listing = await api.putListing(
        as('contosoEditor'),
        offerId,
        { platforms: ['Azure'], solutionType: 'IP' },
        '"0"',
      );
      expect(listing.statusCode).toBe(200);
      clock.advance(MINUTE);
      const updated = await api.putListing(
        as('contosoOwner'),
        offerId,
        {
          platforms: ['Azure', 'Teams'],
          solutionType: 'IP',
          solutionAreas: [{ area: 'DataAndAI', subAreas: ['BigData'] }],
        },
        String(listing.headers.etag),
      );
      expect(updated.statusCode).toBe(200);
      clock.advance(MINUTE);

      entries = await api.readHistory(as('contosoViewer'), offerId);
    });

    it('has one entry per change, newest first, each at the time it happened', () => {
      expect(entries.map((e) => [e.subject, e.action, e.at])).toEqual([
        ['listing', 'updated', at(6)],
        ['listing', 'created', at(5)],
        ['offer', 'unpublished', at(4)],
        ['offer', 'published', at(3)],
        ['offer', 'updated', at(2)],
        ['offer', 'updated', at(1)],
        ['offer', 'created', at(0)],
      ]);
      expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    });

    it('records who made each change, by id and name', () => {
      expect(entries.map((e) => e.actor)).toEqual([
        actor('contosoOwner'),
        actor('contosoEditor'),
        actor('contosoEditor'),
        actor('contosoOwner'),
        actor('contosoOwner'),
        actor('contosoEditor'),
        actor('contosoOwner'),
      ]);
    });

    it('records the creation with every field, before null', () => {
      expect(entries.at(-1)?.changes).toEqual([
        { field: 'name', before: null, after: 'Contoso Analytics' },
        { field: 'offerType', before: null, after: 'SaaS' },
        { field: 'summary', before: null, after: 'Retail analytics' },
        { field: 'description', before: null, after: '' },
        { field: 'markets', before: null, after: ['SE'] },
        { field: 'soldThroughCsp', before: null, after: false },
        { field: 'state', before: null, after: 'draft' },
      ]);
    });

    it('records a rename as the name before and after, and nothing else', () => {
      expect(entries[5]?.changes).toEqual([
        { field: 'name', before: 'Contoso Analytics', after: 'Contoso Insights' },
      ]);
    });

    it('records a markets change as the lists before and after', () => {
      expect(entries[4]?.changes).toEqual([{ field: 'markets', before: ['SE'], after: ['SE', 'NO', 'US'] }]);
    });

    it('records publishing and unpublishing as the state before and after', () => {
      expect(entries[3]?.changes).toEqual([{ field: 'state', before: 'draft', after: 'live' }]);
      expect(entries[2]?.changes).toEqual([{ field: 'state', before: 'live', after: 'draft' }]);
    });

    it('records the first listing save with the values saved, before null', () => {
      const changes = entries[1]?.changes ?? [];
      expect(changes).toContainEqual({ field: 'platforms', before: null, after: ['Azure'] });
      expect(changes).toContainEqual({ field: 'solutionType', before: null, after: 'IP' });
      expect(changes.every((c) => c.before === null)).toBe(true);
      expect(changes.map((c) => c.field)).not.toContain('taxonomyVersion');
    });

    it('records a listing update as only the fields that changed, before and after', () => {
      expect(entries[0]?.changes).toEqual([
        { field: 'platforms', before: ['Azure'], after: ['Azure', 'Teams'] },
        { field: 'solutionAreas', before: [], after: [{ area: 'DataAndAI', subAreas: ['BigData'] }] },
      ]);
    });
  });

  describe('what is not recorded', () => {
    it('adds no entry and keeps the version for a PATCH that changes nothing', async () => {
      const { offer, etag } = await api.createOffer(as('contosoOwner'), {
        name: 'Same',
        markets: ['SE', 'US'],
      });
      const before = await api.readHistory(as('contosoOwner'), offer.id);
      clock.advance(MINUTE);

      const same = await api.patch(
        as('contosoOwner'),
        offer.id,
        { name: 'Same', markets: ['se', 'US'], soldThroughCsp: false, summary: '' },
        etag,
      );
      expect(same.statusCode).toBe(200);
      expect(same.headers.etag).toBe(etag);
      expect(same.json()).toMatchObject({ version: 1, updatedAt: offer.updatedAt });
      const empty = await api.patch(as('contosoOwner'), offer.id, {}, etag);
      expect(empty.statusCode).toBe(200);
      expect(empty.headers.etag).toBe(etag);

      expect((await api.readOffer(as('contosoOwner'), offer.id)).etag).toBe(etag);
      expect(await api.readHistory(as('contosoOwner'), offer.id)).toEqual(before);
    });

    it('adds no entry and keeps the version for a listing saved unchanged', async () => {
      const { offer } = await api.createOffer(as('contosoOwner'));
      const body = {
        platforms: ['Azure'],
        solutionAreas: [{ area: 'Security', subAreas: ['ThreatProtection'] }],
      };
      const first = await api.putListing(as('contosoOwner'), offer.id, body, '"0"');
      expect(first.statusCode).toBe(200);
      const before = await api.readHistory(as('contosoOwner'), offer.id);

      // The same values, with the keys of an area in another order.
      const again = await api.putListing(
        as('contosoOwner'),
        offer.id,
        { solutionAreas: [{ subAreas: ['ThreatProtection'], area: 'Security' }], platforms: ['Azure'] },
        String(first.headers.etag),
      );
      expect(again.statusCode).toBe(200);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(await api.readHistory(as('contosoOwner'), offer.id)).toEqual(before);
    });

    it('adds no entry for refused writes (412, 422, 409, 403, 404)', async () => {
      const { offer, etag } = await api.createOffer(as('contosoOwner'), { name: 'Guarded' });
      const changed = await api.patch(as('contosoOwner'), offer.id, { summary: 'first' }, etag);
      const current = String(changed.headers.etag);
      const listing = await api.putListing(as('contosoOwner'), offer.id, { platforms: ['Azure'] }, '"0"');
      const before = await api.readHistory(as('contosoOwner'), offer.id);
      expect(before).toHaveLength(3);

      const refused = [
        await api.patch(as('contosoEditor'), offer.id, { name: 'Stale' }, etag),
        await api.patch(as('contosoEditor'), offer.id, { name: 'Bad market', markets: ['ZZ'] }, current),
        await api.patch(as('contosoEditor'), offer.id, { name: 'No If-Match' }),
        await api.publish(as('contosoEditor'), offer.id, current),
        await api.unpublish(as('contosoEditor'), offer.id, current),
        await api.putListing(as('contosoEditor'), offer.id, { platforms: ['SQL'] }, '"0"'),
        await api.putListing(
          as('contosoEditor'),
          offer.id,
          { platforms: ['Amiga'] },
          String(listing.headers.etag),
        ),
        await api.patch(as('contosoViewer'), offer.id, { name: 'Viewer' }, current),
        await api.patch(as('fabrikamOwner'), offer.id, { name: 'Fabrikam' }, current),
        await api.remove(as('contosoEditor'), offer.id, etag),
      ];
      expect(refused.map((r) => r.statusCode)).toEqual([412, 422, 428, 422, 409, 412, 422, 403, 404, 412]);
      expect(await api.readHistory(as('contosoOwner'), offer.id)).toEqual(before);
    });
  });

  describe('paging', () => {
    let offerId: string;
    let all: HistoryEntry[];

    beforeAll(async () => {
      const created = await api.createOffer(as('contosoOwner'), { name: 'Paged 0' });
      offerId = created.offer.id;
      // Nine renames, several in the same millisecond: order must not depend on the clock.
      for (let i = 1; i <= 9; i += 1) {
        if (i % 3 === 0) clock.advance(1000);
        const response = await api.patch(as('contosoOwner'), offerId, { name: `Paged ${i}` }, '*');
        expect(response.statusCode).toBe(200);
      }
      all = await api.readHistory(as('contosoOwner'), offerId);
    });

    it('has the ten entries newest first', () => {
      expect(all).toHaveLength(10);
      expect(all.map((e) => e.changes.find((c) => c.field === 'name')?.after)).toEqual(
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0].map((i) => `Paged ${i}`),
      );
    });

    it.each([1, 3, 4, 5, 9, 10])(
      'returns every entry exactly once, in order, with limit=%i',
      async (limit) => {
        const seen: HistoryEntry[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const query: string = `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          const response = await api.history(as('contosoViewer'), offerId, query);
          expect(response.statusCode).toBe(200);
          const page = response.json() as { items: HistoryEntry[]; nextCursor: string | null };
          expect(page.items.length).toBeGreaterThan(0);
          expect(page.items.length).toBeLessThanOrEqual(limit);
          seen.push(...page.items);
          cursor = page.nextCursor;
          pages += 1;
          expect(pages).toBeLessThanOrEqual(10);
        } while (cursor !== null);
        expect(pages).toBe(Math.ceil(10 / limit));
        expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
      },
    );

    it('defaults to one page of up to 50 with no next cursor for a short history', async () => {
      const response = await api.history(as('contosoOwner'), offerId);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ items: all, nextCursor: null });
    });

    it('refuses a cursor it did not give out and a limit out of range with 400', async () => {
      for (const query of ['?cursor=abc', '?limit=0', '?limit=201', '?limit=two']) {
        const response = await api.history(as('contosoOwner'), offerId, query);
        expect(response.statusCode, query).toBe(400);
        errorBody(response);
      }
    });
  });

  describe('who may read it', () => {
    it('shows the history to every Contoso member, 404 to Fabrikam, 403 to others', async () => {
      const { offer } = await api.createOffer(as('contosoOwner'));
      for (const persona of ['contosoOwner', 'contosoEditor', 'contosoViewer'] as const) {
        expect((await api.history(as(persona), offer.id)).statusCode, persona).toBe(200);
      }
      expect((await api.history(as('fabrikamOwner'), offer.id)).statusCode).toBe(404);
      for (const persona of ['seller', 'reseller', 'reviewer', 'admin', 'customer'] as const) {
        expect((await api.history(as(persona), offer.id)).statusCode, persona).toBe(403);
      }
      expect((await api.history({}, offer.id)).statusCode).toBe(401);
    });
  });
});
