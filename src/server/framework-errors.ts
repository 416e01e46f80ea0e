import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { englishText, problem } from '../domain/messages/problem.js';
import type { ErrorResponse } from '../domain/schemas/errors.js';
import type { Message } from '../domain/schemas/messages.js';
import { type ErrorCode, errorStatus } from './errors.js';

/**
 * Failures found before a request reaches a route, answered in the one error shape like every other error:
 * Fastify's router (a URL that does not decode, a path parameter past maxParamLength) and Node's HTTP
 * parser (headers or a URL too large, a malformed request line, a request that timed out).
 */

function body(code: ErrorCode, text: Message, requestId: string): ErrorResponse {
  const { key: messageKey, params } = text;
  return {
    error: code,
    message: englishText(text),
    messageKey,
    params,
    status: errorStatus[code],
    requestId,
  };
}

/** Fastify's `frameworkErrors`: the router's refusals, with the request id the request was given. */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) => {
  const [code, message]: [ErrorCode, Message] =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? ['uri_too_long', problem('request.urlPartTooLong')]
      : error.code === 'FST_ERR_BAD_URL'
        ? ['bad_request', problem('request.urlEncoding')]
        : ['bad_request', problem('codes.bad_request')];
  void reply
    .code(errorStatus[code])
    .header('x-request-id', request.id)
    .type('application/json; charset=utf-8')
    .send(body(code, message, String(request.id)));
};

/** What Node's HTTP parser refused, as our code and message; undefined when there is no one to answer. */
function clientErrorOf(error: NodeJS.ErrnoException): [ErrorCode, Message] {
  if (error.code === 'HPE_HEADER_OVERFLOW') return ['headers_too_large', problem('request.headersTooLarge')];
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || error.code === 'ERR_HTTP_HEADERS_TIMEOUT')
    return ['request_timeout', problem('codes.request_timeout')];
  return ['bad_request', problem('request.notHttp')];
}

/**
 * Fastify's `clientErrorHandler`: Node calls it for a request its parser refused, before any request object
 * exists, so the answer gets a request id of its own. A connection the client already dropped is left alone.
 */
export function clientErrorHandler(
  this: { log: { debug(object: object, message: string): void } },
  error: NodeJS.ErrnoException,
  socket: Socket,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, message] = clientErrorOf(error);
  const requestId = randomUUID();
  // A client's mistake, not ours: no stack, and below the levels an operator watches.
  this.log.debug({ requestId, clientError: error.code }, 'refused a request the HTTP parser could not read');
  if (socket.writable) {
    const json = JSON.stringify(body(code, message, requestId));
    socket.write(
      `HTTP/1.1 ${errorStatus[code]} ${code.replace(/_/g, ' ')}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
        `X-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy();
}
