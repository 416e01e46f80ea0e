import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Referral } from '../../src/domain/schemas/referrals.js';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, manualClock, type TestApp } from '../support/test-app.js';
import type { Headers } from './offer-api.js';
import { extraUser, incomingReferral, liveOffer, referralApi } from './referral-api.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Referrals end to end through the HTTP API, on PGlite and PostgreSQL: every transition allowed and refused,
 * who sees what (the customer's contacts included), ETags, expiry by the injected clock, the pipeline's filters,
 * summary and CSV export.
 */
describe('referrals', () => {
  let t: TestApp;
  let personas: Personas;
  let api: ReturnType<typeof referralApi>;
  let offerId: string;
  let otherSeller: Headers;
  const clock = manualClock();
  const as = (name: keyof Personas['byName']) => personas.byName[name].headers;

  beforeAll(async () => {
    t = await createTestApp({ clock, config: { referralExpiryDays: 3 } });
    personas = await createPersonas(t.app);
    api = referralApi(t.app);
    offerId = await liveOffer(t.app, as('contosoOwner'));
    otherSeller = await extraUser(t.app, 'second.seller@vendor.test', ['seller']);
  });
  afterAll(() => t?.close());

  const refer = (overrides: Record<string, unknown> = {}) =>
    api.created(as('seller'), incomingReferral(offerId, overrides));

  describe('a seller refers a customer to a partner', () => {
    it('reaches Contoso as Received, the seller sees it Pending, and the contacts wait for acceptance', async () => {
      const sent = await refer();
      expect(sent).toMatchObject({
        direction: 'incoming',
        organizationName: 'Contoso',
        status: 'New',
        substatus: 'Pending',
        type: 'Shared',
        qualification: 'SalesQualified',
        viewerSide: 'vendor',
        customerContactsHidden: null,
        details: {
          dealValue: 250000,
          currency: 'SEK',
          requirements: { solutions: [{ id: offerId, name: 'Contoso Store Analytics', type: 'Name' }] },
        },
      });
      expect(sent.customerProfile.team?.[0]?.email).toBe('karin.lund@nordicretail.example');
      expect(sent.expirationDateTime).toBe(new Date(clock.now().getTime() + 3 * DAY).toISOString());

      const received = await api.read(as('contosoViewer'), sent.id);
      expect(received).toMatchObject({
        status: 'New',
        substatus: 'Received',
        customerContactsHidden: 'notAccepted',
      });
      expect(received.customerProfile).not.toHaveProperty('team');
      expect(received.customerProfile.address.country).toBe('SE');
      expect(received.allowedActions).toEqual([]);
      expect((await api.read(as('contosoEditor'), sent.id)).allowedActions).toEqual([
        'update',
        'note',
        'accept',
        'decline',
      ]);
    });

    it('refuses a referral to an offer that is not in the catalogue, and a private one', async () => {
      const draft = await t.app.inject({
        method: 'POST',
        url: '/api/v1/offers',
        headers: as('contosoOwner'),
        payload: { name: 'Draft', offerType: 'SaaS' },
      });
      const draftId = (draft.json() as { id: string }).id;
      const refused = await api.create(as('seller'), incomingReferral(draftId));
      expect(refused.statusCode).toBe(422);
      expect(errorBody(refused).issues).toEqual([
        {
          path: 'details.requirements.solutions[0].id',
          message: `${draftId} is not a co-sell offer in the catalogue`,
          key: 'problems.referrals.notInCatalog',
          params: { value: draftId },
        },
      ]);
      const independent = await api.create(as('seller'), incomingReferral(offerId, { type: 'Independent' }));
      expect(independent.statusCode).toBe(422);
      expect(errorBody(independent).issues?.map((i) => i.path)).toEqual(['type']);
    });

    it('says what and where for every bad input', async () => {
      const noConsent = await api.create(
        as('seller'),
        incomingReferral(offerId, {
          consent: { consentToToShareInfoWithOthers: false, consentToContact: true },
        }),
      );
      expect(noConsent.statusCode).toBe(422);
      expect(errorBody(noConsent).issues?.map((i) => i.path)).toEqual([
        'consent.consentToToShareInfoWithOthers',
      ]);
      const body = incomingReferral(offerId);
      const badMoney = await api.create(as('seller'), {
        ...body,
        customerProfile: { ...body.customerProfile, address: { country: 'XX' } },
        details: { ...body.details, currency: 'ABC' },
      });
      expect(badMoney.statusCode).toBe(422);
      expect(errorBody(badMoney).issues?.map((i) => i.path)).toEqual([
        'customerProfile.address.country',
        'details.currency',
      ]);
      const malformed = await api.create(as('seller'), { ...body, status: 'Closed' });
      expect(malformed.statusCode).toBe(400);
      expect(errorBody(malformed).error).toBe('validation_failed');
    });
  });

  describe('transitions', () => {
    it('New → Active (accept) → Closed (Won), and the partner sees the contacts only after accepting', async () => {
      const sent = await refer();
      const refusedClose = await api.act(
        as('contosoOwner'),
        sent.id,
        'close',
        { substatus: 'Won', dealValue: 1 },
        sent.eTag,
      );
      expect(refusedClose.statusCode).toBe(409);
      expect(errorBody(refusedClose)).toMatchObject({
        error: 'transition_not_allowed',
        issues: [{ path: 'status', message: 'allowed: accept, decline' }],
      });

      const accepted = await api.acted(as('contosoOwner'), sent.id, 'accept');
      expect(accepted).toMatchObject({
        status: 'Active',
        substatus: 'Accepted',
        customerContactsHidden: null,
      });
      expect(accepted.customerProfile.team?.[0]?.firstName).toBe('Karin');
      expect(accepted.team.map((m) => m.side).sort()).toEqual(['partner', 'vendor']);

      for (const [action, body] of [
        ['accept', undefined],
        ['decline', { statusReason: 'Too late' }],
      ] as const) {
        const again = await api.act(as('contosoEditor'), sent.id, action, body, accepted.eTag);
        expect(again.statusCode, action).toBe(409);
        expect(errorBody(again).message).toContain('Allowed from Active: close.');
      }

      const noValue = await api.act(as('seller'), sent.id, 'close', { substatus: 'Lost' }, accepted.eTag);
      expect(noValue.statusCode).toBe(422);
      expect(errorBody(noValue).issues).toEqual([
        {
          path: 'statusReason',
          message: 'Say why the deal was lost',
          key: 'problems.referrals.lostReasonNeeded',
          params: {},
        },
      ]);

      const won = await api.acted(as('contosoOwner'), sent.id, 'close', {
        substatus: 'Won',
        dealValue: 310000,
        statusReason: 'Signed for three years',
      });
      expect(won).toMatchObject({
        status: 'Closed',
        substatus: 'Won',
        statusReason: 'Signed for three years',
        details: { dealValue: 310000, currency: 'SEK' },
      });
      expect((await api.read(as('seller'), sent.id)).substatus).toBe('Won');

      for (const action of ['accept', 'close']) {
        const closed = await api.act(
          as('contosoOwner'),
          sent.id,
          action,
          action === 'close' ? { substatus: 'Lost', statusReason: 'x' } : undefined,
          won.eTag,
        );
        expect(closed.statusCode, action).toBe(409);
        expect(errorBody(closed)).toMatchObject({
          message: expect.stringContaining('Nothing more can happen'),
          issues: [{ path: 'status', message: 'allowed: none' }],
        });
      }
      const edit = await api.patch(as('contosoOwner'), sent.id, { name: 'Renamed' }, won.eTag);
      expect(edit.statusCode).toBe(409);

      const timeline = await api.entries(as('contosoViewer'), sent.id);
      expect(timeline.map((e) => [e.kind, e.side])).toEqual([
        ['created', 'vendor'],
        ['accept', 'partner'],
        ['close', 'partner'],
      ]);
      expect(timeline[0]?.summary).toBe('seller referred Nordic Retail AB to Contoso');
      expect(timeline[2]).toMatchObject({
        summary: 'contosoOwner closed the deal as won, 310000 SEK',
        note: 'Signed for three years',
      });
    });

    it('New → Closed (Declined) with a reason; Active → Closed (Lost) with a reason', async () => {
      const declinedOne = await refer();
      const noReason = await api.act(as('contosoOwner'), declinedOne.id, 'decline', {}, declinedOne.eTag);
      expect(noReason.statusCode).toBe(400);
      const declined = await api.acted(as('contosoOwner'), declinedOne.id, 'decline', {
        statusReason: 'Not our market',
      });
      expect(declined).toMatchObject({
        status: 'Closed',
        substatus: 'Declined',
        statusReason: 'Not our market',
        customerContactsHidden: 'notAccepted',
      });

      const lostOne = await refer();
      await api.acted(as('contosoEditor'), lostOne.id, 'accept');
      const lost = await api.acted(as('seller'), lostOne.id, 'close', {
        substatus: 'Lost',
        statusReason: 'Went with a competitor',
      });
      expect(lost).toMatchObject({
        status: 'Closed',
        substatus: 'Lost',
        statusReason: 'Went with a competitor',
      });
    });

    it('lets only the party a referral waits for answer it, and only writers write', async () => {
      const sent = await refer();
      for (const [who, status] of [
        ['seller', 403],
        ['contosoViewer', 403],
        ['admin', 403],
        ['fabrikamOwner', 404],
      ] as const) {
        const response = await api.act(as(who), sent.id, 'accept', undefined, sent.eTag);
        expect(response.statusCode, who).toBe(status);
      }
      const stranger = await api.act(otherSeller, sent.id, 'accept', undefined, sent.eTag);
      expect(stranger.statusCode).toBe(404);
    });
  });

  describe('ETags', () => {
    it('needs If-Match on every write: 428 without, 412 when stale', async () => {
      const sent = await refer();
      const without = await api.patch(as('seller'), sent.id, { name: 'New name' });
      expect(without.statusCode).toBe(428);
      const changed = await api.patch(as('seller'), sent.id, { name: 'New name' }, sent.eTag);
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(sent.eTag);
      expect((changed.json() as Referral).eTag).toBe(changed.headers.etag);
      for (const [action, body] of [
        ['accept', undefined],
        ['decline', { statusReason: 'x' }],
        ['notes', { text: 'Called them' }],
      ] as const) {
        const stale = await api.act(as('contosoOwner'), sent.id, action, body, sent.eTag);
        expect(stale.statusCode, action).toBe(412);
        const missing = await api.act(as('contosoOwner'), sent.id, action, body);
        expect(missing.statusCode, action).toBe(428);
      }
      const stalePatch = await api.patch(as('seller'), sent.id, { name: 'Again' }, sent.eTag);
      expect(stalePatch.statusCode).toBe(412);
      expect((await api.read(as('seller'), sent.id)).name).toBe('New name');
    });

    it('keeps each side its own CRM id and lets only the side that brought the customer change the customer', async () => {
      const sent = await refer({ externalReferenceId: 'CRM-SELLER-1' });
      const partner = await api.read(as('contosoOwner'), sent.id);
      expect(partner.externalReferenceId).toBeNull();
      const mine = await api.patch(
        as('contosoOwner'),
        sent.id,
        { externalReferenceId: 'D365-42' },
        partner.eTag,
      );
      expect((mine.json() as Referral).externalReferenceId).toBe('D365-42');
      expect((await api.read(as('seller'), sent.id)).externalReferenceId).toBe('CRM-SELLER-1');
      const customer = await api.patch(
        as('contosoOwner'),
        sent.id,
        { consent: { consentToToShareInfoWithOthers: true, consentToContact: false } },
        String(mine.headers.etag),
      );
      expect(customer.statusCode).toBe(403);
    });
  });

  describe('visibility and consent', () => {
    it('shows a referral to its two parties and admins; another organisation or seller is told it is not there', async () => {
      const sent = await refer();
      for (const who of ['contosoOwner', 'contosoViewer', 'seller', 'admin'] as const)
        expect((await api.get(as(who), sent.id)).statusCode, who).toBe(200);
      expect((await api.get(as('fabrikamOwner'), sent.id)).statusCode).toBe(404);
      expect((await api.get(otherSeller, sent.id)).statusCode).toBe(404);
      for (const who of ['reseller', 'reviewer', 'customer'] as const)
        expect((await api.get(as(who), sent.id)).statusCode, who).toBe(403);
      const fabrikamList = (await api.list(as('fabrikamOwner'))).json() as { items: Referral[] };
      expect(fabrikamList.items.map((r) => r.id)).not.toContain(sent.id);
      const adminList = (await api.list(as('admin'), '?limit=200')).json() as { items: Referral[] };
      expect(adminList.items.find((r) => r.id === sent.id)?.viewerSide).toBe('admin');
      expect(
        ((await api.list(otherSeller)).json() as { items: Referral[] }).items.map((r) => r.id),
      ).not.toContain(sent.id);
    });

    it('never shows a private deal to sellers; a shared one is open to every seller until one takes it up', async () => {
      const customerProfile = incomingReferral(offerId).customerProfile;
      const base = { name: 'Own deal', customerProfile, details: { dealValue: 90000, currency: 'EUR' } };
      const privateDeal = await api.created(as('contosoEditor'), {
        ...base,
        type: 'Independent',
        consent: { consentToToShareInfoWithOthers: false, consentToContact: false },
      });
      expect(privateDeal).toMatchObject({
        direction: 'outgoing',
        status: 'Active',
        substatus: 'Accepted',
        allowedActions: ['update', 'note', 'close'],
      });
      const shared = await api.created(as('contosoEditor'), {
        ...base,
        name: 'Shared deal',
        consent: { consentToToShareInfoWithOthers: true, consentToContact: true },
      });
      expect(shared).toMatchObject({ status: 'New', substatus: 'Pending', customerContactsHidden: null });

      for (const seller of [as('seller'), otherSeller]) {
        expect((await api.get(seller, privateDeal.id)).statusCode).toBe(404);
        const ids = ((await api.list(seller, '?limit=200')).json() as { items: Referral[] }).items.map(
          (r) => r.id,
        );
        expect(ids).not.toContain(privateDeal.id);
        expect(ids).toContain(shared.id);
      }
      const open = await api.read(otherSeller, shared.id);
      expect(open).toMatchObject({
        substatus: 'Received',
        customerContactsHidden: 'notAccepted',
        allowedActions: ['accept', 'decline'],
      });
      expect(open.customerProfile).not.toHaveProperty('team');
      const own = await api.act(as('contosoOwner'), shared.id, 'accept', undefined, shared.eTag);
      expect(own.statusCode).toBe(403);

      const taken = await api.acted(otherSeller, shared.id, 'accept');
      expect(taken).toMatchObject({ status: 'Active', customerContactsHidden: null });
      expect(taken.customerProfile.team).toHaveLength(1);
      expect((await api.get(as('seller'), shared.id)).statusCode).toBe(404);
    });

    it('keeps the contacts from the partner when the customer did not agree to be contacted', async () => {
      const sent = await refer({
        consent: { consentToToShareInfoWithOthers: true, consentToContact: false },
      });
      const accepted = await api.acted(as('contosoOwner'), sent.id, 'accept');
      expect(accepted.customerContactsHidden).toBe('noConsent');
      expect(accepted.customerProfile).not.toHaveProperty('team');
      const listed = (
        (await api.list(as('contosoOwner'), '?limit=200')).json() as { items: Referral[] }
      ).items.find((r) => r.id === sent.id);
      expect(listed?.customerProfile).not.toHaveProperty('team');
      expect((await api.read(as('seller'), sent.id)).customerProfile.team).toHaveLength(1);
    });
  });

  describe('expiry', () => {
    it('reads an unanswered referral as Closed (Expired) once due, stores it once, and refuses answering it', async () => {
      const sent = await refer();
      clock.advance(3 * DAY - 1);
      expect((await api.read(as('contosoOwner'), sent.id)).status).toBe('New');
      clock.advance(1);
      const expired = await api.read(as('contosoOwner'), sent.id);
      expect(expired).toMatchObject({ status: 'Closed', substatus: 'Expired' });
      expect(expired.eTag).not.toBe(sent.eTag);
      await api.read(as('seller'), sent.id);
      const kinds = (await api.entries(as('seller'), sent.id)).map((e) => e.kind);
      expect(kinds).toEqual(['created', 'expire']);
      const late = await api.act(as('contosoOwner'), sent.id, 'accept', undefined, expired.eTag);
      expect(late.statusCode).toBe(409);
      expect(errorBody(late).message).toContain('Closed (Expired)');
    });

    it('stores the expiry of every due referral when a list is read, once', async () => {
      const a = await refer({ name: 'Expiring A' });
      const b = await refer({ name: 'Expiring B' });
      const answered = await refer({ name: 'Answered' });
      await api.acted(as('contosoOwner'), answered.id, 'accept');
      clock.advance(3 * DAY);
      const page = (await api.list(as('contosoOwner'), '?substatus=Expired&limit=200')).json() as {
        items: Referral[];
      };
      expect(page.items.map((r) => r.id)).toEqual(expect.arrayContaining([a.id, b.id]));
      expect(page.items.map((r) => r.id)).not.toContain(answered.id);
      await api.list(as('seller'));
      for (const id of [a.id, b.id])
        expect((await api.entries(as('contosoOwner'), id)).filter((e) => e.kind === 'expire')).toHaveLength(
          1,
        );
      expect((await api.read(as('contosoOwner'), answered.id)).status).toBe('Active');
    });
  });

  describe('the pipeline', () => {
    let norway: Referral;
    let danish: Referral;
    let secondOffer: string;

    beforeAll(async () => {
      secondOffer = await liveOffer(t.app, as('contosoOwner'), 'Contoso Field Service');
      const body = incomingReferral(secondOffer);
      norway = await api.created(as('seller'), {
        ...body,
        name: 'Fjord logistics',
        customerProfile: { ...body.customerProfile, name: 'Fjord Shipping AS', address: { country: 'NO' } },
        details: { ...body.details, dealValue: 40000, currency: 'NOK' },
      });
      danish = await api.created(as('seller'), {
        ...body,
        name: '=HYPERLINK("http://evil.example")',
        customerProfile: { ...body.customerProfile, name: 'Dansk Detail', address: { country: 'DK' } },
        details: { ...body.details, dealValue: 5000, currency: 'EUR', notes: 'Kunden vil åbne fem butikker' },
      });
    });

    const ids = async (who: Headers, query: string) =>
      ((await api.list(who, query)).json() as { items: Referral[] }).items.map((r) => r.id);

    it('filters by country, offer, currency, value range, text and substatus as the reader sees it', async () => {
      expect(await ids(as('contosoOwner'), '?country=no')).toEqual([norway.id]);
      expect(await ids(as('contosoOwner'), `?offer=${secondOffer}`)).toEqual([danish.id, norway.id]);
      expect(await ids(as('contosoOwner'), `?offer=${secondOffer}&currency=EUR`)).toEqual([danish.id]);
      expect(await ids(as('contosoOwner'), `?offer=${secondOffer}&minValue=10000&maxValue=50000`)).toEqual([
        norway.id,
      ]);
      expect(await ids(as('contosoOwner'), '?q=ABNE%20butikker')).toEqual([danish.id]);
      expect(await ids(as('contosoOwner'), `?offer=${secondOffer}&substatus=Received`)).toEqual([
        danish.id,
        norway.id,
      ]);
      expect(await ids(as('seller'), `?offer=${secondOffer}&substatus=Received`)).toEqual([]);
      expect(await ids(as('seller'), `?offer=${secondOffer}&substatus=Pending`)).toEqual([
        danish.id,
        norway.id,
      ]);
      const created = danish.createdDateTime;
      expect(
        await ids(as('contosoOwner'), `?offer=${secondOffer}&createdFrom=${encodeURIComponent(created)}`),
      ).toEqual([danish.id, norway.id]);
      const bad = await api.list(as('contosoOwner'), '?country=Sweden&minValue=-1');
      expect(bad.statusCode).toBe(400);
      expect(
        errorBody(bad)
          .issues?.map((i) => i.path)
          .sort(),
      ).toEqual(['country', 'minValue']);
    });

    it('pages with a cursor, newest first, without repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await api.list(as('contosoOwner'), `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        const page = response.json() as { items: Referral[]; nextCursor: string | null };
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.slice(0, 2)).toEqual([danish.id, norway.id]);
      const all = await ids(as('contosoOwner'), '?limit=200');
      expect(seen).toEqual(all);
      expect((await api.list(as('contosoOwner'), '?cursor=abc')).statusCode).toBe(400);
    });

    it('counts and sums value per currency by status', async () => {
      const summary = (await api.summary(as('contosoOwner'), `?offer=${secondOffer}`)).json();
      expect(summary).toEqual({
        groups: [expect.objectContaining({ status: 'New', substatus: 'Received', count: 2 })],
      });
      expect(summary.groups[0].totals).toEqual(
        expect.arrayContaining([
          { currency: 'NOK', dealValue: 40000 },
          { currency: 'EUR', dealValue: 5000 },
        ]),
      );
    });

    it('exports the filtered list as CSV, formulas neutralised, without customer contacts', async () => {
      const response = await api.csv(as('contosoOwner'), `?offer=${secondOffer}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toContain('referrals.csv');
      const lines = response.body.split('\r\n');
      expect(lines[0]?.startsWith('\uFEFFid,name,direction,status,substatus')).toBe(true);
      expect(lines).toHaveLength(4);
      expect(lines[1]).toContain(`${danish.id},"'=HYPERLINK(""http://evil.example"")",incoming,New,Received`);
      expect(lines[2]).toContain('Fjord Shipping AS,NO,51to500employees,40000,NOK');
      expect(response.body).not.toContain('karin.lund');
      const other = await api.csv(as('fabrikamOwner'));
      expect(other.body.split('\r\n')).toHaveLength(2);
    });

    it('keeps notes on the timeline, in order, with who wrote them', async () => {
      const current = await api.read(as('contosoEditor'), norway.id);
      const note = await api.act(
        as('contosoEditor'),
        norway.id,
        'notes',
        { text: 'Meeting on Monday' },
        current.eTag,
      );
      expect(note.statusCode).toBe(201);
      expect(note.json()).toMatchObject({
        kind: 'note',
        side: 'partner',
        note: 'Meeting on Monday',
        actor: { name: 'contosoEditor' },
      });
      expect(note.headers.etag).not.toBe(current.eTag);
      const entries = await api.entries(as('seller'), norway.id);
      expect(entries.map((e) => e.kind)).toEqual(['created', 'note']);
      expect(entries[1]?.message).toEqual({
        key: 'referrals.timeline.note',
        params: { actor: 'contosoEditor' },
      });
    });
  });
});
