import { z } from 'zod';
import {
  AdminUserListSchema,
  OrganizationDetailSchema,
  OrganizationListSchema,
} from '../../domain/schemas/admin.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

/** Users and organisations, for admins; one organisation for its members. */
export async function adminRoutes(app: ZodApp, { services }: RouteDeps) {
  app.get('/api/v1/admin/users', {
    config: { policy: 'admin.manage' },
    schema: {
      tags: ['admin'],
      summary: 'Every user with roles and memberships',
      response: { 200: AdminUserListSchema, ...errorResponses(401, 403) },
    },
    handler: async () => ({ items: await services.admin.listUsers() }),
  });

  app.get('/api/v1/admin/organizations', {
    config: { policy: 'admin.manage' },
    schema: {
      tags: ['admin'],
      summary: 'Every publisher organisation',
      response: { 200: OrganizationListSchema, ...errorResponses(401, 403) },
    },
    handler: async () => ({ items: await services.admin.listOrganizations() }),
  });

  app.get('/api/v1/organizations/:orgId', {
    config: { policy: 'organization.read' },
    schema: {
      tags: ['organizations'],
      summary: 'An organisation and its members (members and admins)',
      params: z.object({ orgId: z.string().min(1).max(100) }),
      response: { 200: OrganizationDetailSchema, ...errorResponses(401, 404) },
    },
    handler: async (request) => services.admin.getOrganization(request.params.orgId),
  });
}
