import type { FastifyInstance } from 'fastify';
import type { AppConfig } from './config.js';
import { cameOverHttps } from './request-security.js';

/** HSTS for a year; no includeSubDomains: other hosts under the same name are not ours to decide. */
const HSTS = 'max-age=31536000';

/**
 * Headers every answer gets unless its route chose otherwise:
 * - `Cache-Control: no-store` on the API (one's offers, contacts, CSV exports, sessions and tokens must not
 *   sit in a shared or browser cache); routes that want caching (document downloads with their ETag, the
 *   API docs' static files) set their own.
 * - `Strict-Transport-Security` on answers to requests that came over HTTPS (or always, or never:
 *   COSELL_HSTS). Sent over plain HTTP a browser ignores it, and a server reached by HTTP only must not
 *   claim HTTPS.
 */
export function registerResponseHeaders(app: FastifyInstance, config: Pick<AppConfig, 'hsts'>): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (
      request.url.startsWith('/api/') &&
      !request.url.startsWith('/api/docs') &&
      !reply.hasHeader('cache-control')
    )
      reply.header('cache-control', 'no-store');
    if (config.hsts === 'always' || (config.hsts === 'auto' && cameOverHttps(request)))
      reply.header('strict-transport-security', HSTS);
    return payload;
  });
}
