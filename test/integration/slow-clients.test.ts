import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/server/config.js';
import { documentApi } from '../support/document-api.js';
import { BOUNDARY, sampleFiles } from '../support/document-fixtures.js';
import { createPersonas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';

/** Waits for a state; one that never comes fails the test at its own timeout. */
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
};

/** A raw connection: what the server sent, and whether it has closed the connection. */
function openSocket(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  const state = { answer: '', closed: false };
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    state.answer += chunk;
  });
  socket.on('error', () => undefined);
  socket.on('close', () => {
    state.closed = true;
  });
  return { socket, state };
}

const statusOf = (answer: string) => Number(answer.split(' ')[1]);
const jsonOf = (answer: string) =>
  JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;

describe('slow, stalled and hostile clients are bounded', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function listening(config: Partial<AppConfig>) {
    t = await createTestApp({ config });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    return { app: t, port: (t.app.server.address() as AddressInfo).port };
  }

  it('closes a connection whose body stops arriving (idle timeout)', async () => {
    const { port } = await listening({ idleTimeoutMs: 300 });
    const { socket, state } = openSocket(port);
    socket.write(
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":',
    );
    await until(() => state.closed);
    expect(state.answer).toBe('');
  });

  it('answers 408 in the error shape to headers that never finish (headers timeout)', async () => {
    const { port } = await listening({ headersTimeoutMs: 300, idleTimeoutMs: 60_000 });
    const { socket, state } = openSocket(port);
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    await until(() => state.closed);
    expect(statusOf(state.answer)).toBe(408);
    expect(jsonOf(state.answer)).toMatchObject({ error: 'request_timeout', status: 408 });
  });

  it('does not cut a slow upload whose bytes keep coming', async () => {
    const { app, port } = await listening({ idleTimeoutMs: 600 });
    const owner = (await createPersonas(app.app)).byName.contosoOwner.headers;
    const offerId = await documentApi(app.app).createOffer(owner);
    const body = Buffer.concat([
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="slot"\r\n\r\ncustomerOnePager\r\n` +
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="slow.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      sampleFiles.pdf,
      Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
    ]);
    const { socket, state } = openSocket(port);
    socket.write(
      `POST /api/v1/offers/${offerId}/co-sell/documents HTTP/1.1\r\nHost: x\r\nAuthorization: ${owner.authorization}\r\nIf-Match: *\r\n` +
        `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
    );
    // 16 bytes every 100 ms: some seconds in all, many times the idle timeout a stalled body would get.
    for (let at = 0; at < body.length; at += 16) {
      socket.write(body.subarray(at, at + 16));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await until(() => state.closed);
    expect(statusOf(state.answer)).toBe(201);
  });

  it('refuses an anonymous write before reading its body', async () => {
    const { port } = await listening({});
    const { socket, state } = openSocket(port);
    // Says 4 MB follow, sends none: the answer must not wait for them.
    socket.write(
      'PUT /api/v1/offers/off_any/co-sell/contacts.csv HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: 4000000\r\n\r\n',
    );
    await until(() => state.closed);
    expect(statusOf(state.answer)).toBe(401);
    expect(state.answer.toLowerCase()).toContain('connection: close');
    expect(jsonOf(state.answer)).toMatchObject({ error: 'unauthenticated' });
  });

  it('reads at most COSELL_UPLOAD_CONCURRENCY uploads at once; the next gets 503 with Retry-After', async () => {
    t = await createTestApp({ config: { uploadConcurrency: 1 } });
    const owner = (await createPersonas(t.app)).byName.contosoOwner.headers;
    const api = documentApi(t.app);
    const offerId = await api.createOffer(owner);

    // The first upload's body arrives slowly: it holds the one place until it ends.
    const slow = new PassThrough();
    const first = t.app.inject({
      method: 'POST',
      url: `/api/v1/offers/${offerId}/co-sell/documents?slot=customerOnePager`,
      headers: { ...owner, 'if-match': '*', 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: slow,
    });
    slow.write(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="first.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const app = t.app;
    await until(() => app.uploads.inFlight === 1);

    const refused = await api.upload(owner, offerId, 'otherDocuments', 'second.pdf', sampleFiles.pdf);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(errorBody(refused).error).toBe('service_unavailable');

    slow.end(Buffer.concat([sampleFiles.pdf, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]));
    expect((await first).statusCode).toBe(201);
    await until(() => app.uploads.inFlight === 0);
    const again = await api.upload(owner, offerId, 'otherDocuments', 'second.pdf', sampleFiles.pdf);
    expect(again.statusCode, again.body).toBe(201);
  });
});
