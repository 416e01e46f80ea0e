import i18next from 'i18next';
import { ApiError, clientErrorCodes } from './api-error.js';

export { ApiError, isApiError } from './api-error.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** The ETag of the version the change is based on; the server answers 412 if it is no longer current. */
  ifMatch?: string | null | undefined;
  /** A multipart body (file uploads); the browser sets its content type with the boundary. */
  form?: FormData | undefined;
  /** Makes a create safe to send again: the server answers a repeat with the first answer (idempotency-key.ts). */
  idempotencyKey?: string | undefined;
}

/** A parsed answer with the ETag of the version it describes (null when the server sent none). */
export interface WithEtag<T> {
  data: T;
  etag: string | null;
}

/**
 * What checks an answer's shape: a shared Zod schema, or anything with its safeParse (see lazySchema). The
 * client itself does not import Zod, so that the sign-in page can start without it.
 */
export interface AnswerSchema<T> {
  safeParse(answer: unknown): ParseResult<T> | Promise<ParseResult<T>>;
}
type ParseResult<T> = { success: true; data: T } | { success: false };

/**
 * A schema whose module is loaded when the first answer arrives: for the calls the sign-in page makes, whose
 * schemas (and Zod, ~23 KB compressed) would otherwise be part of every first visit.
 */
export function lazySchema<T>(load: () => Promise<AnswerSchema<T>>): AnswerSchema<T> {
  return { safeParse: async (answer) => (await load()).safeParse(answer) };
}

// Kept in memory only: the session cookie is httpOnly, and the CSRF token must never outlive the page.
let csrfToken: string | null = null;

/** Remember the CSRF token from login or /me; it is sent as X-CSRF-Token on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  // A FormData body gets its multipart content type (with the boundary) from the browser, never from us.
  if (options.body !== undefined && !options.form) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  // The page's language rather than the browser's: at sign-in the server keeps it for the emails of a person
  // who never chose one.
  if (i18next.resolvedLanguage) headers['Accept-Language'] = i18next.resolvedLanguage;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ code: clientErrorCodes.network, message: 'Could not reach the server', status: 0 });
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** Turn any non-2xx answer into an ApiError, keeping the server's shape when it sent one. */
async function toApiError(response: Response): Promise<ApiError> {
  return errorFromBody(response, await readJson(response));
}

async function errorFromBody(response: Response, body: unknown): Promise<ApiError> {
  // Loaded with the first error answer (a wrong password, say) rather than with the sign-in page.
  const { ErrorResponseSchema } = await import('../../domain/schemas/errors.js');
  const parsed = ErrorResponseSchema.safeParse(body);
  if (parsed.success) {
    const { error, status: _status, ...shape } = parsed.data;
    return new ApiError({ ...shape, code: error, status: response.status });
  }
  return new ApiError({
    code: clientErrorCodes.unexpectedResponse,
    message: `The server answered ${response.status} ${response.statusText}`.trim(),
    status: response.status,
    requestId: response.headers.get('x-request-id'),
  });
}

async function parseAnswer<T>(path: string, response: Response, schema: AnswerSchema<T>): Promise<T> {
  const parsed = await schema.safeParse(await readJson(response));
  if (!parsed.success) {
    throw new ApiError({
      code: clientErrorCodes.invalidResponse,
      message: `The server's answer to ${path} did not have the expected shape`,
      status: response.status,
      requestId: response.headers.get('x-request-id'),
    });
  }
  return parsed.data;
}

/** Call the API and parse the JSON answer with the shared schema; a mismatch is an error, not a guess. */
export async function apiRequest<T>(
  path: string,
  schema: AnswerSchema<T>,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(path, options);
  if (!response.ok) throw await toApiError(response);
  return parseAnswer(path, response, schema);
}

/**
 * Like apiRequest, and also returns the ETag header: versioned resources (offers, listings) need it as
 * If-Match on the next write, so a change made meanwhile by someone else is refused instead of overwritten.
 */
export async function apiRequestWithEtag<T>(
  path: string,
  schema: AnswerSchema<T>,
  options: RequestOptions = {},
): Promise<WithEtag<T>> {
  const response = await send(path, options);
  if (!response.ok) throw await toApiError(response);
  return { data: await parseAnswer(path, response, schema), etag: response.headers.get('etag') };
}

/**
 * Call an endpoint that answers 204 (or whose body the caller does not need); resolves to the ETag the
 * answer carries (a write to a collection sends its new version), or null.
 */
export async function apiSend(path: string, options: RequestOptions): Promise<{ etag: string | null }> {
  const response = await send(path, options);
  if (!response.ok) throw await toApiError(response);
  return { etag: response.headers.get('etag') };
}

interface UploadOptions {
  method?: 'POST' | 'PUT';
  ifMatch?: string | null | undefined;
  signal?: AbortSignal | undefined;
  /** Error statuses whose body is still the answer (an import's 422 carries its full report). */
  answerStatuses?: readonly number[];
}

/**
 * Uploads one file as multipart/form-data (a part named `file`) and parses the answer with the schema.
 * The CSRF token and If-Match go along as on every other write.
 */
export async function apiUpload<T>(
  path: string,
  file: Blob,
  fileName: string,
  schema: AnswerSchema<T>,
  options: UploadOptions = {},
): Promise<T> {
  const form = new FormData();
  form.append('file', file, fileName);
  const response = await send(path, {
    method: options.method ?? 'PUT',
    form,
    signal: options.signal,
    ifMatch: options.ifMatch,
  });
  if (response.ok) return parseAnswer(path, response, schema);
  if (!options.answerStatuses?.includes(response.status)) throw await toApiError(response);
  // An error status that may carry an answer: use it when it has the answer's shape, else it is an error.
  const body = await readJson(response);
  const parsed = await schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw await errorFromBody(response, body);
}
