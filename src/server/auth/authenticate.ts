import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, problem } from '../errors.js';
import type { AuthService } from '../services/auth-service.js';
import { type Actor, anonymous } from './actor.js';
import { decide, enforce, isPolicyName, type PolicyName } from './policy.js';
import { safeEqual } from './secrets.js';

export const SESSION_COOKIE = 'cosell_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** The entry of the policy table (src/server/auth/policy.ts) that guards this route. */
    policy?: PolicyName;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function resolveActor(request: FastifyRequest, auth: AuthService): Promise<Actor> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const actor = match?.[1] ? await auth.actorFromToken(match[1]) : undefined;
    if (!actor) throw new AppError('unauthenticated', problem('auth.tokenInvalid'));
    return actor;
  }
  const secret = request.cookies[SESSION_COOKIE];
  return secret ? auth.actorFromSession(secret) : anonymous;
}

/**
 * Resolves who is calling, then applies the route's policy and, for cookie-authenticated writes, the CSRF
 * check. Every /api route must name a policy: the server refuses to start otherwise.
 */
export function registerAuthentication(app: FastifyInstance, auth: AuthService): void {
  // Fastify wants null for object decorations; onRequest sets the real actor before any handler runs.
  app.decorateRequest('actor', null as never);

  // Checked once all routes exist, because a plugin may set a route's config after this hook sees it.
  const apiRoutes: { method: unknown; url: string; config?: { policy?: unknown } }[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/')) apiRoutes.push(route);
  });
  app.addHook('onReady', async () => {
    const unguarded = apiRoutes.filter((r) => !isPolicyName(r.config?.policy));
    if (unguarded.length > 0) {
      const list = unguarded.map((r) => `${r.method} ${r.url}`).join(', ');
      throw new Error(`Every API route needs a policy from src/server/auth/policy.ts; missing on: ${list}`);
    }
  });

  // Before the body is read: a caller refused here never gets to send (and have parsed) a body, so an
  // anonymous client cannot make the server read hundreds of megabytes of upload it will throw away.
  app.addHook('onRequest', async (request) => {
    request.actor = anonymous;
    const policy = request.routeOptions.config.policy;
    if (!policy) return;
    if (policy !== 'public') request.actor = await resolveActor(request, auth);
    enforce(decide(policy, request.actor, request));
    const actor = request.actor;
    if (actor.kind === 'user' && actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !actor.csrfToken || !safeEqual(sent, actor.csrfToken)) {
        throw new AppError('csrf_failed', problem('auth.csrfHeader', { header: CSRF_HEADER }));
      }
    }
  });
}

/** The signed-in actor of a request whose policy already required one. */
export function requireUser(request: FastifyRequest): Extract<Actor, { kind: 'user' }> {
  if (request.actor.kind !== 'user') throw new AppError('unauthenticated', problem('codes.unauthenticated'));
  return request.actor;
}
