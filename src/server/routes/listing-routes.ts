import { z } from 'zod';
import { ListingInputSchema, ListingSchema } from '../../domain/listing/listing-schema.js';
import { DryRunQuerySchema } from '../../domain/schemas/status-effect.js';
import { requireUser } from '../auth/authenticate.js';
import { etagOf, requireIfMatch } from '../etag.js';
import { DRY_RUN_DESCRIPTION, orDryRun } from './dry-run.js';
import { OfferParams } from './params.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

/** The Listing part of an offer's co-sell profile. */
export async function listingRoutes(app: ZodApp, { services }: RouteDeps) {
  app.get('/api/v1/offers/:offerId/co-sell/listing', {
    config: { policy: 'offers.read' },
    schema: {
      tags: ['co-sell'],
      summary:
        'The listing, with what co-sell ready still needs (missing); the ETag header carries its version',
      params: OfferParams,
      response: { 200: ListingSchema, ...errorResponses(401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const listing = await services.listings.get(requireUser(request), request.params.offerId);
      return reply.header('etag', etagOf(listing.version)).send(listing);
    },
  });

  app.put('/api/v1/offers/:offerId/co-sell/listing', {
    config: { policy: 'offers.write' },
    schema: {
      tags: ['co-sell'],
      summary:
        'Save the listing; partial is fine, impossible is 422 (If-Match required: "0" before the first save)',
      description: DRY_RUN_DESCRIPTION,
      params: OfferParams,
      querystring: DryRunQuerySchema,
      headers: z.object({ 'if-match': z.string().optional() }),
      body: ListingInputSchema,
      response: {
        200: orDryRun(ListingSchema),
        ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428),
      },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const actor = requireUser(request);
      const { offerId } = request.params;
      if (request.query.dryRun === 'true') {
        const statusEffect = await services.dryRun(offerId, (w) =>
          w.listings.save(actor, offerId, expected, request.body),
        );
        return reply.send({ dryRun: true as const, statusEffect });
      }
      const listing = await services.listings.save(actor, offerId, expected, request.body);
      return reply.header('etag', etagOf(listing.version)).send(listing);
    },
  });
}
