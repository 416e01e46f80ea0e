import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponseSchema } from '../../domain/schemas/errors.js';
import type { AppConfig } from '../config.js';
import type { Clock } from '../ids.js';
import type { Services } from '../services/index.js';
import type { UploadLimit } from '../upload-limit.js';

/** A Fastify instance whose routes are typed from their Zod schemas. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface RouteDeps {
  services: Services;
  config: AppConfig;
  /** The one limit on uploads read at once, for the routes that take files. */
  uploads: UploadLimit;
  /** The app's clock (the sign-in limits' memory of refused addresses); the system's when left out. */
  clock?: Clock;
}

/** The error replies a route documents; every one has the same shape. */
export const errorResponses = (
  ...statuses: (400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 503)[]
) => Object.fromEntries(statuses.map((status) => [status, ErrorResponseSchema]));
