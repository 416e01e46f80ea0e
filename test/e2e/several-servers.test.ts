/**
 * Several servers on one PostgreSQL (docs/ARCHITECTURE.md, Deployment: several servers): three server
 * processes, A, B and C, share one new database, one S3-compatible store (s3rver) and one SMTP server (the
 * test's fake). A journey goes across them through the HTTP API: create on A, upload on B, download on C,
 * submit on A, approve on B. Every read on one server sees the writes made on the others; every email the
 * journey causes reaches the SMTP server exactly once (counted by Message-ID); a server killed with SIGKILL
 * in the middle of sending an email leaves it to another server; and the sign-in limit holds whichever
 * server takes the attempts.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSmtpServer, startFakeSmtpServer } from '../support/fake-smtp-server.js';
import { S3RVER_CREDENTIALS, startS3TestServer } from '../support/s3-test-server.js';
import { expectApiError, postLogin } from './support/api.js';
import { pdfBytes } from './support/publisher-api.js';
import { DEMO_PASSWORD, type RunningServer, startServer } from './support/server.js';

/** Stopped, closed and dropped after the test, whatever happened, last made first. */
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

/** Sign-in attempts one account may make per minute from one address, set small on every server. */
const LOGIN_LIMIT = 4;
/**
 * How long one email attempt may run before the queue takes its server for dead and hands the job on. One
 * SMTP conversation is bounded by a third of it (server-jobs.ts): the test kills the server inside that.
 */
const ATTEMPT_TIMEOUT_SECONDS = 9;
const SENDER_DOMAIN = 'cosell.invalid';
const CONTOSO_MEMBERS = ['owner@contoso.example', 'editor@contoso.example', 'viewer@contoso.example'];
const OFFER_NAME = 'Contoso Fleet Insights';

interface Node {
  name: 'A' | 'B' | 'C';
  server: RunningServer;
}

interface Session {
  cookie: string;
  csrfToken: string;
}

interface OutboxItem {
  id: string;
  to: string;
  subject: string;
  body: string;
  state: 'waiting' | 'retrying' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
}

/** Resolves once `probe` gives something other than undefined; a guard against a hang, not a speed test. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function signIn(node: Node, email: string): Promise<Session> {
  const response = await postLogin(node.server.url, email, DEMO_PASSWORD);
  expect(response.status, `${email} signs in on ${node.name}`).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** One API call as `session` on `node`; writes carry the CSRF token and `If-Match: *`. */
async function call(
  session: Session,
  node: Node,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<Response> {
  const headers: Record<string, string> = { cookie: session.cookie };
  if (method !== 'GET') Object.assign(headers, { 'x-csrf-token': session.csrfToken, 'if-match': '*' });
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  return fetch(new URL(path, node.server.url), {
    method,
    headers,
    ...(body !== undefined && { body: body instanceof FormData ? body : JSON.stringify(body) }),
  });
}

/** The call's JSON answer, after checking its status. */
async function json<T>(response: Promise<Response>, status: number | 'success', what: string): Promise<T> {
  const answer = await response;
  const text = await answer.text();
  if (status === 'success') expect(answer.status, `${what}: ${text}`).toBeLessThan(300);
  else expect(answer.status, `${what}: ${text}`).toBe(status);
  return JSON.parse(text) as T;
}

/** The outbox id each message the SMTP server accepted carries in its Message-ID. */
function deliveredIds(smtp: FakeSmtpServer): string[] {
  return smtp.received.map(
    (message) =>
      new RegExp(`^message-id:\\s*<([^>@]+)@${SENDER_DOMAIN.replaceAll('.', '\\.')}>`, 'im').exec(
        message.data,
      )?.[1] ?? '(no Message-ID)',
  );
}

/** The outbox ids this server logged starting to send, with the attempt. */
function sendingLogged(node: Node): { outboxId: string; attempt: number }[] {
  const lines = node.server.stdout().split('\n');
  const sent: { outboxId: string; attempt: number }[] = [];
  for (const line of lines) {
    if (!line.includes('"sending an email"')) continue;
    const entry = JSON.parse(line) as { outboxId: string; attempt: number };
    sent.push({ outboxId: entry.outboxId, attempt: entry.attempt });
  }
  return sent;
}

const serverUrl = process.env.TEST_DATABASE_URL;
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const title =
  'three servers on one PostgreSQL, one object store and one SMTP server: a journey across them, every email once, a killed server’s job taken over, one sign-in limit';
// CI must run it (it fails there without a database); elsewhere say, where people look, that it was skipped.
const skip = !serverUrl && !inCi;
if (skip) beforeAll(() => console.warn(`!! e2e: "${title}" SKIPPED: TEST_DATABASE_URL is not set`));

describe('several servers', () => {
  it.skipIf(skip)(
    skip ? `${title} (SKIPPED: TEST_DATABASE_URL is not set)` : title,
    async () => {
      if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: CI must run the several-servers test');

      // One new database, one bucket, one SMTP server.
      const dbName = `cosell_e2e_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      await admin.end();
      cleanups.push(async () => {
        const dropper = new pg.Client({ connectionString: serverUrl });
        await dropper.connect();
        await dropper.query(`drop database if exists ${dbName} with (force)`);
        await dropper.end();
      });
      const databaseUrl = new URL(serverUrl);
      databaseUrl.pathname = `/${dbName}`;
      const s3 = await startS3TestServer();
      cleanups.push(() => s3.close());
      const smtp = await startFakeSmtpServer();
      cleanups.push(() => smtp.close());
      const db = new pg.Client({ connectionString: databaseUrl.toString() });
      await db.connect();
      cleanups.push(() => db.end());

      const env = {
        DATABASE_URL: databaseUrl.toString(),
        COSELL_BLOB_STORE: `s3://${s3.bucket}/several-servers`,
        COSELL_S3_ENDPOINT: s3.endpoint,
        COSELL_S3_FORCE_PATH_STYLE: 'true',
        ...S3RVER_CREDENTIALS,
        COSELL_SMTP_URL: smtp.url,
        COSELL_JOB_POLL_MS: '100',
        COSELL_JOB_MAINTENANCE_SECONDS: '1',
        COSELL_EMAIL_RETRY_DELAY_SECONDS: '0',
        COSELL_EMAIL_ATTEMPT_TIMEOUT_SECONDS: String(ATTEMPT_TIMEOUT_SECONDS),
        COSELL_LOGIN_RATE_LIMIT: String(LOGIN_LIMIT),
        // All the test's requests come from one address: only the per-account limit is under test.
        COSELL_LOGIN_RATE_LIMIT_PER_ADDRESS: '1000',
        // Each server logs the emails it starts sending: that is how the test finds the one to kill.
        COSELL_LOG_LEVEL: 'info',
      };
      const start = async (name: Node['name'], args: string[] = []): Promise<Node> => {
        const server = await startServer({ fresh: true, env, args });
        cleanups.push(() => server.stop());
        return { name, server };
      };
      // The three start at once on the new database (its migrations and the queue's schema are installed
      // under a lock); A loads the demo organisations and users.
      const [a, b, c] = await Promise.all([start('A', ['--demo']), start('B'), start('C')]);
      const nodes = [a, b, c];

      /** Waits until the queue has no email left to send or sending, then checks each was delivered once. */
      const allDelivered = async (adminSession: Session, on: Node): Promise<OutboxItem[]> => {
        const items = await waitFor('every email delivered', async () => {
          const { rows } = await db.query<{ n: number }>(
            "select count(*)::int as n from pgboss.job where name = 'email-delivery' and state in ('created', 'retry', 'active')",
          );
          if (rows[0]?.n !== 0) return undefined;
          const outbox = await json<{ items: OutboxItem[] }>(
            call(adminSession, on, 'GET', '/api/v1/admin/outbox'),
            200,
            'the outbox',
          );
          return outbox.items.every((item) => item.state === 'sent') ? outbox.items : undefined;
        });
        // Exactly once: every email of the outbox, and nothing else, by its Message-ID.
        expect(deliveredIds(smtp).sort()).toEqual(items.map((item) => item.id).sort());
        return items;
      };

      // --- The publisher's setup, spread over the three servers; each write read back on another.
      const owner = await signIn(a, 'owner@contoso.example');
      const offer = await json<{ id: string }>(
        call(owner, a, 'POST', '/api/v1/offers', { name: OFFER_NAME, offerType: 'SaaS', markets: ['SE'] }),
        201,
        'create the offer on A',
      );
      const base = `/api/v1/offers/${offer.id}`;
      expect(await json(call(owner, c, 'GET', base), 200, 'read it on C')).toMatchObject({
        id: offer.id,
        name: OFFER_NAME,
      });
      await json(
        call(owner, c, 'PUT', `${base}/co-sell/listing`, {
          platforms: ['Azure'],
          marketSegments: ['Enterprise'],
          solutionType: 'IP',
          solutionAreas: [{ area: 'DataAndAI', subAreas: ['AdvancedAnalytics'] }],
        }),
        'success',
        'the listing on C',
      );
      await json(
        call(owner, a, 'PUT', `${base}/co-sell/contacts`, {
          contacts: [
            {
              name: 'Sara Svensson',
              email: 'sara.svensson@contoso.example',
              jobTitle: 'Partner manager',
              role: 'PartnerSales',
              countries: ['SE'],
            },
          ],
        }),
        'success',
        'the contacts on A',
      );

      // Upload on B (into the shared bucket), download on C: the same bytes.
      const upload = (node: Node, slot: string, fileName: string, bytes: Buffer) => {
        const form = new FormData();
        form.append('slot', slot);
        form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName);
        return json<{ id: string; sha256: string }>(
          call(owner, node, 'POST', `${base}/co-sell/documents`, form),
          201,
          `upload ${fileName} on ${node.name}`,
        );
      };
      const onePagerBytes = pdfBytes(`${OFFER_NAME} one-pager`);
      const onePager = await upload(b, 'customerOnePager', 'one-pager.pdf', onePagerBytes);
      await upload(c, 'customerPresentation', 'pitch deck.pdf', pdfBytes(`${OFFER_NAME} pitch deck`));
      const download = await call(owner, c, 'GET', `${base}/co-sell/documents/${onePager.id}/content`);
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(onePagerBytes)).toBe(true);
      const listed = await json<{ slots: { id: string; files?: { id: string }[] }[] }>(
        call(owner, a, 'GET', `${base}/co-sell/documents`),
        200,
        'the documents on A',
      );
      expect(JSON.stringify(listed)).toContain(onePager.id);

      await json(call(owner, b, 'POST', `${base}/publish`), 200, 'publish on B');
      expect(
        await json<{ canSubmit: boolean }>(
          call(owner, c, 'GET', `${base}/co-sell/readiness`),
          200,
          'readiness on C',
        ),
      ).toMatchObject({ canSubmit: true });

      // Submit on A; the submission is seen on C, and in the reviewer's queue on B.
      const submission = await json<{ id: string; status: string }>(
        call(owner, a, 'POST', `${base}/co-sell/submissions`, { note: 'Across three servers.' }),
        201,
        'submit on A',
      );
      expect(submission.status).toBe('pending');
      const onC = await json<{ items: { id: string; status: string }[] }>(
        call(owner, c, 'GET', `${base}/co-sell/submissions`),
        200,
        'the submissions on C',
      );
      expect(onC.items[0]).toMatchObject({ id: submission.id, status: 'pending' });
      const reviewer = await signIn(b, 'reviewer@vendor.example');
      const queue = await json<{ items: { submissionId: string }[] }>(
        call(reviewer, b, 'GET', '/api/v1/reviews'),
        200,
        'the review queue on B',
      );
      expect(queue.items.map((item) => item.submissionId)).toContain(submission.id);

      // Every email so far (the demo's and the journey's) delivered once, whichever server took it.
      const adminUser = await signIn(c, 'admin@vendor.example');
      const beforeApproval = await allDelivered(adminUser, c);
      expect(beforeApproval.some((item) => item.body.includes(OFFER_NAME))).toBe(true);

      // --- One sign-in limit for the three: the attempts past it are refused wherever they land.
      const target = 'editor@contoso.example';
      for (let i = 0; i < LOGIN_LIMIT; i++) {
        const node = nodes[i % nodes.length] as Node;
        await expectApiError(await postLogin(node.server.url, target, 'not the password'), 401);
      }
      for (let i = LOGIN_LIMIT; i < LOGIN_LIMIT + nodes.length; i++) {
        const node = nodes[i % nodes.length] as Node;
        const refused = await postLogin(node.server.url, target, DEMO_PASSWORD);
        await expectApiError(refused, 429);
        expect(Number(refused.headers.get('retry-after')), `Retry-After on ${node.name}`).toBeGreaterThan(0);
        expect(refused.headers.get('ratelimit-limit')).toBe(String(LOGIN_LIMIT));
        expect(refused.headers.get('ratelimit-remaining')).toBe('0');
      }

      // --- Approve on B while the SMTP server holds every email to Contoso's members unanswered; kill a
      // server that is sending one of them, and another server sends it once its attempt expires.
      for (const member of CONTOSO_MEMBERS) smtp.held.add(member);
      const heldArrivals: string[] = [];
      const watchHeld = () =>
        void smtp.nextHeld().then((to) => {
          heldArrivals.push(to);
          watchHeld();
        });
      watchHeld();
      const known = new Set(beforeApproval.map((item) => item.id));
      const approved = await json<{ status: string }>(
        call(reviewer, b, 'POST', `/api/v1/reviews/${submission.id}/decision`, { decision: 'approve' }),
        200,
        'approve on B',
      );
      expect(approved.status).toBe('approved');
      const approvalEmails = (
        await json<{ items: OutboxItem[] }>(
          call(adminUser, a, 'GET', '/api/v1/admin/outbox'),
          200,
          'the outbox',
        )
      ).items.filter((item) => !known.has(item.id));
      expect(approvalEmails.map((item) => item.to)).toContain('owner@contoso.example');
      for (const email of approvalEmails) expect(CONTOSO_MEMBERS).toContain(email.to);
      const approvalIds = approvalEmails.map((item) => item.id);

      // Each approval email is at the SMTP server, held; which server is sending which, from their logs.
      await waitFor('the approval emails held at the SMTP server', () =>
        heldArrivals.length >= approvalIds.length ? true : undefined,
      );
      const senders = await waitFor('the servers sending the approval emails', () => {
        const bySender = nodes.map((node) => ({
          node,
          ids: sendingLogged(node)
            .filter((sent) => approvalIds.includes(sent.outboxId))
            .map((sent) => sent.outboxId),
        }));
        const seen = new Set(bySender.flatMap((sender) => sender.ids));
        return approvalIds.every((id) => seen.has(id)) ? bySender : undefined;
      });
      const victim = senders.find((sender) => sender.ids.length > 0);
      if (!victim) throw new Error('no server is sending an approval email');
      expect(await victim.node.server.stop('SIGKILL')).toBeNull();
      const survivors = nodes.filter((node) => node !== victim.node);
      // The survivors' held emails are accepted now; the killed server's connection is gone with it.
      smtp.held.clear();
      smtp.releaseHeld();

      const afterApproval = await allDelivered(adminUser, survivors[0] as Node);
      const byId = new Map(afterApproval.map((item) => [item.id, item]));
      for (const id of approvalIds) {
        // The killed server's attempt counted, then another server's sent it; the others took one attempt.
        const killedDuringIt = victim.ids.includes(id);
        expect(byId.get(id), `email ${id}`).toMatchObject({
          state: 'sent',
          attempts: killedDuringIt ? 2 : 1,
        });
        if (killedDuringIt)
          expect(
            survivors.some((node) =>
              sendingLogged(node).some((sent) => sent.outboxId === id && sent.attempt === 2),
            ),
            `a surviving server sent ${id} on the second attempt`,
          ).toBe(true);
      }

      // The decision is seen on every server still running.
      for (const node of survivors) {
        const submissions = await json<{ items: { id: string; status: string }[] }>(
          call(owner, node, 'GET', `${base}/co-sell/submissions`),
          200,
          `the submissions on ${node.name}`,
        );
        expect(submissions.items[0]).toMatchObject({ id: submission.id, status: 'approved' });
      }
    },
    300_000,
  );
});
