import { z } from 'zod';
import {
  ContactAnswerSchema,
  ContactInputSchema,
  ContactListSchema,
  ContactPatchSchema,
  ReplaceContactsAnswerSchema,
  ReplaceContactsRequestSchema,
} from '../../domain/contacts/contact-schema.js';
import { DryRunAnswerSchema, DryRunQuerySchema } from '../../domain/schemas/status-effect.js';
import { requireUser } from '../auth/authenticate.js';
import { etagOf, requireIfMatch } from '../etag.js';
import { DRY_RUN_DESCRIPTION, orDryRun } from './dry-run.js';
import { ifMatchHeaders } from './if-match.js';
import { ContactParams, OfferParams } from './params.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

const IfMatch = ifMatchHeaders('the contacts (GET .../co-sell/contacts)');

/** Contacts of an offer's co-sell profile, one by one or all at once (JSON). */
export async function contactRoutes(app: ZodApp, { services }: RouteDeps) {
  app.get('/api/v1/offers/:offerId/co-sell/contacts', {
    config: { policy: 'offers.read' },
    schema: {
      tags: ['co-sell'],
      summary: 'The contacts; with coverage=true, which roles each market has a contact for',
      params: OfferParams,
      querystring: z.strictObject({ coverage: z.enum(['true', 'false']).default('false') }),
      response: { 200: ContactListSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const list = await services.contacts.list(
        requireUser(request),
        request.params.offerId,
        request.query.coverage === 'true',
      );
      return reply.header('etag', etagOf(list.version)).send(list);
    },
  });

  app.put('/api/v1/offers/:offerId/co-sell/contacts', {
    config: { policy: 'offers.write' },
    schema: {
      tags: ['co-sell'],
      summary: 'Replace every contact at once; nothing changes if any contact is invalid',
      description: DRY_RUN_DESCRIPTION,
      params: OfferParams,
      querystring: DryRunQuerySchema,
      headers: IfMatch,
      body: ReplaceContactsRequestSchema,
      response: {
        200: orDryRun(ReplaceContactsAnswerSchema),
        ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428),
      },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request);
      const { offerId } = request.params;
      const expected = requireIfMatch(request.headers['if-match']);
      const replace = (contacts: typeof services.contacts) =>
        contacts.replaceAll(actor, offerId, expected, request.body.contacts);
      if (request.query.dryRun === 'true') {
        const statusEffect = await services.dryRun(offerId, (w) => replace(w.contacts));
        return reply.send({ dryRun: true as const, statusEffect });
      }
      const result = await replace(services.contacts);
      return reply.header('etag', etagOf(result.version)).send(result);
    },
  });

  app.post('/api/v1/offers/:offerId/co-sell/contacts', {
    config: { policy: 'offers.write', idempotent: true },
    schema: {
      tags: ['co-sell'],
      summary: 'Add one contact',
      params: OfferParams,
      headers: IfMatch,
      body: ContactInputSchema,
      response: {
        201: ContactAnswerSchema,
        ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428),
      },
    },
    handler: async (request, reply) => {
      const result = await services.contacts.add(
        requireUser(request),
        request.params.offerId,
        requireIfMatch(request.headers['if-match']),
        request.body,
      );
      return reply.code(201).header('etag', etagOf(result.version)).send(result);
    },
  });

  app.patch('/api/v1/offers/:offerId/co-sell/contacts/:contactId', {
    config: { policy: 'offers.write' },
    schema: {
      tags: ['co-sell'],
      summary: 'Change one contact',
      description: DRY_RUN_DESCRIPTION,
      params: ContactParams,
      querystring: DryRunQuerySchema,
      headers: IfMatch,
      body: ContactPatchSchema,
      response: {
        200: orDryRun(ContactAnswerSchema),
        ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428),
      },
    },
    handler: async (request, reply) => {
      const { offerId, contactId } = request.params;
      const actor = requireUser(request);
      const expected = requireIfMatch(request.headers['if-match']);
      const change = (contacts: typeof services.contacts) =>
        contacts.update(actor, offerId, contactId, expected, request.body);
      if (request.query.dryRun === 'true') {
        const statusEffect = await services.dryRun(offerId, (w) => change(w.contacts));
        return reply.send({ dryRun: true as const, statusEffect });
      }
      const result = await change(services.contacts);
      return reply.header('etag', etagOf(result.version)).send(result);
    },
  });

  app.delete('/api/v1/offers/:offerId/co-sell/contacts/:contactId', {
    config: { policy: 'offers.write' },
    schema: {
      tags: ['co-sell'],
      summary: 'Delete one contact',
      description: DRY_RUN_DESCRIPTION,
      params: ContactParams,
      querystring: DryRunQuerySchema,
      headers: IfMatch,
      response: {
        200: DryRunAnswerSchema,
        204: z.null(),
        ...errorResponses(400, 401, 403, 404, 409, 412, 428),
      },
    },
    handler: async (request, reply) => {
      const { offerId, contactId } = request.params;
      const actor = requireUser(request);
      const expected = requireIfMatch(request.headers['if-match']);
      if (request.query.dryRun === 'true') {
        const statusEffect = await services.dryRun(offerId, (w) =>
          w.contacts.remove(actor, offerId, contactId, expected),
        );
        return reply.send({ dryRun: true as const, statusEffect });
      }
      const result = await services.contacts.remove(actor, offerId, contactId, expected);
      return reply.code(204).header('etag', etagOf(result.version)).send(null);
    },
  });
}
