import { z } from 'zod';
import {
  CreateOfferRequestSchema,
  HistoryPageSchema,
  OfferListSchema,
  OfferSchema,
  UpdateOfferRequestSchema,
} from '../../domain/schemas/offers.js';
import { DryRunQuerySchema } from '../../domain/schemas/status-effect.js';
import { requireUser } from '../auth/authenticate.js';
import { etagOf, requireIfMatch } from '../etag.js';
import { DRY_RUN_DESCRIPTION, orDryRun } from './dry-run.js';
import { offerListJson } from './offer-list-json.js';
import { OfferParams } from './params.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

const IfMatchHeaders = z.object({
  'if-match': z.string().optional().describe('The ETag from your last read'),
});

/** The publisher's offers: create, read, change, publish, delete, history. */
export async function offerRoutes(app: ZodApp, { services }: RouteDeps) {
  app.get('/api/v1/offers', {
    config: { policy: 'offers.read' },
    schema: {
      tags: ['offers'],
      summary: "Your organisations' offers, most recently changed first",
      querystring: z.strictObject({ organizationId: z.string().optional() }),
      response: { 200: OfferListSchema, ...errorResponses(400, 401, 403) },
    },
    // A publisher's whole list is a large answer: written as JSON by hand (offerListJson, held to the schema by
    // a test) rather than checked against the schema offer by offer on every request.
    handler: async (request, reply) => {
      const list = {
        items: await services.offers.list(requireUser(request), request.query.organizationId),
      };
      const json = offerListJson(list.items);
      // A serializer of the route's own leaves the content type unset: say it is JSON, as every other answer.
      return reply
        .type('application/json; charset=utf-8')
        .serializer(() => json)
        .send(list);
    },
  });

  app.post('/api/v1/offers', {
    config: { policy: 'offers.write', idempotent: true },
    schema: {
      tags: ['offers'],
      summary: 'Create an offer (a draft)',
      body: CreateOfferRequestSchema,
      response: { 201: OfferSchema, ...errorResponses(400, 401, 403, 404, 422) },
    },
    handler: async (request, reply) => {
      const offer = await services.offers.create(requireUser(request), request.body);
      return reply
        .code(201)
        .header('etag', etagOf(offer.version))
        .header('location', `/api/v1/offers/${offer.id}`)
        .send(offer);
    },
  });

  app.get('/api/v1/offers/:offerId', {
    config: { policy: 'offers.read' },
    schema: {
      tags: ['offers'],
      summary: 'One offer; the ETag header carries its version',
      params: OfferParams,
      response: { 200: OfferSchema, ...errorResponses(401, 403, 404) },
    },
    handler: async (request, reply) => {
      const offer = await services.offers.get(requireUser(request), request.params.offerId);
      return reply.header('etag', etagOf(offer.version)).send(offer);
    },
  });

  app.patch('/api/v1/offers/:offerId', {
    config: { policy: 'offers.write' },
    schema: {
      tags: ['offers'],
      summary: 'Change an offer (If-Match required)',
      description: DRY_RUN_DESCRIPTION,
      params: OfferParams,
      querystring: DryRunQuerySchema,
      headers: IfMatchHeaders,
      body: UpdateOfferRequestSchema,
      response: { 200: orDryRun(OfferSchema), ...errorResponses(400, 401, 403, 404, 412, 422, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const actor = requireUser(request);
      const { offerId } = request.params;
      if (request.query.dryRun === 'true') {
        const statusEffect = await services.dryRun(offerId, (w) =>
          w.offers.update(actor, offerId, expected, request.body),
        );
        return reply.send({ dryRun: true as const, statusEffect });
      }
      const offer = await services.offers.update(actor, offerId, expected, request.body);
      return reply.header('etag', etagOf(offer.version)).send(offer);
    },
  });

  app.delete('/api/v1/offers/:offerId', {
    config: { policy: 'offers.write' },
    schema: {
      tags: ['offers'],
      summary: 'Delete an offer with its co-sell profile (If-Match required)',
      params: OfferParams,
      headers: IfMatchHeaders,
      response: { 204: z.null(), ...errorResponses(401, 403, 404, 412, 428) },
    },
    handler: async (request, reply) => {
      await services.offers.remove(
        requireUser(request),
        request.params.offerId,
        requireIfMatch(request.headers['if-match']),
      );
      return reply.code(204).send(null);
    },
  });

  for (const [action, summary] of [
    ['publish', 'Take the offer live in its markets'],
    ['unpublish', 'Take a live offer back to draft'],
  ] as const) {
    app.post(`/api/v1/offers/:offerId/${action}`, {
      config: { policy: 'offers.write' },
      schema: {
        tags: ['offers'],
        summary: `${summary} (If-Match required)`,
        description: DRY_RUN_DESCRIPTION,
        params: OfferParams,
        querystring: DryRunQuerySchema,
        headers: IfMatchHeaders,
        response: {
          200: orDryRun(OfferSchema),
          ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428),
        },
      },
      handler: async (request, reply) => {
        const expected = requireIfMatch(request.headers['if-match']);
        const actor = requireUser(request);
        const { offerId } = request.params;
        const change = (offers: typeof services.offers) =>
          action === 'publish'
            ? offers.publish(actor, offerId, expected)
            : offers.unpublish(actor, offerId, expected);
        if (request.query.dryRun === 'true') {
          const statusEffect = await services.dryRun(offerId, (w) => change(w.offers));
          return reply.send({ dryRun: true as const, statusEffect });
        }
        const offer = await change(services.offers);
        return reply.header('etag', etagOf(offer.version)).send(offer);
      },
    });
  }

  app.get('/api/v1/offers/:offerId/history', {
    config: { policy: 'offers.read' },
    schema: {
      tags: ['offers'],
      summary: 'Who changed what of the offer and its co-sell profile, newest first',
      params: OfferParams,
      querystring: z.strictObject({
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().max(30).optional().describe('nextCursor of the previous page'),
      }),
      response: { 200: HistoryPageSchema, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) =>
      services.offers.history(
        requireUser(request),
        request.params.offerId,
        request.query.limit,
        request.query.cursor,
      ),
  });
}
