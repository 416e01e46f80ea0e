import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** dist/web, found the same way from the sources and from dist/. */
export const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

export function isWebBuilt(root = webRoot): boolean {
  return existsSync(join(root, 'index.html'));
}

/**
 * Serves the built single-page app. Returns the fallback that answers unknown non-API pages with
 * index.html, so deep links such as /offers/123 load the app, which then shows its own 404 page.
 */
export async function registerWebApp(
  app: FastifyInstance,
  root = webRoot,
): Promise<((request: FastifyRequest, reply: FastifyReply) => boolean) | undefined> {
  if (!isWebBuilt(root)) return undefined;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    setHeaders(reply, path) {
      // Vite puts a content hash in asset names, so they can be cached for good; index.html cannot.
      reply.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (request.method !== 'GET' || path.startsWith('/api/') || path === '/api') return false;
    if (!(request.headers.accept ?? '').includes('text/html')) return false;
    reply.header('cache-control', 'no-cache').sendFile('index.html', root);
    return true;
  };
}
