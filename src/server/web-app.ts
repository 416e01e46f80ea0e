import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** dist/web, found the same way from the sources and from dist/. */
export const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * A file Vite named after its content (`assets/index-BqEhtXMe.js`, and its `.br` / `.gz` copies): a new
 * build gives changed content a new name, so the browser may keep such a file for good.
 */
const HASHED_ASSET = /\/assets\/[^/]+-[\w-]{8}\.[a-z0-9]+(?:\.br|\.gz)?$/;

export function isWebBuilt(root = webRoot): boolean {
  return existsSync(join(root, 'index.html'));
}

export interface WebAppOptions {
  /** Serve the `*.map` files the build keeps beside the scripts (COSELL_SERVE_SOURCE_MAPS). */
  serveSourceMaps?: boolean;
}

/**
 * Serves the built single-page app: the `.br` or `.gz` copy the build made when the browser accepts it
 * (`Vary: Accept-Encoding` on every answer), hashed assets cached for a year, everything else (index.html)
 * revalidated on every load. Source maps and the build's own files (`.vite/manifest.json`) are not served.
 * Returns the fallback that answers unknown non-API pages with index.html, so deep links such as
 * /offers/123 load the app, which then shows its own 404 page.
 */
export async function registerWebApp(
  app: FastifyInstance,
  root = webRoot,
  options: WebAppOptions = {},
): Promise<((request: FastifyRequest, reply: FastifyReply) => boolean) | undefined> {
  if (!isWebBuilt(root)) return undefined;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    // `.vite/` holds the build manifest: no browser needs it.
    dotfiles: 'ignore',
    allowedPath: (path) => options.serveSourceMaps === true || !path.endsWith('.map'),
    setHeaders(reply, path) {
      reply.header(
        'cache-control',
        HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
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
