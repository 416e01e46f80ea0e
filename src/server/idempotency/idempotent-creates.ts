import type { FastifyInstance, FastifyReply, FastifySchema } from 'fastify';
import { z } from 'zod';
import type {
  IdempotencyKeyId,
  IdempotencyRepository,
} from '../../db/repositories/idempotency-repository.js';
import {
  IDEMPOTENCY_KEY_TTL_HOURS,
  IDEMPOTENT_REPLAYED_HEADER,
  IdempotencyKeySchema,
} from '../../domain/schemas/idempotency.js';
import { requireUser } from '../auth/authenticate.js';
import { AppError, problem } from '../errors.js';
import type { Clock } from '../ids.js';
import { errorResponses } from '../routes/types.js';
import {
  hashIdempotencyKey,
  openAnswer,
  requestFingerprint,
  type StoredAnswer,
  sealAnswer,
} from './sealed-answer.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A create that takes Idempotency-Key (README: Idempotent creates). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    /** The key this request holds while it runs, to store its answer under or give back. */
    idempotencyClaim: { id: IdempotencyKeyId; key: string; requestHash: string } | null;
  }
}

/**
 * How long the first request holds its key: far longer than any create takes, so a slow one is never run
 * twice, and short enough that a key whose server died while holding it can be used again the same day.
 */
const CLAIM_MS = 5 * 60_000;
const TTL_MS = IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000;
/** The headers of a create's answer that say something about what was created. */
const KEPT_HEADERS = ['content-type', 'etag', 'location'];

/** The route's schema with the optional Idempotency-Key header and the 409 and 422 it may answer. */
function withIdempotencyKey(schema: FastifySchema = {}): FastifySchema {
  const header = { 'idempotency-key': IdempotencyKeySchema.optional() };
  const headers = schema.headers instanceof z.ZodObject ? schema.headers.extend(header) : z.object(header);
  return { ...schema, headers, response: { ...errorResponses(409, 422), ...(schema.response as object) } };
}

function replay(reply: FastifyReply, status: number, answer: StoredAnswer) {
  for (const [name, value] of Object.entries(answer.headers)) reply.header(name, value);
  return reply.code(status).header(IDEMPOTENT_REPLAYED_HEADER, 'true').send(answer.body);
}

/**
 * Idempotency-Key on the create routes (config `idempotent: true`), in the manner of the IETF httpapi draft:
 * the first request with a key claims it in the database (so every server sees it) and, when it succeeds,
 * its answer is stored for 24 hours; the same key with the same request then gets that answer again, with
 * Idempotent-Replayed: true, and creates nothing. The same key with another request is 422; while the first
 * still runs, 409. Keys are the caller's own (per user, whether by session or token). An answer that is not
 * a success is not stored: the key is given back, so the client can fix the request and send it again with
 * the same key. Register before the routes, and before the compression (its onSend must see the JSON).
 */
export function registerIdempotentCreates(
  app: FastifyInstance,
  { keys, clock }: { keys: IdempotencyRepository; clock: Clock },
): void {
  app.decorateRequest('idempotencyClaim', null);

  app.addHook('onRoute', (route) => {
    if (route.config?.idempotent) route.schema = withIdempotencyKey(route.schema);
  });

  // After validation: a request the schema refuses never claims a key.
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (!request.routeOptions.config.idempotent || typeof key !== 'string') return;
    const userId = requireUser(request).user.id;
    const id = { userId, keyHash: hashIdempotencyKey(key) };
    const requestHash = requestFingerprint(request.method, request.url, request.body);
    // A key given back or expired between the claim and the look is claimed again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const now = clock.now();
      if (await keys.claim(id, requestHash, now, new Date(now.getTime() + CLAIM_MS))) {
        request.idempotencyClaim = { id, key, requestHash };
        return;
      }
      const held = await keys.find(id, now);
      if (!held) continue;
      if (held.requestHash !== requestHash)
        throw new AppError(
          'idempotency_key_reused',
          problem('idempotency.reused', { hours: IDEMPOTENCY_KEY_TTL_HOURS }),
        );
      if (held.status === null || held.answer === null) break;
      const answer = openAnswer(userId, key, held.answer);
      if (!answer) throw new Error('A stored idempotent answer could not be opened.');
      return replay(reply, held.status, answer);
    }
    throw new AppError('idempotency_key_in_use', problem('idempotency.inUse'));
  });

  // Before the answer leaves, so that a retry sent the moment it arrives finds it stored.
  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = null;
    const status = reply.statusCode;
    try {
      if (status >= 200 && status < 300 && typeof payload === 'string') {
        const headers: Record<string, string> = {};
        for (const name of KEPT_HEADERS) {
          const value = reply.getHeader(name);
          if (value !== undefined) headers[name] = String(value);
        }
        const sealed = sealAnswer(claim.id.userId, claim.key, { headers, body: payload });
        const keepUntil = new Date(clock.now().getTime() + TTL_MS);
        await keys.complete(claim.id, claim.requestHash, { status, sealed }, keepUntil);
      } else {
        await keys.release(claim.id, claim.requestHash);
      }
    } catch (error) {
      // The create happened: its answer still goes out; the claim lapses after CLAIM_MS.
      request.log.error({ err: error }, 'storing the answer of an Idempotency-Key failed');
    }
    return payload;
  });
}
