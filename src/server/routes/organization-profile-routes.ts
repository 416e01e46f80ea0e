import { z } from 'zod';
import {
  OrganizationProfileInputSchema,
  OrganizationProfileSchema,
} from '../../domain/schemas/organization-profile.js';
import { requireUser } from '../auth/authenticate.js';
import { etagOf, requireIfMatch } from '../etag.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

const OrgParams = z.object({ orgId: z.string().min(1).max(100).describe('An organisation id') });

/** An organisation's profile: the co-sell prerequisites its offers share. */
export async function organizationProfileRoutes(app: ZodApp, { services }: RouteDeps) {
  app.get('/api/v1/organizations/:orgId/profile', {
    config: { policy: 'organization.read' },
    schema: {
      tags: ['organizations'],
      summary: 'The organisation profile (members and admins); the ETag header carries its version',
      params: OrgParams,
      response: { 200: OrganizationProfileSchema, ...errorResponses(401, 404) },
    },
    handler: async (request, reply) => {
      const profile = await services.organizationProfiles.get(request.params.orgId);
      return reply.header('etag', etagOf(profile.version)).send(profile);
    },
  });

  app.put('/api/v1/organizations/:orgId/profile', {
    config: { policy: 'organization.manage' },
    schema: {
      tags: ['organizations'],
      summary:
        'Save the organisation profile (owner); nothing is required, invalid values are 422 (If-Match: "0" before the first save)',
      params: OrgParams,
      headers: z.object({ 'if-match': z.string().optional() }),
      body: OrganizationProfileInputSchema,
      response: { 200: OrganizationProfileSchema, ...errorResponses(400, 401, 403, 404, 412, 422, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const profile = await services.organizationProfiles.save(
        requireUser(request),
        request.params.orgId,
        expected,
        request.body,
      );
      return reply.header('etag', etagOf(profile.version)).send(profile);
    },
  });
}
