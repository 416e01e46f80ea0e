import { z } from 'zod';
import {
  CreatedWebhookEndpointSchema,
  CreateWebhookEndpointRequestSchema,
  DeliveryPageQuerySchema,
  DeliveryPageSchema,
  ReplayRequestSchema,
  ReplayResultSchema,
  RotateSecretRequestSchema,
  UpdateWebhookEndpointRequestSchema,
  WebhookDeliverySchema,
  WebhookEndpointListSchema,
  WebhookEndpointSchema,
} from '../../domain/schemas/webhooks.js';
import { requireUser } from '../auth/authenticate.js';
import { etagOf, requireIfMatch } from '../etag.js';
import { ifMatchHeaders } from './if-match.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

const OrganizationParams = z.object({ orgId: z.string().min(1).max(100) });
const EndpointParams = z.object({ endpointId: z.string().min(1).max(100).describe('A webhook endpoint id') });
const DeliveryParams = EndpointParams.extend({ deliveryId: z.string().min(1).max(100) });
const IfMatch = ifMatchHeaders('the endpoint');
const tags = ['webhooks'];

/**
 * Webhook endpoints (docs/webhooks.md): an organisation's, managed by its owners, and platform-wide ones,
 * managed by admins; each endpoint's delivery log, replays and test events.
 */
export async function webhookRoutes(app: ZodApp, { services }: RouteDeps) {
  const { webhooks } = services;

  for (const scope of ['organization', 'platform'] as const) {
    const path =
      scope === 'organization' ? '/api/v1/organizations/:orgId/webhooks' : '/api/v1/admin/webhooks';
    const policy = scope === 'organization' ? 'organization.manage' : 'admin.manage';
    const whose = scope === 'organization' ? "an organisation's" : 'platform-wide';
    const params = scope === 'organization' ? OrganizationParams : z.object({});
    const organizationOf = (p: { orgId?: string }) => (scope === 'organization' ? (p.orgId ?? '') : null);

    app.get(path, {
      config: { policy },
      schema: {
        tags,
        summary: `The ${whose} webhook endpoints`,
        params,
        response: { 200: WebhookEndpointListSchema, ...errorResponses(401, 403, 404) },
      },
      handler: async (request) => ({
        items: await webhooks.list(requireUser(request), organizationOf(request.params)),
      }),
    });

    app.post(path, {
      config: { policy, idempotent: true },
      schema: {
        tags,
        summary: `Add ${scope === 'organization' ? 'an organisation' : 'a platform-wide'} webhook endpoint; its secret is in this reply only`,
        description:
          scope === 'organization'
            ? "It receives the organisation's events."
            : "It receives every organisation's events.",
        params,
        body: CreateWebhookEndpointRequestSchema,
        response: { 201: CreatedWebhookEndpointSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
      handler: async (request, reply) => {
        const created = await webhooks.create(
          requireUser(request),
          organizationOf(request.params),
          request.body,
        );
        return reply.code(201).header('etag', etagOf(created.endpoint.version)).send(created);
      },
    });
  }

  app.get('/api/v1/webhooks/:endpointId', {
    config: { policy: 'webhooks.manage' },
    schema: {
      tags,
      summary: 'A webhook endpoint (never its secret)',
      params: EndpointParams,
      response: { 200: WebhookEndpointSchema, ...errorResponses(401, 403, 404) },
    },
    handler: async (request, reply) => {
      const endpoint = await webhooks.get(requireUser(request), request.params.endpointId);
      return reply.header('etag', etagOf(endpoint.version)).send(endpoint);
    },
  });

  app.patch('/api/v1/webhooks/:endpointId', {
    config: { policy: 'webhooks.manage' },
    schema: {
      tags,
      summary: 'Change a webhook endpoint: URL, description, event types, enabled (If-Match required)',
      params: EndpointParams,
      headers: IfMatch,
      body: UpdateWebhookEndpointRequestSchema,
      response: { 200: WebhookEndpointSchema, ...errorResponses(400, 401, 403, 404, 412, 422, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const endpoint = await webhooks.update(
        requireUser(request),
        request.params.endpointId,
        expected,
        request.body,
      );
      return reply.header('etag', etagOf(endpoint.version)).send(endpoint);
    },
  });

  app.delete('/api/v1/webhooks/:endpointId', {
    config: { policy: 'webhooks.manage' },
    schema: {
      tags,
      summary: 'Delete a webhook endpoint with its delivery log (If-Match required)',
      params: EndpointParams,
      headers: IfMatch,
      response: { 204: z.null(), ...errorResponses(401, 403, 404, 412, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      await webhooks.remove(requireUser(request), request.params.endpointId, expected);
      return reply.code(204).send(null);
    },
  });

  app.post('/api/v1/webhooks/:endpointId/rotate-secret', {
    config: { policy: 'webhooks.manage' },
    schema: {
      tags,
      summary: 'A new signing secret, in this reply only; the previous one signs beside it for the overlap',
      params: EndpointParams,
      body: RotateSecretRequestSchema,
      response: { 200: CreatedWebhookEndpointSchema, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const rotated = await webhooks.rotateSecret(
        requireUser(request),
        request.params.endpointId,
        request.body,
      );
      return reply.header('etag', etagOf(rotated.endpoint.version)).send(rotated);
    },
  });

  app.post('/api/v1/webhooks/:endpointId/test', {
    config: { policy: 'webhooks.manage' },
    schema: {
      tags,
      summary: 'Send a webhook.test event to this endpoint alone',
      params: EndpointParams,
      response: { 202: WebhookDeliverySchema, ...errorResponses(401, 403, 404, 409) },
    },
    handler: async (request, reply) =>
      reply.code(202).send(await webhooks.sendTest(requireUser(request), request.params.endpointId)),
  });

  app.get('/api/v1/webhooks/:endpointId/deliveries', {
    config: { policy: 'webhooks.manage' },
    schema: {
      tags,
      summary: "The endpoint's deliveries, newest first, each with its attempts",
      params: EndpointParams,
      querystring: DeliveryPageQuerySchema,
      response: { 200: DeliveryPageSchema, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) =>
      webhooks.deliveries(requireUser(request), request.params.endpointId, request.query),
  });

  app.post('/api/v1/webhooks/:endpointId/deliveries/:deliveryId/replay', {
    config: { policy: 'webhooks.manage' },
    schema: {
      tags,
      summary: 'Send one delivery again (same body and webhook-id), as a new delivery',
      params: DeliveryParams,
      response: { 202: WebhookDeliverySchema, ...errorResponses(401, 403, 404, 409) },
    },
    handler: async (request, reply) =>
      reply
        .code(202)
        .send(
          await webhooks.replayDelivery(
            requireUser(request),
            request.params.endpointId,
            request.params.deliveryId,
          ),
        ),
  });

  app.post('/api/v1/webhooks/:endpointId/replay', {
    config: { policy: 'webhooks.manage' },
    schema: {
      tags,
      summary: 'Send again every event the endpoint receives since a time (at most 1,000)',
      params: EndpointParams,
      body: ReplayRequestSchema,
      response: { 202: ReplayResultSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) =>
      reply
        .code(202)
        .send(
          await webhooks.replaySince(
            requireUser(request),
            request.params.endpointId,
            new Date(request.body.since),
          ),
        ),
  });
}
