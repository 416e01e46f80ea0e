import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { formatIssuePath } from '../domain/issue-path.js';
import type { ErrorIssue, ErrorResponse } from '../domain/schemas/errors.js';
import { AppError, type ErrorCode, errorStatus } from './errors.js';

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  message: string,
  issues?: ErrorIssue[],
) {
  const status = errorStatus[code];
  const body: ErrorResponse = { error: code, message, status, requestId: String(request.id) };
  // Refused before its body was read (authorisation runs first): close the connection after the answer
  // rather than let Node read and throw away the rest of what may be a very large body.
  if (!request.raw.complete) reply.header('connection', 'close');
  if (issues && issues.length > 0) body.issues = issues;
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** Fastify's own errors (parsing, limits) mapped onto our codes. */
function fromFastifyError(error: FastifyError): { code: ErrorCode; message: string } | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'malformed_json', message: 'The request body is not valid JSON.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large', message: 'The request body is larger than this server accepts.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        code: 'unsupported_media_type',
        message: `This endpoint does not accept the content type ${error.message.match(/'([^']*)'/)?.[1] ?? 'sent'}.`,
      };
    default:
      break;
  }
  if (error.statusCode === 429)
    return { code: 'rate_limited', message: 'Too many attempts. Wait a minute and try again.' };
  if (error.statusCode === 413)
    return { code: 'payload_too_large', message: 'The request body is too large.' };
  if (error.statusCode === 415)
    return { code: 'unsupported_media_type', message: 'That content type is not accepted here.' };
  if (error.code === 'FST_STATIC_FORBIDDEN_PATH')
    return { code: 'not_found', message: 'There is no such file here.' };
  if (error.statusCode === 400 && error.code?.startsWith('FST_'))
    return { code: 'bad_request', message: error.message };
  return undefined;
}

const ABORT_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

/** Whether the error is the client closing the connection, not a failure of ours. */
function isClientAbort(error: FastifyError, request: FastifyRequest): boolean {
  return (
    ABORT_CODES.has(error.code) ||
    error.message === 'aborted' ||
    request.raw.destroyed ||
    request.raw.socket?.destroyed === true
  );
}

/** The one error handler (register before routes: they keep the handler set when they were added): every failure leaves as `{ error, message, status, issues?, requestId }`. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.options.retryAfterSeconds !== undefined)
        reply.header('retry-after', String(error.options.retryAfterSeconds));
      return send(reply, request, error.code, error.message, error.issues);
    }

    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const issues = error.validation.map((v) => {
        const segments = v.instancePath
          .split('/')
          .filter(Boolean)
          .map((s) => (/^\d+$/.test(s) ? Number(s) : decodeURIComponent(s)));
        const unknownKeys = (v.params as { keys?: string[] }).keys;
        const message = unknownKeys
          ? `Unknown field${unknownKeys.length > 1 ? 's' : ''}: ${unknownKeys.join(', ')}`
          : (v.message ?? 'is not valid');
        return { path: formatIssuePath(segments) || where, message };
      });
      return send(reply, request, 'validation_failed', `The request ${where} is not valid.`, issues);
    }

    if (!isResponseSerializationError(error)) {
      const mapped = fromFastifyError(error);
      if (mapped) return send(reply, request, mapped.code, mapped.message);
    }

    if (isClientAbort(error, request)) {
      // The client went away (a closed tab, a cancelled upload): nothing of ours failed, and no one reads
      // the answer. Noted without a stack, below the levels an operator is paged for.
      request.log.info(
        { clientAbort: error.code ?? error.message },
        'the client closed the connection first',
      );
      return send(
        reply,
        request,
        'bad_request',
        'The connection was closed before the request was complete.',
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(
      reply,
      request,
      'internal_error',
      'Something went wrong on our side. Quote the request id if you report it.',
    );
  });
}

/** Unknown URLs: the web app's pages when `pageFallback` takes them, else a 404 in the error shape. */
export function registerNotFoundHandler(
  app: FastifyInstance,
  pageFallback?: (request: FastifyRequest, reply: FastifyReply) => boolean,
): void {
  app.setNotFoundHandler((request, reply) => {
    if (pageFallback?.(request, reply)) return reply;
    return send(
      reply,
      request,
      'not_found',
      `There is no ${request.method} ${request.url.split('?')[0]} here.`,
    );
  });
}
