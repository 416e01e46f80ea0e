import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { localeFromAcceptLanguage } from '../../domain/messages/preferred-locale.js';
import { LoginRequestSchema, LoginResponseSchema, MeResponseSchema } from '../../domain/schemas/auth.js';
import { SessionResponseSchema } from '../../domain/schemas/session.js';
import { requireUser, SESSION_COOKIE } from '../auth/authenticate.js';
import type { AppConfig } from '../config.js';
import { AppError, problem } from '../errors.js';
import { cameOverHttps } from '../request-security.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

function isSecure(request: FastifyRequest, config: AppConfig): boolean {
  return config.secureCookies === 'auto' ? cameOverHttps(request) : config.secureCookies;
}

function clearSession(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** What /me and /session say about a signed-in caller. */
function describeActor(actor: ReturnType<typeof requireUser>) {
  return {
    user: actor.user,
    memberships: actor.memberships,
    csrfToken: actor.csrfToken,
    authenticatedBy: actor.via,
  };
}

/** Sign in, sign out, and who am I. */
export async function authRoutes(app: ZodApp, { services, config }: RouteDeps) {
  // Per address whatever the account: a stream of new emails from one place is refused before it costs a
  // password hash each (the per-account count below never sees the same key twice). A second counter of the
  // rate-limit plugin, read by hand: the plugin runs one limiter per request.
  const perAddress = app.createRateLimit({
    max: config.loginRateLimitPerAddress,
    timeWindow: 60_000,
    keyGenerator: (request) => `login-address|${request.ip}`,
  });

  app.post('/api/v1/auth/login', {
    onRequest: async (request, reply) => {
      const limit = await perAddress(request);
      if (!limit.isAllowed && limit.isExceeded) {
        // The headers the plugin sends on its own 429 (app.ts: the IETF draft's names).
        reply.header('ratelimit-limit', limit.max);
        reply.header('ratelimit-remaining', 0);
        reply.header('ratelimit-reset', limit.ttlInSeconds);
        throw new AppError(
          'rate_limited',
          problem('request.tooManySignIns', { count: limit.ttlInSeconds }),
          undefined,
          { retryAfterSeconds: limit.ttlInSeconds },
        );
      }
    },
    config: {
      policy: 'public',
      rateLimit: {
        max: config.loginRateLimitPerMinute,
        timeWindow: 60_000,
        // Counted once the body is parsed: in the default onRequest hook there is no email to key on yet.
        hook: 'preValidation',
        // Per address and account, so one attacker cannot lock out everyone and one account cannot be sprayed.
        keyGenerator: (request: FastifyRequest) => {
          const email = (request.body as { email?: unknown } | undefined)?.email;
          // Counted before validation: cut to the longest email there is, so a megabyte of "email" is not a
          // megabyte of key in the shared counters.
          const account = typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : '';
          return `${request.ip}|${account}`;
        },
      },
    },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with email and password',
      description: 'Sets an httpOnly session cookie and returns the CSRF token to send on writes.',
      body: LoginRequestSchema,
      response: { 200: LoginResponseSchema, ...errorResponses(400, 401, 429, 503) },
    },
    handler: async (request, reply) => {
      const result = await services.auth.signIn(
        request.body.email,
        request.body.password,
        request.cookies[SESSION_COOKIE],
        localeFromAcceptLanguage(request.headers['accept-language']),
      );
      reply.setCookie(SESSION_COOKIE, result.secret, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: isSecure(request, config),
        expires: result.expiresAt,
      });
      return { user: result.user, memberships: result.memberships, csrfToken: result.csrfToken };
    },
  });

  app.post('/api/v1/auth/logout', {
    config: { policy: 'account.self' },
    schema: {
      tags: ['auth'],
      summary: 'Sign out: ends the session',
      response: { 204: z.null(), ...errorResponses(401, 403) },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request);
      if (actor.via !== 'session') throw new AppError('bad_request', problem('auth.signOutNeedsSession'));
      await services.auth.signOut(actor.sessionSecretHash);
      clearSession(reply);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/v1/me', {
    config: { policy: 'account.self' },
    schema: {
      tags: ['auth'],
      summary: 'The signed-in user, their organisations and platform roles',
      response: { 200: MeResponseSchema, ...errorResponses(401) },
    },
    handler: async (request) => describeActor(requireUser(request)),
  });

  // The web app asks this on every page load. A signed-out visitor is the common case there, and a 401 would
  // be logged as an error by the browser on every anonymous page; here it is a 200 with `user: null`.
  app.get('/api/v1/session', {
    config: { policy: 'session.read' },
    schema: {
      tags: ['auth'],
      summary: 'Whoever is signed in, or nobody',
      description:
        'The same answer as GET /api/v1/me for a signed-in caller; `{ "user": null }` (200, not 401) for anyone else.',
      response: { 200: SessionResponseSchema },
    },
    handler: async (request) =>
      request.actor.kind === 'user' ? describeActor(request.actor) : { user: null },
  });
}
