import type { ErrorIssue } from '../../domain/schemas/errors.js';

/** Codes the client makes up itself when the server's error shape never arrived. */
export const clientErrorCodes = {
  network: 'network_error',
  unexpectedResponse: 'unexpected_response',
  invalidResponse: 'invalid_response',
} as const;

interface ApiErrorInit {
  code: string;
  message: string;
  status: number;
  issues?: ErrorIssue[] | undefined;
  requestId?: string | null | undefined;
}

/**
 * A failed API call, carrying the server's `{ error, message, status, issues?, requestId }` shape so screens
 * can show `message` to the person and `requestId` for support. `status` is 0 when the server was unreachable.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly issues: ErrorIssue[];
  readonly requestId: string | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
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
