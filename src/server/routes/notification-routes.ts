import { z } from 'zod';
import {
  NotificationListSchema,
  NotificationSchema,
  OutboxEmailSchema,
  OutboxListSchema,
  ReadAllResponseSchema,
} from '../../domain/schemas/notifications.js';
import { requireUser } from '../auth/authenticate.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

/** The signed-in user's notifications, and the email outbox for admins. */
export async function notificationRoutes(app: ZodApp, { services }: RouteDeps) {
  app.get('/api/v1/notifications', {
    config: { policy: 'account.self' },
    schema: {
      tags: ['notifications'],
      summary: 'Your notifications, newest first',
      response: { 200: NotificationListSchema, ...errorResponses(401) },
    },
    handler: async (request) => services.notifications.list(requireUser(request)),
  });

  app.post('/api/v1/notifications/:notificationId/read', {
    config: { policy: 'account.self' },
    schema: {
      tags: ['notifications'],
      summary: 'Mark one of your notifications read',
      params: z.object({ notificationId: z.string().min(1).max(100) }),
      response: { 200: NotificationSchema, ...errorResponses(401, 404) },
    },
    handler: async (request) =>
      services.notifications.markRead(requireUser(request), request.params.notificationId),
  });

  app.post('/api/v1/notifications/read-all', {
    config: { policy: 'account.self' },
    schema: {
      tags: ['notifications'],
      summary: 'Mark all of your notifications read',
      response: { 200: ReadAllResponseSchema, ...errorResponses(401) },
    },
    handler: async (request) => services.notifications.markAllRead(requireUser(request)),
  });

  app.get('/api/v1/admin/outbox', {
    config: { policy: 'admin.manage' },
    schema: {
      tags: ['admin'],
      summary:
        'Emails in the outbox, newest first, with where delivery stands: attempts, the last error, and ' +
        'whether it was delivered (when SMTP is configured) or given up',
      response: { 200: OutboxListSchema, ...errorResponses(401, 403) },
    },
    handler: async () => services.notifications.listOutbox(),
  });

  app.post('/api/v1/admin/outbox/:emailId/retry', {
    config: { policy: 'admin.manage' },
    schema: {
      tags: ['admin'],
      summary: 'Try again to deliver an email whose delivery was given up',
      description:
        'The email waits again and a new delivery job starts its attempts afresh. 409 when it was delivered ' +
        'or is still being tried.',
      params: z.object({ emailId: z.string().min(1).max(100).describe('The outbox id of the email') }),
      response: { 200: OutboxEmailSchema, ...errorResponses(401, 403, 404, 409) },
    },
    handler: async (request) => services.notifications.retryEmail(request.params.emailId),
  });
}
