import { ErrorResponseSchema } from '../domain/schemas/errors.js';

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

/** An error the CLI reports as one line, with exit code 1. */
export class CliError extends Error {}

/** Turns an error reply of the API ({ error, message, issues?, requestId }) into one readable message. */
export async function describeFailure(response: Response): Promise<string> {
  const text = await response.text();
  const parsed = ErrorResponseSchema.partial().safeParse(parseJson(text));
  if (!parsed.success) return `${response.status} ${text.slice(0, 300)}`;
  const { message, issues = [], requestId } = parsed.data;
  const lines = issues.map((i) => `\n  ${i.path}: ${i.message}`).join('');
  return `${response.status} ${message ?? text}${lines}${requestId ? ` (request ${requestId})` : ''}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
