import createClient, { type Client } from 'openapi-fetch';
import { ErrorResponseSchema } from '../domain/schemas/errors.js';
import type { paths } from './generated/api-schema.js';

/** Where the CLI finds the server and how it signs in: flags, else COSELL_URL and COSELL_TOKEN. */
export interface ApiTarget {
  url: string;
  token: string;
}

export function apiTarget(flags: { url?: string | undefined; token?: string | undefined }): ApiTarget {
  const url = (flags.url ?? process.env.COSELL_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  const token = flags.token ?? process.env.COSELL_TOKEN;
  if (!token)
    throw new CliError(
      'An API token is needed: pass --token or set COSELL_TOKEN (create one under API tokens).',
    );
  return { url, token };
}

/** The HTTP API, typed by the types generated from its OpenAPI document (`npm run api:generate`). */
export type ApiClient = Client<paths>;

/** A client of the target's API that sends the token with every request. */
export function createApiClient(target: ApiTarget): ApiClient {
  return createClient<paths>({
    baseUrl: target.url,
    headers: { authorization: `Bearer ${target.token}` },
  });
}

/** An error the CLI reports as one line, with exit code 1. */
export class CliError extends Error {}

/**
 * Turns an error answer into one readable message: the API's problem ({ error, message, issues?,
 * requestId }) as its message, each issue on a line and the request id; anything else (a proxy's page) as
 * the start of what came. `body` is what the client read: the parsed JSON, else the text.
 */
export function describeFailure(response: Pick<Response, 'status'>, body: unknown): string {
  const parsed = ErrorResponseSchema.partial().safeParse(body);
  const text = typeof body === 'string' || body === undefined ? (body ?? '') : JSON.stringify(body);
  if (!parsed.success) return `${response.status} ${text.slice(0, 300)}`.trimEnd();
  const { message, issues = [], requestId } = parsed.data;
  const lines = issues.map((i) => `\n  ${i.path}: ${i.message}`).join('');
  return `${response.status} ${message ?? text}${lines}${requestId ? ` (request ${requestId})` : ''}`;
}
