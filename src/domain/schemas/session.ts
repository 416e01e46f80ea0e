import { z } from 'zod';
import { MeResponseSchema } from './auth.js';

/** The answer for a caller who is not signed in (no cookie, an expired one, no token). */
export const NoSessionSchema = z.object({
  user: z.null().describe('Nobody is signed in'),
});

/**
 * Who is signed in, asked without expecting to be: the web app's first question on every page load. Unlike
 * GET /api/v1/me, not being signed in is an answer (200 with `user: null`), not an error.
 */
export const SessionResponseSchema = z
  .union([MeResponseSchema, NoSessionSchema])
  .describe('The signed-in user as GET /api/v1/me gives it, or `{ "user": null }`');
export type SessionResponse = z.infer<typeof SessionResponseSchema>;
