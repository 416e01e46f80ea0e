import type { ErrorIssue } from '../../domain/schemas/errors.js';
import type { Message } from '../../domain/schemas/messages.js';

/** Codes the client makes up itself when the server's error shape never arrived. */
export const clientErrorCodes = {
  network: 'network_error',
  unexpectedResponse: 'unexpected_response',
  invalidResponse: 'invalid_response',
} as const;

interface ApiErrorInit {
  code: string;
  message: string;
  /** The server's message as a key of the catalogue (problems.*), with its parameters. */
  messageKey?: string | undefined;
  params?: Message['params'] | undefined;
  status: number;
  issues?: ErrorIssue[] | undefined;
  requestId?: string | null | undefined;
}

/**
 * A failed API call, carrying the server's `{ error, message, messageKey, params, status, issues?, requestId }`
 * shape so screens can show the message to the person (in English as `message`, or in their language from
 * `messageKey` and `params`) and `requestId` for support. `status` is 0 when the server was unreachable;
 * `messageKey` is null when the client made the error up itself.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly messageKey: string | null;
  readonly params: Message['params'];
  readonly status: number;
  readonly issues: ErrorIssue[];
  readonly requestId: string | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.messageKey = init.messageKey ?? null;
    this.params = init.params ?? {};
    this.status = init.status;
    this.issues = init.issues ?? [];
    this.requestId = init.requestId ?? null;
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }

  get isForbidden(): boolean {
    return this.status === 403;
  }

  /** 4xx answers will not change on retry; network failures and 5xx might. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
