import type { FastifyInstance } from 'fastify';
import { AppError, problem } from './errors.js';

/** How many uploads are read at once; one per app, shared by every route that takes a file. */
export interface UploadLimit {
  /** Registers the limit on a scope: its requests are counted from their first byte to their answer. */
  applyTo(scope: FastifyInstance): void;
  readonly inFlight: number;
}

/**
 * Uploads stream up to hundreds of megabytes each into the staging area; past `max` at once the next is
 * refused with 503 and Retry-After before its body is read, and its connection closed so the rest of the
 * body is not read either. Runs after authentication (a root onRequest hook), so only signed-in writers
 * with the right to upload are counted at all.
 */
export function createUploadLimit(max: number): UploadLimit {
  let inFlight = 0;
  return {
    get inFlight() {
      return inFlight;
    },
    applyTo(scope) {
      scope.addHook('onRequest', async (_request, reply) => {
        if (inFlight >= max) {
          reply.header('connection', 'close');
          throw new AppError('service_unavailable', problem('request.uploadsBusy', { max }), undefined, {
            retryAfterSeconds: 5,
          });
        }
        inFlight++;
        let released = false;
        // 'close' comes once the answer is sent or the connection is gone, whichever happens.
        reply.raw.once('close', () => {
          if (released) return;
          released = true;
          inFlight--;
        });
      });
    },
  };
}
