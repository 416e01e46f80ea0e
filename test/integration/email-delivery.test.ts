import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEmail } from '../../src/domain/schemas/notifications.js';
import { defaultDeploymentConfig } from '../../src/server/deployment-config.js';
import { enqueueJob } from '../../src/server/jobs/job-queue.js';
import { emailDelivery } from '../../src/server/mail/email-delivery.js';
import { transactionOver } from '../../src/server/services/transaction.js';
import { type FakeSmtpServer, startFakeSmtpServer } from '../support/fake-smtp-server.js';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, manualClock, type TestApp } from '../support/test-app.js';

/**
 * Emails go out through the job queue: one delivery job per email, written in the transaction that writes
 * the email; attempts with backoff; a refused address never holds up others; a job given up is shown to
 * admins with its last error and can be retried. Due jobs run by hand here (app.jobs.runDue()).
 */
describe('email delivery through the job queue', () => {
  let t: TestApp;
  let personas: Personas;
  let smtp: FakeSmtpServer;
  const clock = manualClock();
  const ATTEMPTS = 3;

  beforeAll(async () => {
    smtp = await startFakeSmtpServer();
    t = await createTestApp({
      clock,
      config: {
        smtpUrl: smtp.url,
        smtpFrom: 'cosell <no-reply@cosell.test>',
        // Retries due at once, so each runDue() is the next attempt (the backoff has its own test below).
        deployment: {
          ...defaultDeploymentConfig,
          jobPollIntervalMs: 0,
          jobMaintenanceIntervalSeconds: 0,
          emailAttempts: ATTEMPTS,
          emailRetryDelaySeconds: 0,
        },
      },
    });
    personas = await createPersonas(t.app);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  let sequence = 0;
  /** Writes an email and its job in one transaction, as notification-service does. */
  async function writeEmail(to: string, subject: string, options: { rollBack?: boolean } = {}) {
    const id = `eml_test_${++sequence}`;
    await transactionOver(t.database.db)(async (r) => {
      await r.notifications.enqueueEmail([
        { id, to, subject, body: `Hello,\n\n${subject} happened.\n`, createdAt: clock.now() },
      ]);
      await enqueueJob(r, emailDelivery, { outboxId: id });
      if (options.rollBack) throw new Error('rolled back');
    }).catch((error: Error) => {
      if (error.message !== 'rolled back') throw error;
    });
    return id;
  }

  async function outbox(): Promise<Map<string, OutboxEmail>> {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/outbox',
      headers: personas.byName.admin.headers,
    });
    expect(response.statusCode).toBe(200);
    return new Map((response.json() as { items: OutboxEmail[] }).items.map((e) => [e.id, e]));
  }

  const subjects = () => smtp.received.map((m) => /^Subject: (.*)$/m.exec(m.data)?.[1]);

  it('sends every waiting email once, with a Message-ID made from its outbox id, and marks it sent', async () => {
    const owner = personas.byName.contosoOwner.email;
    const first = await writeEmail(owner, 'Status changed');
    await writeEmail(owner, 'Submission approved');
    expect(await t.app.jobs.runDue()).toBe(2);
    expect(await t.app.jobs.runDue()).toBe(0);
    expect(smtp.received.map((m) => m.to)).toEqual([[`<${owner}>`], [`<${owner}>`]]);
    expect(subjects()).toEqual(['Status changed', 'Submission approved']);
    expect(smtp.received[0]?.data).toContain('Status changed happened.');
    expect(smtp.received[0]?.data).toMatch(new RegExp(`^Message-ID: <${first}@cosell\\.test>`, 'mi'));
    const sent = (await outbox()).get(first);
    expect(sent).toMatchObject({ state: 'sent', attempts: 1, lastError: null, failedAt: null });
    expect(sent?.sentAt).toBe(clock.now().toISOString());
  });

  it('writes no job for an email whose transaction rolls back', async () => {
    smtp.received.length = 0;
    const id = await writeEmail(personas.byName.contosoOwner.email, 'Never happened', { rollBack: true });
    expect(await t.app.jobs.runDue()).toBe(0);
    expect(smtp.received).toEqual([]);
    expect((await outbox()).has(id)).toBe(false);
  });

  it('delivers the others when one address is refused, retries it, gives it up with the last error, and an admin retries it', async () => {
    smtp.received.length = 0;
    const refused = 'nobody@contoso.test';
    smtp.refused.add(refused);
    const bad = await writeEmail(refused, 'To nobody');
    await writeEmail(personas.byName.contosoOwner.email, 'After the refused one');
    await writeEmail(personas.byName.fabrikamOwner.email, 'And another');

    // Retries are due at once here: one round runs every attempt, and the given-up job reaches the outbox.
    await t.app.jobs.runDue();
    expect(subjects()).toEqual(['After the refused one', 'And another']);
    const email = (await outbox()).get(bad);
    expect(email).toMatchObject({ state: 'failed', attempts: ATTEMPTS, sentAt: null });
    expect(email?.failedAt).toBe(clock.now().toISOString());
    expect(email?.lastError).toMatch(/550 5\.1\.1 No such mailbox here/);
    expect(smtp.received).toHaveLength(2);

    const retry = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/admin/outbox/${bad}/retry`,
        headers: personas.byName.admin.headers,
      });
    smtp.refused.delete(refused);
    const retried = await retry();
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ id: bad, state: 'retrying', failedAt: null });
    const again = await retry();
    expect(again.statusCode).toBe(409);
    expect(errorBody(again).message).toMatch(/still being tried/);

    await t.app.jobs.runDue();
    expect(subjects()).toEqual(['After the refused one', 'And another', 'To nobody']);
    expect((await outbox()).get(bad)).toMatchObject({
      state: 'sent',
      attempts: ATTEMPTS + 1,
      lastError: null,
    });
    const delivered = await retry();
    expect(delivered.statusCode).toBe(409);
    expect(errorBody(delivered).message).toMatch(/delivered already/);
  });

  it('answers 404 for a retry of an email that does not exist, and 403 to anyone but an admin', async () => {
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/outbox/eml_missing/retry',
      headers: personas.byName.admin.headers,
    });
    expect(missing.statusCode).toBe(404);
    expect(errorBody(missing).error).toBe('not_found');
    const owner = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/outbox/eml_missing/retry',
      headers: personas.byName.contosoOwner.headers,
    });
    expect(owner.statusCode).toBe(403);
  });

  it('gives a job whose server died during its attempt to the next server, after the attempt expires', async () => {
    smtp.received.length = 0;
    const id = await writeEmail(personas.byName.contosoOwner.email, 'Survives a crash');
    // A server takes the job and dies: the job stays active, started long ago, past its expiry.
    const [taken] = await t.app.repos.jobs
      .executeSql(
        `update pgboss.job set state = 'active', started_on = now() - interval '1 hour'
        where name = 'email-delivery' and data->>'outboxId' = $1 returning id`,
        [id],
      )
      .then((result) => result.rows as { id: string }[]);
    expect(taken).toBeDefined();
    expect(await t.app.jobs.runDue()).toBe(0);
    await t.app.jobs.maintain();
    await t.app.jobs.runDue();
    expect(subjects()).toEqual(['Survives a crash']);
    expect((await outbox()).get(id)).toMatchObject({ state: 'sent' });
  });
});

describe('email delivery backoff', () => {
  let t: TestApp;
  let smtp: FakeSmtpServer;

  beforeAll(async () => {
    smtp = await startFakeSmtpServer();
    t = await createTestApp({
      config: {
        smtpUrl: smtp.url,
        deployment: {
          ...defaultDeploymentConfig,
          jobPollIntervalMs: 0,
          jobMaintenanceIntervalSeconds: 0,
          emailRetryDelaySeconds: 3600,
        },
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('waits between one and two retry delays before the second attempt, and does not try before', async () => {
    smtp.refused.add('later@contoso.test');
    let jobId = '';
    await transactionOver(t.database.db)(async (r) => {
      await r.notifications.enqueueEmail([
        {
          id: 'eml_backoff',
          to: 'later@contoso.test',
          subject: 'Later',
          body: 'Later',
          createdAt: new Date(),
        },
      ]);
      jobId = await enqueueJob(r, emailDelivery, { outboxId: 'eml_backoff' });
    });
    expect(await t.app.jobs.runDue()).toBe(1);
    const job = await t.app.jobs.getJob(emailDelivery, jobId);
    const { rows } = await t.app.repos.jobs.executeSql('select now() as now');
    const now = new Date((rows[0] as { now: string | Date }).now).getTime();
    expect(job?.state).toBe('retry');
    const waitSeconds = (new Date(job?.startAfter ?? 0).getTime() - now) / 1000;
    // delay · (1 + random): the jitter spreads retries; the bound below only guards a slow run.
    expect(waitSeconds).toBeGreaterThan(3600 - 600);
    expect(waitSeconds).toBeLessThanOrEqual(7200);
    expect(await t.app.jobs.runDue()).toBe(0);
    const row = await t.app.repos.notifications.findOutbox('eml_backoff');
    expect(row).toMatchObject({ attempts: 1, sentAt: null, failedAt: null });
    expect(row?.lastError).toMatch(/550/);
    const listed = await t.app.services.notifications.listOutbox();
    expect(listed.items.find((e) => e.id === 'eml_backoff')?.state).toBe('retrying');
  });
});
