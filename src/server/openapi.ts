import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { OpenAPIV3_1 } from 'openapi-types';
import { CSRF_HEADER, SESSION_COOKIE } from './auth/authenticate.js';
import { completeDocument, type UploadLimits } from './openapi-contract.js';

type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & {
  route: { config?: { policy?: string } };
};

/**
 * The routes' Zod schemas as JSON Schema, with who may call: a public route needs no credentials, the
 * session probe takes them if there are any.
 */
function transformRoute(input: TransformInput) {
  const result = jsonSchemaTransform(input);
  const policy = input.route.config?.policy;
  if (result.schema && policy === 'public') return { ...result, schema: { ...result.schema, security: [] } };
  if (result.schema && policy === 'session.read')
    return {
      ...result,
      schema: { ...result.schema, security: [{}, { bearerToken: [] }, { sessionCookie: [] }] },
    };
  return result;
}

/** Generates OpenAPI 3.1 from the routes' Zod schemas. Register before any route. */
export async function registerOpenApi(app: FastifyInstance, limits: UploadLimits): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'cosell API',
        version: '1.0.0',
        license: { name: 'MIT', identifier: 'MIT' },
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
    transform: transformRoute as typeof jsonSchemaTransform,
    transformObject: (documentObject) =>
      'openapiObject' in documentObject
        ? (completeDocument(
            documentObject.openapiObject as OpenAPIV3_1.Document,
            limits,
          ) as typeof documentObject.openapiObject)
        : documentObject.swaggerObject,
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
      // Its policy would upgrade every asset request to https, which leaves the page blank where the server
      // is reached over plain HTTP (a host name on a private network, a container port).
      transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/g, ''),
      uiConfig: { deepLinking: true },
    });
  });
}
