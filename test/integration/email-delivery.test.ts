import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOutboxDispatcher } from '../../src/server/mail/outbox-dispatcher.js';
import { startFakeSmtpServer } from '../support/fake-smtp-server.js';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, manualClock, type TestApp } from '../support/test-app.js';

describe('email delivery of the outbox through SMTP', () => {
  let t: TestApp;
  let personas: Personas;
  const clock = manualClock();

  beforeAll(async () => {
    t = await createTestApp({ clock });
    personas = await createPersonas(t.app);
  });
  afterAll(() => t?.close());

  async function enqueue(subject: string) {
    await t.app.repos.notifications.enqueueEmail([
      {
        id: `eml_${subject}`,
        to: personas.byName.contosoOwner.email,
        subject,
        body: `Hello,\n\n${subject} happened.\n`,
        createdAt: clock.now(),
      },
    ]);
  }

  it('sends every waiting email once and marks it sent', async () => {
    const smtp = await startFakeSmtpServer();
    const dispatcher = startOutboxDispatcher({
      repos: t.app.repos,
      clock,
      smtpUrl: smtp.url,
      from: 'cosell <no-reply@cosell.test>',
      log: console,
    });
    try {
      await enqueue('Status changed');
      await enqueue('Submission approved');
      expect(await dispatcher.flush()).toBe(2);
      expect(await dispatcher.flush()).toBe(0);
      expect(smtp.received.map((m) => m.to)).toEqual([
        [`<${personas.byName.contosoOwner.email}>`],
        [`<${personas.byName.contosoOwner.email}>`],
      ]);
      expect(smtp.received[0]?.data).toContain('Subject: Status changed');
      expect(smtp.received[0]?.data).toContain('Status changed happened.');
      const outbox = await t.app.repos.notifications.listOutbox(10);
      expect(outbox.every((e) => e.sentAt?.toISOString() === clock.now().toISOString())).toBe(true);
    } finally {
      dispatcher.stop();
      await smtp.close();
    }
  });

  it('keeps an email in the outbox when the server cannot be reached, and sends it later', async () => {
    await enqueue('Later');
    const failing = startOutboxDispatcher({
      repos: t.app.repos,
      clock,
      smtpUrl: 'smtp://127.0.0.1:1',
      from: 'cosell <no-reply@cosell.test>',
      log: { warn: () => undefined },
    });
    expect(await failing.flush()).toBe(0);
    failing.stop();
    expect((await t.app.repos.notifications.listUnsent(10)).map((e) => e.subject)).toEqual(['Later']);

    const smtp = await startFakeSmtpServer();
    const dispatcher = startOutboxDispatcher({
      repos: t.app.repos,
      clock,
      smtpUrl: smtp.url,
      from: 'cosell <no-reply@cosell.test>',
      log: console,
    });
    try {
      expect(await dispatcher.flush()).toBe(1);
      expect(smtp.received.map((m) => m.data.includes('Subject: Later'))).toEqual([true]);
    } finally {
      dispatcher.stop();
      await smtp.close();
    }
  });
});
