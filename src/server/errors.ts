import { englishText, type ProblemKey, problem } from '../domain/messages/problem.js';
import type { ErrorIssue } from '../domain/schemas/errors.js';
import type { Message } from '../domain/schemas/messages.js';

/** Every error code the API answers with, and its HTTP status. Codes are stable: clients switch on them. */
export const errorStatus = {
  bad_request: 400,
  malformed_json: 400,
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  co_sell_not_available: 409,
  /** A referral's status does not allow the move; the message names the ones it allows. */
  transition_not_allowed: 409,
  /** The first request with this Idempotency-Key is still running (src/server/idempotency/). */
  idempotency_key_in_use: 409,
  precondition_failed: 412,
  precondition_required: 428,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  rule_violation: 422,
  /** The Idempotency-Key was used with another method, path or body. */
  idempotency_key_reused: 422,
  rate_limited: 429,
  headers_too_large: 431,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** What the not-found message names: `problems.notFound.<what>`. */
export type NotFoundWhat = ProblemKey extends infer K ? (K extends `notFound.${infer W}` ? W : never) : never;

/**
 * An error a service throws on purpose: one handler turns it into the one JSON error shape. What it says is a
 * message of the catalogue (`problem('offers.alreadyLive')`), sent as its key and parameters beside the
 * English words, so that every reader sees it in their own language.
 */
export class AppError extends Error {
  readonly status: number;
  readonly messageKey: string;
  readonly params: Message['params'];

  constructor(
    readonly code: ErrorCode,
    text: Message,
    readonly issues?: ErrorIssue[],
    /** For 429 and 503: when to try again, sent as Retry-After. */
    readonly options: { retryAfterSeconds?: number } = {},
  ) {
    super(englishText(text));
    this.name = 'AppError';
    this.status = errorStatus[code];
    this.messageKey = text.key;
    this.params = text.params;
  }
}

/** 404: "The offer was not found." */
export const notFound = (what: NotFoundWhat = 'thing', params: Message['params'] = {}) =>
  new AppError('not_found', problem(`notFound.${what}`, params));

export { problem };
