/**
 * What a result card says about an offer: markets or worldwide, solution areas, the documents the reader may
 * open, and the contact roles for the country the seller filtered by; each follows the publisher's changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../src/domain/catalog/catalog-schema.js';
import { countries } from '../../src/domain/reference/taxonomy.js';
import { documentApi } from '../support/document-api.js';
import { sampleFiles } from '../support/document-fixtures.js';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type CatalogFixture, catalogApi } from './catalog-api.js';

describe('catalogue result cards', () => {
  let t: TestApp;
  let personas: Personas;
  let f: CatalogFixture;
  let api: ReturnType<typeof catalogApi>;
  let files: { onePager: string; deck: string };
  const as = (name: keyof Personas['byName']) => personas.byName[name].headers;

  /** The card of an offer in the answer to a search, failing when the offer is not among the results. */
  async function card(who: keyof Personas['byName'], offerId: string, query = ''): Promise<CatalogItem> {
    const page = await api.results(as(who), `${query}&limit=100`);
    const item = page.items.find((i) => i.offerId === offerId);
    if (!item) throw new Error(`${offerId} is not in the results of "${query}"`);
    return item;
  }

  const shown = (item: CatalogItem) => ({
    markets: item.markets,
    worldwide: item.worldwide,
    solutionAreas: item.solutionAreas,
    documentSlots: item.documentSlots,
    contactRoles: item.contactRoles,
  });

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
    api = catalogApi(t.app);
    f = await api.build(personas);
    // Hub: a one-pager and the channel deck; Partner sales for OOO, SE, US and NO+SE, Partner marketing for SE.
    files = await api.furnish(as('contosoOwner'), f.hub);
  });
  afterAll(() => t?.close());

  it('gives a seller the markets, areas, documents and the contact roles for the filtered country', async () => {
    expect(shown(await card('seller', f.hub, 'country=SE'))).toEqual({
      markets: ['SE', 'US'],
      worldwide: false,
      solutionAreas: ['DataAndAI'],
      documentSlots: ['customerOnePager', 'channelPitchDeck'],
      contactRoles: ['PartnerMarketing', 'PartnerSales'],
    });
    // In the US only Partner sales (a US contact and the OOO one); Partner marketing is Sweden's alone.
    expect((await card('seller', f.hub, 'country=us')).contactRoles).toEqual(['PartnerSales']);
    // Several countries: the roles of any of them. No country: every role the offer has.
    expect((await card('seller', f.hub, 'country=US&country=SE')).contactRoles).toEqual([
      'PartnerMarketing',
      'PartnerSales',
    ]);
    expect((await card('seller', f.hub)).contactRoles).toEqual(['PartnerMarketing', 'PartnerSales']);
    // Offers without documents or contacts say so with empty lists.
    expect(shown(await card('seller', f.lake, 'country=DE'))).toEqual({
      markets: ['SE', 'DE'],
      worldwide: false,
      solutionAreas: ['DataAndAI'],
      documentSlots: [],
      contactRoles: [],
    });
  });

  it('counts a contact for all countries (OOO) in every country, and only its own role', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: `${documentApi(t.app).base(f.lake)}/contacts`,
      headers: { ...as('contosoOwner'), 'if-match': '*' },
      payload: {
        contacts: [
          {
            name: 'Tove',
            email: 'tove@contoso.example',
            jobTitle: 'Engineer',
            role: 'PartnerTechnicalSales',
            countries: ['OOO'],
          },
          {
            name: 'Sven',
            email: 'sven@contoso.example',
            jobTitle: 'Seller',
            role: 'PartnerSales',
            countries: ['SE'],
          },
        ],
      },
    });
    expect(put.statusCode).toBe(200);
    expect((await card('seller', f.lake, 'country=DE')).contactRoles).toEqual(['PartnerTechnicalSales']);
    expect((await card('seller', f.lake, 'country=SE')).contactRoles).toEqual([
      'PartnerSales',
      'PartnerTechnicalSales',
    ]);
  });

  it('shows a channel reseller only the documents they may open', async () => {
    const reseller = await card('reseller', f.hub, 'country=SE');
    expect(reseller.documentSlots).toEqual(['channelPitchDeck']);
    expect(reseller.contactRoles).toEqual(['PartnerMarketing', 'PartnerSales']);
    // The same search by a seller right after is not answered with the reseller's cached cards.
    expect((await card('seller', f.hub, 'country=SE')).documentSlots).toEqual([
      'customerOnePager',
      'channelPitchDeck',
    ]);
    // Without the channel deck, a reseller's card names no document at all.
    const removed = await documentApi(t.app).remove(as('contosoOwner'), f.hub, files.deck);
    expect(removed.statusCode).toBe(204);
    expect((await card('reseller', f.hub, 'country=SE')).documentSlots).toEqual([]);
    expect((await card('seller', f.hub, 'country=SE')).documentSlots).toEqual(['customerOnePager']);
  });

  it('follows uploads and contact changes at once', async () => {
    const docs = documentApi(t.app);
    await docs.uploaded(as('contosoOwner'), f.lake, 'customerCaseStudy', 'case.pdf', sampleFiles.pdf);
    expect((await card('seller', f.lake)).documentSlots).toEqual(['customerCaseStudy']);
    const put = await t.app.inject({
      method: 'PUT',
      url: `${docs.base(f.lake)}/contacts`,
      headers: { ...as('contosoOwner'), 'if-match': '*' },
      payload: { contacts: [] },
    });
    expect(put.statusCode).toBe(200);
    expect((await card('seller', f.lake)).contactRoles).toEqual([]);
  });

  it('says worldwide when the markets are every country and region', async () => {
    const everywhere = await api.offer(
      as('contosoOwner'),
      { name: 'Contoso Everywhere', markets: countries.map((c) => c.code) },
      null,
      null,
    );
    const item = await card('seller', everywhere, 'q=everywhere&country=SE');
    expect(item.worldwide).toBe(true);
    expect(item.markets).toHaveLength(countries.length);
    const oneShort = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/offers/${everywhere}`,
      headers: { ...as('contosoOwner'), 'if-match': '*' },
      payload: { markets: countries.slice(1).map((c) => c.code) },
    });
    expect(oneShort.statusCode).toBe(200);
    expect((await card('seller', everywhere, 'q=everywhere')).worldwide).toBe(false);
  });
});
