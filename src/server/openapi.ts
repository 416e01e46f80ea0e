import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { CSRF_HEADER, SESSION_COOKIE } from './auth/authenticate.js';

/** Generates OpenAPI 3.1 from the routes' Zod schemas. Register before any route. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'cosell API',
        version: '1.0.0',
        description:
          'Co-sell profiles for a commercial cloud marketplace. Authenticate with the session cookie from ' +
          `POST /api/v1/auth/login (writes then need the ${CSRF_HEADER} header) or with ` +
          '`Authorization: Bearer <api token>`. Every error has the shape { error, message, status, issues?, requestId }.',
      },
      components: {
        securitySchemes: {
          bearerToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'A personal API token from POST /api/v1/tokens',
          },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearerToken: [] }, { sessionCookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
}

/** Serves the document at /api/openapi.json and the interactive docs at /api/docs. Register after routes. */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  app.get('/api/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  await app.register(async (docs) => {
    // The docs pages are public like the document they show.
    docs.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), policy: 'public' };
    });
    await docs.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      uiConfig: { deepLinking: true },
    });
  });
}
