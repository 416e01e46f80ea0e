import { isDeepStrictEqual } from 'node:util';
import { CatalogPageSchema } from '../../src/domain/catalog/catalog-schema.js';
import type { App } from '../../src/server/app.js';
import { refreshCatalogEntry } from '../../src/server/services/catalog-index.js';
import { documentApi } from '../support/document-api.js';
import { sampleFiles } from '../support/document-fixtures.js';
import type { Personas } from '../support/personas.js';

type Headers = Record<string, string>;

export interface CatalogFixture {
  /** Contoso Analytics Hub: SaaS, SE+US, CSP, Azure+Power BI, Data and AI, co-sell ready. */
  hub: string;
  /** Fabrikam Threat Shield: Azure application, SE, not CSP, Security, incentivized; description by Öberg. */
  shield: string;
  /** Contoso Identity Guard: SaaS, US, CSP, Microsoft 365, Security, not co-sell ready. */
  guard: string;
  /** Contoso Data Lake: SaaS, SE+DE, not CSP, Azure, Data and AI, co-sell ready. */
  lake: string;
  /** A draft and a live consulting service (no co-sell profile): never in the catalogue. */
  draft: string;
  consulting: string;
}

/** Thin helpers over app.inject for the catalogue, and a small fixed catalogue built through the API. */
export function catalogApi(app: App) {
  const docs = documentApi(app);
  const api = {
    search: (as: Headers | undefined, query = '') =>
      app.inject({
        method: 'GET',
        url: `/api/v1/catalog/offers${query ? `?${query}` : ''}`,
        headers: as ?? {},
      }),
    async results(as: Headers, query = '') {
      const response = await api.search(as, query);
      if (response.statusCode !== 200)
        throw new Error(`search ${query}: ${response.statusCode} ${response.body}`);
      // The route writes its page without the schema's check (catalog-routes.ts): every answer the tests see
      // must still be exactly what CatalogPageSchema describes, no field missing, none extra.
      const body: unknown = response.json();
      const page = CatalogPageSchema.parse(body);
      if (!isDeepStrictEqual(page, body))
        throw new Error(`search ${query}: the answer has fields the schema does not: ${response.body}`);
      return page;
    },
    get: (as: Headers | undefined, offerId: string) =>
      app.inject({ method: 'GET', url: `/api/v1/catalog/offers/${offerId}`, headers: as ?? {} }),
    contacts: (as: Headers | undefined, offerId: string, query = '') =>
      app.inject({
        method: 'GET',
        url: `/api/v1/catalog/offers/${offerId}/contacts${query ? `?${query}` : ''}`,
        headers: as ?? {},
      }),

    async offer(
      as: Headers,
      body: Record<string, unknown>,
      listing: Record<string, unknown> | null,
      status: string | null,
    ): Promise<string> {
      const id = await docs.createOffer(as, body, false);
      if (listing) {
        const saved = await app.inject({
          method: 'PUT',
          url: `${docs.base(id)}/listing`,
          headers: { ...as, 'if-match': '*' },
          payload: listing,
        });
        if (saved.statusCode !== 200) throw new Error(`listing: ${saved.body}`);
      }
      const published = await app.inject({
        method: 'POST',
        url: `/api/v1/offers/${id}/publish`,
        headers: { ...as, 'if-match': '*' },
      });
      if (published.statusCode !== 200) throw new Error(`publishing: ${published.body}`);
      if (status) await api.setStatus(id, status);
      return id;
    },

    /**
     * Stores a co-sell status as the readiness refresh would (the higher tiers need reviews and revenue; the
     * catalogue only reads the stored status). A later write to the offer recomputes it.
     */
    async setStatus(id: string, status: string) {
      await app.repos.offers.setCoSellStatus(id, status, []);
      await refreshCatalogEntry(app.repos, id, new Date());
    },

    async build(personas: Personas): Promise<CatalogFixture> {
      const contoso = personas.byName.contosoOwner.headers;
      const fabrikam = personas.byName.fabrikamOwner.headers;
      const hub = await api.offer(
        contoso,
        {
          name: 'Contoso Analytics Hub',
          summary: 'Dashboards for retail',
          description: 'Sales figures in one place.',
          markets: ['SE', 'US'],
          soldThroughCsp: true,
        },
        {
          platforms: ['Azure', 'PowerBI'],
          marketSegments: ['SMB'],
          solutionType: 'IP',
          solutionAreas: [{ area: 'DataAndAI', subAreas: ['AdvancedAnalytics', 'BigData'] }],
        },
        'CoSellReady',
      );
      const shield = await api.offer(
        fabrikam,
        {
          name: 'Fabrikam Threat Shield',
          offerType: 'AzureApplication',
          summary: 'Stops attacks before they start',
          description: 'Built with Öberg & Partners.',
          markets: ['SE'],
        },
        {
          platforms: ['Azure'],
          marketSegments: ['Enterprise'],
          solutionType: 'IP',
          solutionAreas: [{ area: 'Security', subAreas: ['ThreatProtection'] }],
        },
        'AzureIpCoSellIncentivized',
      );
      const guard = await api.offer(
        contoso,
        {
          name: 'Contoso Identity Guard',
          summary: 'Sign-in protection with analytics reports',
          markets: ['US'],
          soldThroughCsp: true,
        },
        {
          platforms: ['Microsoft365'],
          marketSegments: ['Corporate'],
          solutionType: 'Service',
          solutionAreas: [{ area: 'Security', subAreas: ['IdentityandAccessManagement'] }],
        },
        null,
      );
      const lake = await api.offer(
        contoso,
        { name: 'Contoso Data Lake', summary: 'An analytics warehouse', markets: ['SE', 'DE'] },
        {
          platforms: ['Azure'],
          marketSegments: ['SMB', 'Enterprise'],
          solutionType: 'ManagedService',
          solutionAreas: [{ area: 'DataAndAI', subAreas: ['DataWarehouse'] }],
        },
        'CoSellReady',
      );
      const draft = await docs.createOffer(contoso, {
        name: 'Contoso Secret Analytics',
        markets: ['SE'],
        soldThroughCsp: true,
      });
      const consulting = await api.offer(
        contoso,
        { name: 'Contoso Analytics Consulting', offerType: 'ConsultingService', markets: ['SE'] },
        null,
        null,
      );
      return { hub, shield, guard, lake, draft, consulting };
    },

    /** A one-pager, a channel pitch deck, an external URL and contacts on an offer. */
    async furnish(as: Headers, offerId: string): Promise<{ onePager: string; deck: string }> {
      const onePager = await docs.uploaded(as, offerId, 'customerOnePager', 'one-pager.pdf', sampleFiles.pdf);
      const deck = await docs.uploaded(as, offerId, 'channelPitchDeck', 'channel.pdf', sampleFiles.pdf);
      const url = await docs.putUrl(as, offerId, 'https://contoso.example/hub');
      if (url.statusCode !== 200) throw new Error(`url: ${url.body}`);
      const contact = (name: string, role: string, countries: string[]) => ({
        name,
        email: `${name.toLowerCase()}@contoso.example`,
        jobTitle: 'Seller',
        role,
        countries,
      });
      const put = await app.inject({
        method: 'PUT',
        url: `${docs.base(offerId)}/contacts`,
        headers: { ...as, 'if-match': '*' },
        payload: {
          contacts: [
            contact('Global', 'PartnerSales', ['OOO']),
            contact('Sweden', 'PartnerSales', ['SE']),
            contact('America', 'PartnerSales', ['US']),
            contact('Marketing', 'PartnerMarketing', ['SE']),
            contact('Nordics', 'PartnerSales', ['NO', 'SE']),
          ],
        },
      });
      if (put.statusCode !== 200) throw new Error(`contacts: ${put.body}`);
      return { onePager: onePager.id, deck: deck.id };
    },
  };
  return api;
}
