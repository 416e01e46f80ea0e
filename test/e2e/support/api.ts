/** Plain HTTP against a running server from Node, the way a script with a token would call it. */
import { expect } from 'vitest';

export interface ApiErrorBody {
  error: string;
  message: string;
  status: number;
  requestId: string;
  issues?: { path: string; message: string }[];
}

/** POST /api/v1/auth/login; returns the response for the caller to judge. */
export function postLogin(baseUrl: string, email: string, password: string): Promise<Response> {
  return fetch(new URL('/api/v1/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

/** Reads the body and asserts the one documented error shape, with the given status. */
export async function expectApiError(response: Response, status: number): Promise<ApiErrorBody> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as ApiErrorBody;
  expect(body).toMatchObject({
    error: expect.any(String),
    message: expect.any(String),
    status,
    requestId: response.headers.get('x-request-id'),
  });
  expect(body.message.length).toBeGreaterThan(0);
  return body;
}
