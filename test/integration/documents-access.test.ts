import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../../src/domain/documents/document-schema.js';
import { documentApi } from '../support/document-api.js';
import { sampleFiles } from '../support/document-fixtures.js';
import { createPersonas, type PersonaName, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';

/** Who sees which documents of which offers. */
describe('co-sell documents: who sees what', () => {
  let t: TestApp;
  let personas: Personas;
  let api: ReturnType<typeof documentApi>;
  const as = (name: PersonaName) => personas.byName[name].headers;
  /** Offers with a pitch deck and a channel pitch deck each. */
  const offers = {} as Record<
    'draftCsp' | 'liveCsp' | 'liveDirect',
    { id: string; deck: DocumentDto; channel: DocumentDto }
  >;

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
    api = documentApi(t.app);
    const owner = as('contosoOwner');
    const make = async (soldThroughCsp: boolean, live: boolean) => {
      const id = await api.createOffer(owner, { soldThroughCsp }, false);
      const deck = await api.uploaded(owner, id, 'customerPresentation', 'deck.pdf', sampleFiles.pdf);
      const channel = await api.uploaded(owner, id, 'channelPitchDeck', 'channel.pdf', sampleFiles.pdf);
      if (live) {
        const published = await t.app.inject({
          method: 'POST',
          url: `/api/v1/offers/${id}/publish`,
          headers: { ...owner, 'if-match': '*' },
        });
        expect(published.statusCode).toBe(200);
      }
      return { id, deck, channel };
    };
    offers.draftCsp = await make(true, false);
    offers.liveCsp = await make(true, true);
    offers.liveDirect = await make(false, true);
  });
  afterAll(() => t?.close());

  it('publisher members see every slot, earlier versions and the URL; viewers read but do not write', async () => {
    for (const name of ['contosoOwner', 'contosoEditor', 'contosoViewer'] as const) {
      const overview = await api.overview(as(name), offers.draftCsp.id);
      expect(overview.slots).toHaveLength(7);
      expect(overview.slots[0]).toHaveProperty('versions');
      expect(overview).toHaveProperty('externalReferenceUrl');
      expect((await api.content(as(name), offers.draftCsp.id, offers.draftCsp.deck.id)).statusCode).toBe(200);
    }
    const viewer = as('contosoViewer');
    const id = offers.draftCsp.id;
    for (const response of [
      await api.upload(viewer, id, 'customerOnePager', 'a.pdf', sampleFiles.pdf),
      await api.remove(viewer, id, offers.draftCsp.deck.id),
      await api.restore(viewer, id, offers.draftCsp.deck.id),
      await api.putUrl(viewer, id, 'https://contoso.example/offer'),
      await api.deleteUrl(viewer, id),
    ]) {
      expect(response.statusCode).toBe(403);
      errorBody(response);
    }
  });

  it('sellers see the current documents of live co-sell offers only', async () => {
    const seller = as('seller');
    for (const key of ['liveCsp', 'liveDirect'] as const) {
      const overview = await api.overview(seller, offers[key].id);
      expect(overview.slots).toHaveLength(7);
      expect(overview.slots.find((s) => s.id === 'customerPresentation')?.documents.map((d) => d.id)).toEqual(
        [offers[key].deck.id],
      );
      expect(overview.slots[0]).not.toHaveProperty('versions');
      expect((await api.content(seller, offers[key].id, offers[key].deck.id)).statusCode).toBe(200);
      expect((await api.get(seller, offers[key].id, offers[key].channel.id)).statusCode).toBe(200);
    }
    // A draft is not there for a seller.
    expect((await api.list(seller, offers.draftCsp.id)).statusCode).toBe(404);
    expect((await api.content(seller, offers.draftCsp.id, offers.draftCsp.deck.id)).statusCode).toBe(404);
    // Sellers never write.
    expect(
      (await api.upload(seller, offers.liveCsp.id, 'customerOnePager', 'a.pdf', sampleFiles.pdf)).statusCode,
    ).toBe(403);
  });

  it('sellers do not see earlier versions', async () => {
    const owner = as('contosoOwner');
    const id = await api.createOffer(owner, {}, false);
    const v1 = await api.uploaded(owner, id, 'customerOnePager', 'v1.pdf', sampleFiles.pdf);
    await api.uploaded(owner, id, 'customerOnePager', 'v2.pdf', Buffer.from('%PDF-1.4\nv2\n'));
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/offers/${id}/publish`,
      headers: { ...owner, 'if-match': '*' },
    });
    expect((await api.get(as('seller'), id, v1.id)).statusCode).toBe(404);
    expect((await api.content(as('seller'), id, v1.id)).statusCode).toBe(404);
  });

  it('channel resellers see only the channel pitch deck, of live offers sold through CSP', async () => {
    const reseller = as('reseller');
    const overview = await api.overview(reseller, offers.liveCsp.id);
    expect(overview.slots.map((s) => s.id)).toEqual(['channelPitchDeck']);
    expect(overview.slots[0]?.documents.map((d) => d.id)).toEqual([offers.liveCsp.channel.id]);
    expect(overview).not.toHaveProperty('externalReferenceUrl');
    const download = await api.content(reseller, offers.liveCsp.id, offers.liveCsp.channel.id);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(sampleFiles.pdf)).toBe(true);

    // Not the other slots, not an offer sold directly, not a draft.
    expect((await api.get(reseller, offers.liveCsp.id, offers.liveCsp.deck.id)).statusCode).toBe(404);
    expect((await api.content(reseller, offers.liveCsp.id, offers.liveCsp.deck.id)).statusCode).toBe(404);
    expect((await api.list(reseller, offers.liveDirect.id)).statusCode).toBe(404);
    expect((await api.content(reseller, offers.liveDirect.id, offers.liveDirect.channel.id)).statusCode).toBe(
      404,
    );
    expect((await api.list(reseller, offers.draftCsp.id)).statusCode).toBe(404);
    expect((await api.content(reseller, offers.draftCsp.id, offers.draftCsp.channel.id)).statusCode).toBe(
      404,
    );
  });

  it("another organisation's documents are not found; customers and admins are refused, reviewers told nothing is there without a submission", async () => {
    const fabrikam = as('fabrikamOwner');
    const { id, deck } = offers.liveCsp;
    for (const response of [
      await api.list(fabrikam, id),
      await api.get(fabrikam, id, deck.id),
      await api.content(fabrikam, id, deck.id),
      await api.upload(fabrikam, id, 'customerOnePager', 'a.pdf', sampleFiles.pdf),
      await api.remove(fabrikam, id, deck.id),
      await api.restore(fabrikam, id, deck.id),
      await api.putUrl(fabrikam, id, 'https://fabrikam.example'),
    ]) {
      expect(response.statusCode).toBe(404);
      errorBody(response);
    }
    for (const name of ['customer', 'admin'] as const) {
      expect((await api.list(as(name), id)).statusCode).toBe(403);
      expect((await api.content(as(name), id, deck.id)).statusCode).toBe(403);
    }
    // Reviewers read the documents of offers in their reviews only (review-content.test.ts); this one has none.
    expect(errorBody(await api.list(as('reviewer'), id)).status).toBe(404);
    expect(errorBody(await api.content(as('reviewer'), id, deck.id)).status).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `${api.base(id)}/documents` })).statusCode).toBe(401);
  });

  it('an offer type without co-sell answers 409 co_sell_not_available to its publisher', async () => {
    const owner = as('contosoOwner');
    const id = await api.createOffer(owner, { offerType: 'ConsultingService' });
    for (const response of [
      await api.list(owner, id),
      await api.upload(owner, id, 'customerOnePager', 'a.pdf', sampleFiles.pdf),
      await api.putUrl(owner, id, 'https://contoso.example'),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(errorBody(response).error).toBe('co_sell_not_available');
    }
  });
});
