import { EventFeedQuerySchema, EventPageSchema } from '../../domain/schemas/events.js';
import { requireUser } from '../auth/authenticate.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

/** The events feed, for clients that poll rather than receive webhooks (docs/webhooks.md). */
export async function eventRoutes(app: ZodApp, { services }: RouteDeps) {
  app.get('/api/v1/events', {
    config: { policy: 'events.read' },
    schema: {
      tags: ['events'],
      summary: 'What changed, oldest first, after a cursor',
      description:
        "Organisation members see their organisations' events; sellers the catalogue events of live co-sell offers (channel resellers those of CSP offers); admins every event. Poll with the nextCursor of the last page: it moves past events you do not see, and an event never appears behind a cursor you were given.",
      querystring: EventFeedQuerySchema,
      response: { 200: EventPageSchema, ...errorResponses(400, 401, 403) },
    },
    handler: async (request) => services.events.feed(requireUser(request), request.query),
  });
}
