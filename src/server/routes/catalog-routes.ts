import {
  CatalogContactsQuerySchema,
  CatalogContactsSchema,
  CatalogOfferSchema,
  CatalogPageSchema,
  CatalogSearchQuerySchema,
} from '../../domain/catalog/catalog-schema.js';
import { requireUser } from '../auth/authenticate.js';
import { catalogPageJson } from './catalog-page-json.js';
import { OfferParams } from './params.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

/** The seller catalogue: live co-sell offers for sellers, CSP ones for channel resellers. */
export async function catalogRoutes(app: ZodApp, { services }: RouteDeps) {
  // The busiest route. Its page is built field by field from CatalogPage's type, so it is written as JSON
  // directly (catalogPageJson) rather than checked against the schema on every request (a test holds the
  // answer to the schema); a repeated search gets the same page object from the search cache, serialised once.
  const serialisedPages = new WeakMap<object, string>();

  app.get('/api/v1/catalog/offers', {
    config: { policy: 'catalog.read' },
    schema: {
      tags: ['catalog'],
      summary: 'Search the catalogue: results in rank order, facet counts, a cursor to the next page',
      description:
        'Co-sell ready offers with the best text match first. Sellers see every live offer with a co-sell profile; channel resellers those sold through CSP.',
      querystring: CatalogSearchQuerySchema,
      response: { 200: CatalogPageSchema, ...errorResponses(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const page = await services.catalog.search(requireUser(request), request.query);
      let body = serialisedPages.get(page);
      if (body === undefined) {
        body = catalogPageJson(page);
        serialisedPages.set(page, body);
      }
      const json = body;
      // A serializer of the route's own leaves the content type unset: say it is JSON, as every other answer.
      return reply
        .type('application/json; charset=utf-8')
        .serializer(() => json)
        .send(page);
    },
  });

  app.get('/api/v1/catalog/offers/:offerId', {
    config: { policy: 'catalog.read' },
    schema: {
      tags: ['catalog'],
      summary: "A seller's or channel reseller's view of one catalogue offer",
      description:
        'The listing, current documents with download URLs (resellers: the channel pitch deck only), the external reference URL (sellers only) and the status.',
      params: OfferParams,
      response: { 200: CatalogOfferSchema, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => services.catalog.get(requireUser(request), request.params.offerId),
  });

  app.get('/api/v1/catalog/offers/:offerId/contacts', {
    config: { policy: 'catalog.read' },
    schema: {
      tags: ['catalog'],
      summary: "A catalogue offer's contacts for a customer's country and a role",
      description:
        'Contacts naming the country first (direct), then those covering every country (OOO, global).',
      params: OfferParams,
      querystring: CatalogContactsQuerySchema,
      response: { 200: CatalogContactsSchema, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) =>
      services.catalog.contacts(requireUser(request), request.params.offerId, request.query),
  });
}
