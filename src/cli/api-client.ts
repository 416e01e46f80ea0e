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
  try {
    const body = JSON.parse(text) as {
      message?: string;
      issues?: { path: string; message: string }[];
      requestId?: string;
    };
    const issues = (body.issues ?? []).map((i) => `\n  ${i.path}: ${i.message}`).join('');
    return `${response.status} ${body.message ?? text}${issues}${body.requestId ? ` (request ${body.requestId})` : ''}`;
  } catch {
    return `${response.status} ${text.slice(0, 300)}`;
  }
}
