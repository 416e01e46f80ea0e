import { z } from 'zod';
import {
  CreatedTokenSchema,
  CreateTokenRequestSchema,
  TokenListSchema,
} from '../../domain/schemas/tokens.js';
import { requireUser } from '../auth/authenticate.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

/** Personal API tokens of the signed-in user. */
export async function tokenRoutes(app: ZodApp, { services }: RouteDeps) {
  app.get('/api/v1/tokens', {
    config: { policy: 'account.self' },
    schema: {
      tags: ['tokens'],
      summary: 'Your API tokens (never the secrets)',
      response: { 200: TokenListSchema, ...errorResponses(401) },
    },
    handler: async (request) => ({ items: await services.tokens.list(requireUser(request).user.id) }),
  });

  app.post('/api/v1/tokens', {
    config: { policy: 'account.self', idempotent: true },
    schema: {
      tags: ['tokens'],
      summary: 'Create an API token; the secret is in this reply only',
      body: CreateTokenRequestSchema,
      response: { 201: CreatedTokenSchema, ...errorResponses(400, 401, 403, 422) },
    },
    handler: async (request, reply) => {
      const created = await services.tokens.create(requireUser(request).user.id, request.body);
      return reply.code(201).send(created);
    },
  });

  app.delete('/api/v1/tokens/:tokenId', {
    config: { policy: 'account.self' },
    schema: {
      tags: ['tokens'],
      summary: 'Revoke one of your API tokens',
      params: z.object({ tokenId: z.string().min(1).max(100) }),
      response: { 204: z.null(), ...errorResponses(401, 403, 404) },
    },
    handler: async (request, reply) => {
      await services.tokens.revoke(requireUser(request).user.id, request.params.tokenId);
      return reply.code(204).send(null);
    },
  });
}
