import { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { ShutdownState } from '../shutdown-state.js';
import type { ZodApp } from './types.js';

/** Liveness and readiness for operators and load balancers. */
export async function healthRoutes(
  app: ZodApp,
  database: Pick<Database, 'ping'>,
  readyTimeoutMs: number,
  shutdown: Pick<ShutdownState, 'isShuttingDown'>,
) {
  const Health = z.object({ status: z.enum(['ok', 'unavailable']), detail: z.string().optional() });

  app.get('/healthz', {
    config: { policy: 'public' },
    schema: { tags: ['operations'], summary: 'The process is up', response: { 200: Health } },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/readyz', {
    config: { policy: 'public' },
    schema: {
      tags: ['operations'],
      summary: 'The server takes requests: the database answers and it is not shutting down',
      response: { 200: Health, 503: Health },
    },
    handler: async (request, reply) => {
      // From the first moment of a graceful shutdown, so a load balancer sends new requests elsewhere.
      if (shutdown.isShuttingDown)
        return reply
          .code(503)
          .send({ status: 'unavailable' as const, detail: 'The server is shutting down.' });
      try {
        await database.ping(readyTimeoutMs);
        return { status: 'ok' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return reply
          .code(503)
          .send({ status: 'unavailable' as const, detail: 'The database does not answer.' });
      }
    },
  });
}
