import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { localeFromAcceptLanguage } from '../../domain/messages/preferred-locale.js';
import { LoginRequestSchema, LoginResponseSchema, MeResponseSchema } from '../../domain/schemas/auth.js';
import { SessionResponseSchema } from '../../domain/schemas/session.js';
import { requireUser, SESSION_COOKIE } from '../auth/authenticate.js';
import { createRefusalHold } from '../auth/refusal-hold.js';
import { createSignInAddresses } from '../auth/sign-in-addresses.js';
import { DEVICE_COOKIE, DEVICE_COOKIE_PATH, type TrustedDevice } from '../auth/trusted-device.js';
import type { AppConfig } from '../config.js';
import { AppError, problem } from '../errors.js';
import { systemClock } from '../ids.js';
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
export async function authRoutes(app: ZodApp, { services, config, clock = systemClock }: RouteDeps) {
  // Per address whatever the account: a stream of new emails from one place is refused before it costs a
  // password hash each (the per-account count below never sees the same key twice). A second counter of the
  // rate-limit plugin, read by hand: the plugin runs one limiter per request.
  const perAddress = app.createRateLimit({
    max: config.loginRateLimitPerAddress,
    timeWindow: 60_000,
    keyGenerator: (request) => `login-address|${request.ip}`,
  });
  // Sign-ins with a valid device cookie for their account (docs/decisions/0008-device-cookies.md) skip the
  // per-address and per-account counts, which a flood fills, and are counted per device instead, at the
  // per-account limit: a device that reaches it loses its cookie's lane for good.
  const devices = new WeakMap<FastifyRequest, TrustedDevice>();
  const perDevice = app.createRateLimit({
    max: config.loginRateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `login-device|${devices.get(request)?.id}`,
  });

  // Which addresses failed lately: a sign-in from one that did not (a first-time user's) is hashed before
  // the flood's (sign-in-addresses.ts).
  const addresses = createSignInAddresses({ windowMs: 60_000, now: () => clock.monotonicMs() });
  // Refusals answered late, so a client that asks again at once does not cost a request's work many times a
  // second (refusal-hold.ts).
  const refusals = createRefusalHold({ delayMs: config.loginRefusalDelayMs });

  // An address past its limit is refused here until its window ends, without another hit on the shared
  // count: a flood from one address would otherwise cost a counter write per refusal, thousands a second.
  // It ends with the shared window, so no server refuses past the moment the shared count would.
  const refusedUntil = new Map<string, number>();

  function refuseAddress(reply: FastifyReply, seconds: number): never {
    // The headers the plugin sends on its own 429 (app.ts: the IETF draft's names).
    reply.header('ratelimit-limit', config.loginRateLimitPerAddress);
    reply.header('ratelimit-remaining', 0);
    reply.header('ratelimit-reset', seconds);
    throw new AppError('rate_limited', problem('request.tooManySignIns', { count: seconds }), undefined, {
      retryAfterSeconds: seconds,
    });
  }

  async function limitPerAddress(request: FastifyRequest, reply: FastifyReply) {
    const now = clock.now().getTime();
    const until = refusedUntil.get(request.ip);
    if (until !== undefined) {
      if (until > now) refuseAddress(reply, Math.ceil((until - now) / 1000));
      refusedUntil.delete(request.ip);
    }
    const limit = await perAddress(request);
    if (!limit.isAllowed && limit.isExceeded) {
      if (refusedUntil.size >= 10_000) refusedUntil.clear(); // a bound on memory, not on anyone's attempts
      refusedUntil.set(request.ip, now + limit.ttl);
      refuseAddress(reply, limit.ttlInSeconds);
    }
  }

  async function limitPerDevice(request: FastifyRequest, reply: FastifyReply, device: TrustedDevice) {
    devices.set(request, device);
    const limit = await perDevice(request);
    if (limit.isAllowed) return; // never: this count has no allow list
    if (!limit.isExceeded) {
      // The headers the per-account count would have sent: the answer looks the same in either lane.
      reply.header('ratelimit-limit', limit.max);
      reply.header('ratelimit-remaining', limit.remaining);
      reply.header('ratelimit-reset', limit.ttlInSeconds);
      return;
    }
    // The account's limit reached from this device: its cookie is void from now on, not just for the window.
    devices.delete(request);
    await services.auth.revokeDevice(device);
    reply.clearCookie(DEVICE_COOKIE, { path: DEVICE_COOKIE_PATH });
    reply.header('ratelimit-limit', limit.max);
    reply.header('ratelimit-remaining', 0);
    reply.header('ratelimit-reset', limit.ttlInSeconds);
    throw new AppError(
      'rate_limited',
      problem('request.tooManyAttempts', { count: limit.ttlInSeconds }),
      undefined,
      { retryAfterSeconds: limit.ttlInSeconds },
    );
  }

  app.post('/api/v1/auth/login', {
    // Without a device cookie the address is counted at once, before the body is read: the flood's path.
    onRequest: async (request, reply) => {
      if (!request.cookies[DEVICE_COOKIE]) await limitPerAddress(request, reply);
    },
    // With one, it is checked against the email once the body is parsed (before the per-account count, which
    // the rate-limit plugin adds after this hook); a cookie that is not valid for that email counts as none.
    preValidation: async (request, reply) => {
      const secret = request.cookies[DEVICE_COOKIE];
      if (!secret) return;
      const email = (request.body as { email?: unknown } | undefined)?.email;
      const device = await services.auth.deviceFor(secret, email);
      if (device) await limitPerDevice(request, reply, device);
      else await limitPerAddress(request, reply);
    },
    // Every refusal (any count's 429, the hash queue's 503) is held before it goes out.
    onSend: async (_request, reply, payload) => {
      if (reply.statusCode === 429 || reply.statusCode === 503) await refusals.hold();
      return payload;
    },
    config: {
      policy: 'public',
      rateLimit: {
        max: config.loginRateLimitPerMinute,
        timeWindow: 60_000,
        // Counted once the body is parsed: in the default onRequest hook there is no email to key on yet.
        hook: 'preValidation',
        // Not for the device lane, which is counted per device above.
        allowList: (request: FastifyRequest) => devices.has(request),
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
      const device = devices.get(request);
      const admission = device ? undefined : addresses.admit(request.ip);
      let result: Awaited<ReturnType<typeof services.auth.signIn>>;
      try {
        result = await services.auth.signIn(
          request.body.email,
          request.body.password,
          request.cookies[SESSION_COOKIE],
          localeFromAcceptLanguage(request.headers['accept-language']),
          device,
          admission?.lane,
        );
      } catch (error) {
        admission?.settle(error instanceof AppError && error.code === 'invalid_credentials');
        throw error;
      }
      admission?.settle(false);
      reply.setCookie(SESSION_COOKIE, result.secret, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: isSecure(request, config),
        expires: result.expiresAt,
      });
      // A browser that signed in gets a device cookie (unless it came with a valid one for this user): Strict,
      // and sent to this route only, so it rides on no other request.
      if (result.device)
        reply.setCookie(DEVICE_COOKIE, result.device.secret, {
          path: DEVICE_COOKIE_PATH,
          httpOnly: true,
          sameSite: 'strict',
          secure: isSecure(request, config),
          expires: result.device.expiresAt,
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
