import { PreferencesSchema } from '../../domain/schemas/auth.js';
import { requireUser } from '../auth/authenticate.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

/** The signed-in user's own settings. */
export async function preferenceRoutes(app: ZodApp, { services }: RouteDeps) {
  app.put('/api/v1/me/preferences', {
    config: { policy: 'account.self' },
    schema: {
      tags: ['auth'],
      summary: 'Save your language',
      description:
        'The web app shows itself in it after you sign in anywhere, and your emails are written in it.',
      body: PreferencesSchema,
      response: { 200: PreferencesSchema, ...errorResponses(400, 401, 403) },
    },
    handler: async (request) => services.preferences.save(requireUser(request), request.body),
  });
}
