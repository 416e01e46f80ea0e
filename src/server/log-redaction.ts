import type { FastifyError, FastifyRequest } from 'fastify';

/**
 * What the logs may carry. A token someone put in a query string, or the values a failed query was given
 * (a token's secret hash, an email, a password hash), must not reach a log file: query values and SQL
 * parameters are replaced by `[redacted]`, and a database error keeps its code, table and constraint but
 * not its `detail` (PostgreSQL writes the offending values there).
 */

const REDACTED = '[redacted]';

/** The URL with each query value replaced, its names kept (they say what was asked). */
export function redactUrl(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const query = url
    .slice(question + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals < 0 ? pair : `${pair.slice(0, equals)}=${REDACTED}`;
    })
    .join('&');
  return `${url.slice(0, question)}?${query}`;
}

// Drizzle's DrizzleQueryError puts the parameters in its message (and so in its stack): "params: a,b,c".
const PARAMS_LINE = /\nparams: [^\n]*/g;
const redactText = (text: unknown) =>
  typeof text === 'string' ? text.replace(PARAMS_LINE, `\nparams: ${REDACTED}`) : undefined;

// Fields of pg's DatabaseError that say what failed without the values.
const DATABASE_FIELDS = ['code', 'severity', 'table', 'column', 'constraint', 'routine'] as const;

/** An error as the logs show it: type, message and stack (parameters redacted), the safe fields, its cause. */
export function serializeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const record = error as Error & Record<string, unknown>;
  // PostgreSQL's data exceptions (SQLSTATE class 22) quote the value they refused in the message itself.
  const quotesValues = typeof record.code === 'string' && record.code.startsWith('22');
  const redact = (text: unknown) => {
    const redacted = redactText(text);
    return quotesValues ? redacted?.replace(/"[^"]*"/g, `"${REDACTED}"`) : redacted;
  };
  const out: Record<string, unknown> = {
    type: error.name,
    message: redact(error.message),
    stack: redact(error.stack),
  };
  for (const field of DATABASE_FIELDS) if (record[field] !== undefined) out[field] = record[field];
  if (typeof record.statusCode === 'number') out.statusCode = record.statusCode;
  if (record.cause !== undefined && depth < 3) out.cause = serializeError(record.cause, depth + 1);
  return out;
}

/** The request as the logs show it. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
  };
}

/** Pino serializers for createApp's logger. */
export const logSerializers = {
  req: (request: FastifyRequest) => serializeRequest(request),
  err: (error: FastifyError) =>
    serializeError(error) as { type: string; message: string; stack: string; [key: string]: unknown },
};
