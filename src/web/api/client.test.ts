import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiRequest, apiRequestWithEtag, apiSend, apiUpload, setCsrfToken } from './client.js';
import { shouldRetry } from './query-client.js';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** The server's error shape: the English words, their key and parameters, the status and the request id. */
function errorShape(error: string, message: string, status: number, extra: object = {}) {
  return {
    error,
    message,
    messageKey: `problems.codes.${error}`,
    params: {},
    status,
    requestId: 'r',
    ...extra,
  };
}

function stubFetch(response: Response | Error) {
  const fetchMock = vi.fn(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function sentHeaders(fetchMock: ReturnType<typeof stubFetch>): Record<string, string> {
  const init = fetchMock.mock.calls[0]?.at(1) as RequestInit | undefined;
  return (init?.headers ?? {}) as Record<string, string>;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('apiRequest', () => {
  it('parses a success with the given schema', async () => {
    stubFetch(jsonResponse(200, { id: 'a', extra: true }));
    await expect(apiRequest('/api/v1/x', z.object({ id: z.string() }))).resolves.toEqual({ id: 'a' });
  });

  it('turns the server error shape into an ApiError', async () => {
    const body = {
      error: 'invalid_credentials',
      message: 'Wrong email or password',
      messageKey: 'problems.codes.invalid_credentials',
      params: {},
      status: 401,
      requestId: 'r1',
    };
    stubFetch(jsonResponse(401, body));
    const error = await apiRequest('/api/v1/auth/login', z.object({}), { method: 'POST', body: {} }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'invalid_credentials',
      message: 'Wrong email or password',
      messageKey: 'problems.codes.invalid_credentials',
      params: {},
      status: 401,
    });
    expect(error.requestId).toBe('r1');
  });

  it('reports an answer of the wrong shape instead of passing it on', async () => {
    stubFetch(jsonResponse(200, { id: 42 }));
    await expect(apiRequest('/api/v1/x', z.object({ id: z.string() }))).rejects.toMatchObject({
      code: 'invalid_response',
      messageKey: null,
    });
  });

  it('reports a network failure with status 0', async () => {
    stubFetch(new TypeError('fetch failed'));
    await expect(apiRequest('/api/v1/x', z.object({}))).rejects.toMatchObject({
      code: 'network_error',
      status: 0,
    });
  });
});

describe('CSRF header', () => {
  it('is sent on writes once known, and never on reads', async () => {
    setCsrfToken('csrf-1');
    const write = stubFetch(new Response(null, { status: 204 }));
    await apiSend('/api/v1/auth/logout', { method: 'POST' });
    expect(sentHeaders(write)['X-CSRF-Token']).toBe('csrf-1');

    const read = stubFetch(jsonResponse(200, {}));
    await apiRequest('/api/v1/me', z.object({}));
    expect(sentHeaders(read)['X-CSRF-Token']).toBeUndefined();
  });
});

describe('shouldRetry', () => {
  it('never retries a 4xx and retries network or server failures a little', () => {
    const forbidden = new ApiError({ code: 'forbidden', message: 'No', status: 403 });
    const down = new ApiError({ code: 'network_error', message: 'Down', status: 0 });
    expect(shouldRetry(0, forbidden)).toBe(false);
    expect(shouldRetry(0, down)).toBe(true);
    expect(shouldRetry(2, down)).toBe(false);
  });
});

describe('ETags', () => {
  it('returns the ETag of a read and sends If-Match on a write', async () => {
    const read = stubFetch(
      new Response(JSON.stringify({ id: 'a' }), {
        status: 200,
        headers: { 'Content-Type': 'application/json', ETag: '"3"' },
      }),
    );
    await expect(apiRequestWithEtag('/api/v1/x', z.object({ id: z.string() }))).resolves.toEqual({
      data: { id: 'a' },
      etag: '"3"',
    });
    expect(sentHeaders(read)['If-Match']).toBeUndefined();

    const write = stubFetch(jsonResponse(200, { id: 'a' }));
    await apiRequest('/api/v1/x', z.object({ id: z.string() }), {
      method: 'PATCH',
      body: {},
      ifMatch: '"3"',
    });
    expect(sentHeaders(write)['If-Match']).toBe('"3"');
  });

  it('keeps the 412 code so the screen can offer to reload', async () => {
    stubFetch(
      jsonResponse(
        412,
        errorShape('precondition_failed', 'Changed', 412, {
          messageKey: 'problems.request.changedMeanwhile',
          params: { expected: 1, current: 2 },
        }),
      ),
    );
    await expect(
      apiRequest('/api/v1/x', z.object({}), { method: 'PATCH', body: {}, ifMatch: '"1"' }),
    ).rejects.toMatchObject({
      status: 412,
      code: 'precondition_failed',
      messageKey: 'problems.request.changedMeanwhile',
      params: { expected: 1, current: 2 },
    });
  });
});

describe('apiUpload', () => {
  const report = z.object({ ok: z.boolean() });
  const file = new Blob(['Name,Email\r\n'], { type: 'text/csv' });

  it('sends one multipart part named file, with CSRF and If-Match but no content type of its own', async () => {
    setCsrfToken('csrf-2');
    const upload = stubFetch(jsonResponse(200, { ok: true }));
    await expect(
      apiUpload('/api/v1/x.csv?dryRun=true', file, 'contacts.csv', report, { ifMatch: '"4"' }),
    ).resolves.toEqual({ ok: true });
    const init = upload.mock.calls[0]?.at(1) as unknown as RequestInit;
    expect(init.method).toBe('PUT');
    expect(init.body).toBeInstanceOf(FormData);
    const part = (init.body as FormData).get('file');
    expect(part).toBeInstanceOf(File);
    expect((part as File).name).toBe('contacts.csv');
    const headers = sentHeaders(upload);
    expect(headers['X-CSRF-Token']).toBe('csrf-2');
    expect(headers['If-Match']).toBe('"4"');
    expect(headers['Content-Type']).toBeUndefined();
  });

  it('reads the answer of a listed error status, and still throws for other errors', async () => {
    const body = { ok: false, ...errorShape('rule_violation', 'Bad', 422) };
    stubFetch(jsonResponse(422, body));
    await expect(
      apiUpload('/api/v1/x.csv', file, 'a.csv', report, { answerStatuses: [422] }),
    ).resolves.toEqual({ ok: false });

    stubFetch(jsonResponse(422, errorShape('rule_violation', 'Bad', 422)));
    await expect(
      apiUpload('/api/v1/x.csv', file, 'a.csv', report, { answerStatuses: [422] }),
    ).rejects.toMatchObject({ status: 422, code: 'rule_violation' });

    stubFetch(jsonResponse(412, errorShape('precondition_failed', 'Changed', 412)));
    await expect(
      apiUpload('/api/v1/x.csv', file, 'a.csv', report, { answerStatuses: [422] }),
    ).rejects.toMatchObject({ status: 412 });
  });
});
