import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { formatIssuePath } from '../domain/issue-path.js';
import { englishText, issueAt, problem } from '../domain/messages/problem.js';
import { zodIssueMessage } from '../domain/messages/zod-issue-message.js';
import type { ErrorIssue, ErrorResponse } from '../domain/schemas/errors.js';
import type { Message } from '../domain/schemas/messages.js';
import { AppError, type ErrorCode, errorStatus } from './errors.js';

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  text: Message,
  issues?: ErrorIssue[],
) {
  const status = errorStatus[code];
  const body: ErrorResponse = {
    error: code,
    message: englishText(text),
    messageKey: text.key,
    params: text.params,
    status,
    requestId: String(request.id),
  };
  // Refused before its body was read (authorisation runs first): close the connection after the answer
  // rather than let Node read and throw away the rest of what may be a very large body.
  if (!request.raw.complete) reply.header('connection', 'close');
  if (issues && issues.length > 0) body.issues = issues;
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** Fastify's own errors (parsing, limits) mapped onto our codes. */
function fromFastifyError(error: FastifyError): { code: ErrorCode; text: Message } | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'malformed_json', text: problem('codes.malformed_json') };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large', text: problem('request.bodyTooLarge') };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        code: 'unsupported_media_type',
        text: problem('request.contentType', {
          contentType: error.message.match(/'([^']*)'/)?.[1] ?? 'sent',
        }),
      };
    default:
      break;
  }
  if (error.statusCode === 429) return { code: 'rate_limited', text: problem('codes.rate_limited') };
  if (error.statusCode === 413) return { code: 'payload_too_large', text: problem('request.bodyTooLarge') };
  if (error.statusCode === 415)
    return { code: 'unsupported_media_type', text: problem('codes.unsupported_media_type') };
  if (error.code === 'FST_STATIC_FORBIDDEN_PATH')
    return { code: 'not_found', text: problem('notFound.file') };
  if (error.statusCode === 400 && error.code?.startsWith('FST_'))
    return { code: 'bad_request', text: problem('codes.bad_request') };
  return undefined;
}

const invalidPart = {
  body: 'request.invalidBody',
  querystring: 'request.invalidQuery',
  params: 'request.invalidParams',
  headers: 'request.invalidHeaders',
} as const;

/** The value at a path of the request part, to tell a missing value from a wrong one. */
function valueAt(value: unknown, segments: readonly (string | number)[]): unknown {
  let node = value;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
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

/** Requests whose hang-up is noted: the body's reader and Fastify's abort hook may both see it. */
const abortsNoted = new WeakSet<FastifyRequest>();

function noteClientAbort(request: FastifyRequest, what: string): void {
  if (abortsNoted.has(request)) return;
  abortsNoted.add(request);
  request.log.info({ clientAbort: what }, 'the client closed the connection first');
}

/** The one error handler (register before routes: they keep the handler set when they were added): every failure leaves as `{ error, message, messageKey, params, status, issues?, requestId }`. */
export function registerErrorHandler(app: FastifyInstance): void {
  // A client that hangs up while a hook before the body is read still runs (the sign-in's address count)
  // never reaches the body's reader as an error: its stream closed before anyone listened. Fastify's abort
  // hook sees it either way.
  app.addHook('onRequestAbort', (request) => noteClientAbort(request, 'aborted'));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.options.retryAfterSeconds !== undefined)
        reply.header('retry-after', String(error.options.retryAfterSeconds));
      return send(reply, request, error.code, { key: error.messageKey, params: error.params }, error.issues);
    }

    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const part = (request as unknown as Record<string, unknown>)[where];
      const issues = error.validation.map((v) => {
        const segments = v.instancePath
          .split('/')
          .filter(Boolean)
          .map((s) => (/^\d+$/.test(s) ? Number(s) : decodeURIComponent(s)));
        const message = zodIssueMessage(
          { code: v.keyword, message: v.message, ...v.params },
          valueAt(part, segments) === undefined,
        );
        return issueAt(formatIssuePath(segments) || where, message);
      });
      const key = invalidPart[where as keyof typeof invalidPart] ?? 'request.invalidBody';
      return send(reply, request, 'validation_failed', problem(key), issues);
    }

    if (!isResponseSerializationError(error)) {
      const mapped = fromFastifyError(error);
      if (mapped) return send(reply, request, mapped.code, mapped.text);
    }

    if (isClientAbort(error, request)) {
      // The client went away (a closed tab, a cancelled upload): nothing of ours failed, and no one reads
      // the answer. Noted without a stack, below the levels an operator is paged for.
      noteClientAbort(request, error.code ?? error.message);
      return send(reply, request, 'bad_request', problem('request.closedEarly'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 'internal_error', problem('codes.internal_error'));
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
      problem('notFound.route', { method: request.method, path: request.url.split('?')[0] ?? '' }),
    );
  });
}
