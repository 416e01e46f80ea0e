import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, type IncomingHttpHeaders, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { type App, createApp } from '../../src/server/app.js';
import { createPasswordHashing, type PasswordHashing } from '../../src/server/auth/password.js';
import { LocalDiskBlobStore } from '../../src/server/blobs/local-disk-blob-store.js';
import { enqueueJob } from '../../src/server/jobs/job-queue.js';
import { emailDelivery } from '../../src/server/mail/email-delivery.js';
import { transactionOver } from '../../src/server/services/transaction.js';
import { type FakeSmtpServer, startFakeSmtpServer } from '../support/fake-smtp-server.js';
import { createPersonas, PERSONA_PASSWORD, type Personas } from '../support/personas.js';
import { createTestApp, type TestApp, testConfig } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-database.js';

/**
 * What a server does on SIGTERM (main.ts): `app.shutdown.begin()` at once, so /readyz answers 503 and the
 * load balancer sends new requests elsewhere, while /healthz stays 200 (the process is fine: do not kill
 * it); after COSELL_SHUTDOWN_DELAY_MS, `app.close()`: no new connections, requests in flight finish, jobs
 * running finish, jobs not taken stay in the queue for the other servers.
 */

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request over `agent` (keep-alive: connections are reused, as a load balancer's are). */
function send(
  base: string,
  agent: Agent | false,
  path: string,
  options: { method?: string; json?: object } = {},
): Promise<Answer> {
  const body = options.json ? JSON.stringify(options.json) : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, base),
      {
        method: options.method ?? 'GET',
        agent,
        headers: body
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
          : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Password checks that wait at a gate the test opens: a sign-in stays in flight as long as the test wants. */
function gatedPasswords(real: PasswordHashing) {
  let gate: Promise<void> | undefined;
  let open = () => {};
  let arrived = () => {};
  const gated: PasswordHashing = {
    ...real,
    async verify(password, stored) {
      if (gate) {
        arrived();
        await gate;
      }
      return real.verify(password, stored);
    },
  };
  return {
    passwords: gated,
    /** Closes the gate; resolves when a check reaches it. */
    hold(): Promise<void> {
      gate = new Promise((resolve) => {
        open = resolve;
      });
      return new Promise((resolve) => {
        arrived = resolve;
      });
    },
    release() {
      gate = undefined;
      open();
    },
  };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('graceful shutdown of the HTTP server', () => {
  const real = createPasswordHashing({ cost: 'test', threads: 1 });
  const gate = gatedPasswords(real);
  const agent = new Agent({ keepAlive: true });
  let database: Database;
  let blobDir: string;
  let app: App;
  let personas: Personas;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    blobDir = await mkdtemp(join(tmpdir(), 'cosell-blobs-'));
    app = await createApp({
      config: testConfig(),
      database,
      logger: false,
      webRoot: null,
      blobs: new LocalDiskBlobStore(join(blobDir, 'blobs')),
      passwords: gate.passwords,
    });
    personas = await createPersonas(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    gate.release();
    agent.destroy();
    await app?.close();
    await real.close();
    await database?.close();
    if (blobDir) await rm(blobDir, { recursive: true, force: true });
  });

  it('answers /readyz 503 from the moment shutdown begins, /healthz 200, and finishes the request in flight before it closes', async () => {
    expect((await send(base, agent, '/readyz')).status).toBe(200);

    // A sign-in in flight: its password check waits at the gate.
    const reachedCheck = gate.hold();
    const inFlight = send(base, agent, '/api/v1/auth/login', {
      method: 'POST',
      json: { email: personas.byName.seller.email, password: PERSONA_PASSWORD },
    });
    await reachedCheck;

    app.shutdown.begin();
    const ready = await send(base, agent, '/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toEqual({ status: 'unavailable', detail: 'The server is shutting down.' });
    const health = await send(base, agent, '/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
    // Until it closes (the delay lets the load balancer see /readyz), requests still get their answers, each
    // closing its connection so that no keep-alive connection holds the close open.
    const session = await send(base, agent, '/api/v1/session');
    expect(session.status).toBe(200);
    expect(session.headers.connection).toBe('close');

    let closed = false;
    const closing = app.close().then(() => {
      closed = true;
    });
    while (app.server.listening) await nextTurn();
    // No new connections...
    await expect(send(base, false, '/healthz')).rejects.toThrow(/ECONNREFUSED/);
    // ...and the close waits for the sign-in in flight, which finishes as if nothing happened.
    expect(closed).toBe(false);
    gate.release();
    const signedIn = await inFlight;
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers['set-cookie']?.some((c) => c.startsWith('cosell_session='))).toBe(true);
    expect(signedIn.headers.connection).toBe('close');
    await closing;
    expect(closed).toBe(true);
  });
});

describe('graceful shutdown of the job queue', () => {
  let t: TestApp;
  let smtp: FakeSmtpServer;
  const addresses = ['first@contoso.test', 'second@contoso.test', 'third@contoso.test'];

  beforeAll(async () => {
    smtp = await startFakeSmtpServer();
    // A server with SMTP that runs due jobs only when told (app.jobs.runDue()).
    t = await createTestApp({ config: { smtpUrl: smtp.url } });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const activeJobs = async () =>
    (
      await t.database.pool.query<{ n: number }>(
        `select count(*)::int as n from pgboss.job where name = $1 and state = 'active'`,
        [emailDelivery.queue],
      )
    ).rows[0]?.n ?? 0;

  it('lets the jobs running on a closing server finish, and leaves the others queued for the next server', async () => {
    const jobIds: string[] = [];
    for (const [i, to] of addresses.entries()) {
      smtp.held.add(to);
      await transactionOver(t.database.db)(async (r) => {
        await r.notifications.enqueueEmail([
          { id: `eml_shutdown_${i}`, to, subject: `Email ${i}`, body: 'Hello', createdAt: new Date() },
        ]);
        jobIds.push(await enqueueJob(r, emailDelivery, { outboxId: `eml_shutdown_${i}` }));
      });
    }

    // Another server on the database: it looks for due jobs as it starts (then not for an hour), and takes
    // two, its concurrency for emails; the SMTP server holds both messages.
    const closingServer = await createApp({
      config: testConfig({
        smtpUrl: smtp.url,
        deployment: { ...testConfig().deployment, jobPollIntervalMs: 3_600_000 },
      }),
      database: t.database,
      logger: false,
      webRoot: null,
      blobs: t.blobs,
    });
    await closingServer.ready();
    while ((await activeJobs()) < 2) await nextTurn();

    const closing = closingServer.close();
    // The SMTP server accepts the held messages, and any still on their way.
    smtp.held.clear();
    smtp.releaseHeld();
    await closing;

    const outbox = await Promise.all(
      addresses.map((_, i) => t.app.repos.notifications.findOutbox(`eml_shutdown_${i}`)),
    );
    const sent = outbox.filter((email) => email?.sentAt);
    const waiting = outbox.filter((email) => !email?.sentAt);
    expect(sent).toHaveLength(2);
    expect(smtp.received).toHaveLength(2);
    // The third was never tried: its job waits, as it was enqueued, for any server.
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ attempts: 0, failedAt: null });
    const states = await Promise.all(jobIds.map((id) => t.app.jobs.getJob(emailDelivery, id)));
    expect(states.map((job) => job?.state).sort()).toEqual(['completed', 'completed', 'created']);

    expect(await t.app.jobs.runDue()).toBe(1);
    expect(smtp.received).toHaveLength(3);
    expect(new Set(smtp.received.map((m) => m.to[0]))).toEqual(new Set(addresses.map((a) => `<${a}>`)));
  });
});
