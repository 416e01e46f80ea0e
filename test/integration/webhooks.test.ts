import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventPage } from '../../src/domain/schemas/events.js';
import type {
  CreatedWebhookEndpoint,
  DeliveryPage,
  WebhookDelivery,
  WebhookEndpoint,
} from '../../src/domain/schemas/webhooks.js';
import { RETRY_DELAYS_MS } from '../../src/domain/webhooks/retry-schedule.js';
import { createPersonas, type PersonaName, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, manualClock, type TestApp } from '../support/test-app.js';
import {
  type ReceivedWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/webhook-receiver.js';

/**
 * Issue #17, webhooks: endpoints per organisation and platform-wide, deliveries signed as Standard Webhooks
 * says (checked with the `standardwebhooks` package, a verifier nobody here wrote) and received by a real
 * HTTP server on loopback (COSELL_WEBHOOK_ALLOW_PRIVATE), the retry schedule with Retry-After, 410, secret
 * rotation with its overlap, the delivery log, replays and the test event. Due jobs run by hand; a retry's
 * wait is checked, then made due at once.
 */
describe('webhooks', () => {
  let t: TestApp;
  let personas: Personas;
  let receiver: WebhookReceiver;
  const clock = manualClock();
  const as = (name: PersonaName) => personas.byName[name].headers;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await createTestApp({ clock, config: { webhookAllowPrivate: true } });
    personas = await createPersonas(t.app);
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });
  beforeEach(async () => {
    // Each test starts with no endpoint and nothing waiting, and takes the receiver's default answer.
    await t.app.repos.jobs.executeSql("delete from pgboss.job where name like 'webhook-delivery%'");
    await t.app.repos.jobs.executeSql('delete from webhook_endpoints');
    receiver.received.length = 0;
    receiver.answers.length = 0;
  });

  const request = (
    name: PersonaName,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...as(name), ...headers },
      ...(payload && { payload: payload as Record<string, unknown> }),
    });

  async function createEndpoint(body: object = {}, name: PersonaName = 'contosoOwner') {
    const url =
      name === 'admin' ? '/api/v1/admin/webhooks' : `/api/v1/organizations/${personas.contosoId}/webhooks`;
    const response = await request(name, 'POST', url, { url: receiver.url, ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as CreatedWebhookEndpoint;
  }

  async function createOffer(name = 'Webhook Analytics', owner: PersonaName = 'contosoOwner') {
    const response = await request(owner, 'POST', '/api/v1/offers', {
      name,
      offerType: 'SaaS',
      markets: ['SE'],
    });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; version: number };
  }

  /** Makes every waiting delivery job due now (their waits are checked where they matter) and runs them. */
  async function deliverDue(): Promise<number> {
    await t.app.repos.jobs.executeSql(
      "update pgboss.job set start_after = now() - interval '1 second' where name = 'webhook-delivery' and state in ('created', 'retry')",
    );
    return t.app.jobs.runDue();
  }

  /** Verifies a delivery as a receiver would, with the receiver's clock at ours. */
  function verify(secret: string, webhook: ReceivedWebhook): unknown {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(clock.now());
    try {
      return new Webhook(secret).verify(webhook.body, webhook.headers as Record<string, string>);
    } finally {
      vi.useRealTimers();
    }
  }

  async function deliveries(endpointId: string): Promise<WebhookDelivery[]> {
    const response = await request(
      'contosoOwner',
      'GET',
      `/api/v1/webhooks/${endpointId}/deliveries?limit=100`,
    );
    expect(response.statusCode).toBe(200);
    return (response.json() as DeliveryPage).items;
  }

  it('gives the secret once, and delivers events signed as Standard Webhooks says', async () => {
    const { endpoint, secret } = await createEndpoint({ description: 'CRM sync' });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(endpoint).toMatchObject({
      organizationId: personas.contosoId,
      url: receiver.url,
      description: 'CRM sync',
      eventTypes: [],
      enabled: true,
      secretPrefix: secret.slice(0, 10),
    });
    const read = await request('contosoOwner', 'GET', `/api/v1/webhooks/${endpoint.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(secret.slice(10));

    const offer = await createOffer();
    expect(receiver.received).toEqual([]);
    expect(await deliverDue()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [webhook] = receiver.received as [ReceivedWebhook];
    expect(webhook.headers['content-type']).toBe('application/json');
    expect(webhook.headers['webhook-timestamp']).toBe(String(Math.floor(clock.now().getTime() / 1000)));
    const payload = verify(secret, webhook) as { type: string; id: string; data: object };
    expect(payload).toEqual({
      type: 'offer.created',
      id: webhook.headers['webhook-id'],
      timestamp: clock.now().toISOString(),
      organizationId: personas.contosoId,
      data: { offerId: offer.id, version: 1, link: `/api/v1/offers/${offer.id}` },
    });
    // The same event as the feed gives it.
    const feed = (
      await request('contosoOwner', 'GET', '/api/v1/events?types=offer.created&limit=500')
    ).json() as EventPage;
    expect(feed.items.find((e) => e.id === payload.id)?.data).toEqual(payload.data);
    // Another secret does not verify it.
    expect(() => verify(`whsec_${Buffer.alloc(32, 1).toString('base64')}`, webhook)).toThrow(
      /No matching signature/,
    );

    const [delivery] = await deliveries(endpoint.id);
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 1,
      eventType: 'offer.created',
      body: webhook.body,
    });
    expect(delivery?.attemptLog).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: 204, error: null, at: clock.now().toISOString() }),
    ]);
    expect(delivery?.attemptLog[0]?.requestHeaders['webhook-signature']).toBe(
      webhook.headers['webhook-signature'],
    );
  });

  it("sends an endpoint only its event types and its organisation's events; a platform endpoint gets every organisation's", async () => {
    const published = await createEndpoint({ eventTypes: ['offer.published'] });
    const platform = await createEndpoint({}, 'admin');
    const offer = await createOffer();
    await createOffer('Fabrikam Thing', 'fabrikamOwner');
    const publish = await request('contosoOwner', 'POST', `/api/v1/offers/${offer.id}/publish`, undefined, {
      'if-match': '"1"',
    });
    expect(publish.statusCode).toBe(200);
    await deliverDue();
    expect((await deliveries(published.endpoint.id)).map((d) => d.eventType)).toEqual(['offer.published']);
    const platformLog = await request('admin', 'GET', `/api/v1/webhooks/${platform.endpoint.id}/deliveries`);
    const platformItems = (platformLog.json() as DeliveryPage).items;
    expect(
      platformItems.map((d) => [
        d.eventType,
        (JSON.parse(d.body) as { organizationId: string }).organizationId,
      ]),
    ).toEqual([
      ['offer.published', personas.contosoId],
      ['offer.created', personas.fabrikamId],
      ['offer.created', personas.contosoId],
    ]);
    // Each request is signed with its own endpoint's secret.
    expect(receiver.received).toHaveLength(4);
    const platformIds = new Set(platformItems.map((d) => d.id));
    for (const webhook of receiver.received) {
      const isPlatform = (await deliveries(published.endpoint.id)).every(
        (d) => d.attemptLog[0]?.requestHeaders['webhook-signature'] !== webhook.headers['webhook-signature'],
      );
      expect(verify(isPlatform ? platform.secret : published.secret, webhook)).toBeTruthy();
    }
    expect(platformIds.size).toBe(3);
  });

  it('retries on the schedule, honours Retry-After, logs every attempt, and delivers under one webhook-id', async () => {
    const { endpoint, secret } = await createEndpoint();
    receiver.answers.push(
      { status: 500, body: 'database down' },
      { status: 503, headers: { 'retry-after': '7200' } },
      { status: 302, headers: { location: 'https://elsewhere.example/' } },
    );
    await createOffer();
    expect(await deliverDue()).toBe(1);
    let [delivery] = await deliveries(endpoint.id);
    const wait = (d: WebhookDelivery | undefined) =>
      new Date(d?.nextAttemptAt ?? 0).getTime() - clock.now().getTime();
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500' });
    // 5 s, give or take the jitter of a tenth.
    expect(wait(delivery)).toBeGreaterThanOrEqual(4500);
    expect(wait(delivery)).toBeLessThanOrEqual(5500);
    // The retry's job is not due before then (measured on the database's clock).
    const { rows } = await t.app.repos.jobs.executeSql(
      `select extract(epoch from start_after - now()) as seconds from pgboss.job
        where name = 'webhook-delivery' and state = 'created' and data->>'deliveryId' = $1`,
      [delivery?.id],
    );
    const seconds = Number((rows[0] as { seconds: string }).seconds);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(6);
    expect(await t.app.jobs.runDue()).toBe(0);

    clock.advance(5000);
    await deliverDue();
    [delivery] = await deliveries(endpoint.id);
    // Retry-After asked for two hours, longer than the schedule's 5 minutes.
    expect(delivery).toMatchObject({ status: 'pending', attempts: 2, lastError: 'HTTP 503' });
    expect(wait(delivery)).toBe(7_200_000);

    clock.advance(7_200_000);
    await deliverDue();
    [delivery] = await deliveries(endpoint.id);
    expect(delivery).toMatchObject({ attempts: 3, lastError: 'HTTP 302: redirects are not followed' });
    expect(receiver.received.map((w) => w.path)).toEqual(['/hooks', '/hooks', '/hooks']);
    // The schedule's third step: 30 minutes.
    expect(wait(delivery)).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[2] * 0.9);
    expect(wait(delivery)).toBeLessThanOrEqual(RETRY_DELAYS_MS[2] * 1.1);

    clock.advance(wait(delivery));
    await deliverDue();
    [delivery] = await deliveries(endpoint.id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 4, nextAttemptAt: null });
    // Failing since the first attempt, and no longer once one succeeded.
    const after = await request('contosoOwner', 'GET', `/api/v1/webhooks/${endpoint.id}`);
    expect((after.json() as WebhookEndpoint).failingSince).toBeNull();
    expect(delivery?.attemptLog.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 500],
      [2, 503],
      [3, 302],
      [4, 204],
    ]);
    expect(delivery?.attemptLog[0]?.responseBody).toBe('database down');
    const ids = new Set(receiver.received.map((w) => w.headers['webhook-id']));
    expect(ids.size).toBe(1);
    // Each attempt is signed afresh, with its own timestamp; every one verifies.
    for (const webhook of receiver.received.slice(-1)) expect(verify(secret, webhook)).toBeTruthy();
    expect(new Set(receiver.received.map((w) => w.headers['webhook-timestamp'])).size).toBe(4);
  });

  it('gives a delivery up after the tenth failed attempt, having waited each step of the schedule', async () => {
    const { endpoint } = await createEndpoint();
    for (let i = 0; i < 10; i++) receiver.answers.push({ status: 500 });
    await createOffer();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      await deliverDue();
      const [delivery] = await deliveries(endpoint.id);
      expect(delivery?.attempts).toBe(attempt);
      if (delivery?.nextAttemptAt) {
        const wait = new Date(delivery.nextAttemptAt).getTime() - clock.now().getTime();
        waits.push(wait);
        clock.advance(wait);
      }
    }
    waits.forEach((wait, i) => {
      const step = RETRY_DELAYS_MS[i] as number;
      expect(wait).toBeGreaterThanOrEqual(step * 0.9);
      expect(wait).toBeLessThanOrEqual(step * 1.1);
    });
    expect(waits).toHaveLength(9);
    const [delivery] = await deliveries(endpoint.id);
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: 10,
      nextAttemptAt: null,
      lastError: 'HTTP 500',
    });
    expect(await deliverDue()).toBe(0);
    expect(receiver.received).toHaveLength(10);
  });

  it('disables the endpoint on 410 Gone and sends it nothing more until it is enabled again', async () => {
    const { endpoint } = await createEndpoint();
    receiver.answers.push({ status: 410 });
    const offer = await createOffer();
    await deliverDue();
    const read = (
      await request('contosoOwner', 'GET', `/api/v1/webhooks/${endpoint.id}`)
    ).json() as WebhookEndpoint;
    expect(read).toMatchObject({ enabled: false, disabledReason: 'gone' });
    expect((await deliveries(endpoint.id))[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'HTTP 410',
    });

    await request(
      'contosoOwner',
      'PATCH',
      `/api/v1/offers/${offer.id}`,
      { name: 'Renamed' },
      { 'if-match': '*' },
    );
    expect(await deliverDue()).toBe(0);
    expect(await deliveries(endpoint.id)).toHaveLength(1);
    const test = await request('contosoOwner', 'POST', `/api/v1/webhooks/${endpoint.id}/test`);
    expect(test.statusCode).toBe(409);
    expect(errorBody(test).message).toMatch(/disabled/);

    const enabled = await request(
      'contosoOwner',
      'PATCH',
      `/api/v1/webhooks/${endpoint.id}`,
      { enabled: true },
      {
        'if-match': `"${read.version}"`,
      },
    );
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json()).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
    await request(
      'contosoOwner',
      'PATCH',
      `/api/v1/offers/${offer.id}`,
      { name: 'Renamed again' },
      { 'if-match': '*' },
    );
    expect(await deliverDue()).toBe(1);
    expect(receiver.received).toHaveLength(2);
  });

  it('disables an endpoint whose deliveries have failed for five days with no success between', async () => {
    const { endpoint } = await createEndpoint();
    for (let i = 0; i < 30; i++) receiver.answers.push({ status: 500 });
    const read = async () =>
      (await request('contosoOwner', 'GET', `/api/v1/webhooks/${endpoint.id}`)).json() as WebhookEndpoint;
    const since = clock.now().toISOString();
    await createOffer('Fails from here on');
    await deliverDue();
    expect((await read()).failingSince).toBe(since);
    clock.advance(5 * 24 * 3_600_000 - 1000);
    await createOffer('Still failing, not yet five days');
    await deliverDue();
    expect(await read()).toMatchObject({ enabled: true, failingSince: since });
    clock.advance(1000);
    await deliverDue();
    expect(await read()).toMatchObject({ enabled: false, disabledReason: 'failing', failingSince: since });
  });

  /** The notifications about one endpoint that a persona has, with what they say and where they link. */
  async function noticesAbout(name: PersonaName, endpointId: string) {
    const response = await request(name, 'GET', '/api/v1/notifications');
    expect(response.statusCode).toBe(200);
    return (
      response.json() as {
        items: { kind: string; message: string; target: { page: string; endpointId?: string } | null }[];
      }
    ).items.filter((n) => n.target?.endpointId === endpointId);
  }

  async function emailsTo(address: string) {
    const response = await request('admin', 'GET', '/api/v1/admin/outbox');
    return (response.json() as { items: { to: string; subject: string; body: string }[] }).items.filter(
      (e) => e.to === address,
    );
  }

  it("tells the organisation's owners, and no one else, once, when it disables an endpoint that answered 410", async () => {
    const { endpoint } = await createEndpoint();
    const ownerEmails = (await emailsTo('owner@contoso.test')).length;
    receiver.answers.push({ status: 410 }, { status: 410 });
    await createOffer('Gone one');
    await createOffer('Gone two');
    await deliverDue();
    expect(await noticesAbout('contosoOwner', endpoint.id)).toEqual([
      {
        kind: 'webhookEndpointGone',
        message: `cosell disabled the webhook endpoint ${receiver.url}: it answered 410 Gone.`,
        target: { page: 'webhook', endpointId: endpoint.id },
        id: expect.any(String),
        offerId: null,
        content: expect.objectContaining({ key: 'notifications.messages.webhookEndpointGone' }),
        createdAt: expect.any(String),
        readAt: null,
      },
    ]);
    for (const other of ['contosoEditor', 'contosoViewer', 'fabrikamOwner', 'admin'] as const)
      expect(await noticesAbout(other, endpoint.id)).toEqual([]);
    const emails = await emailsTo('owner@contoso.test');
    expect(emails).toHaveLength(ownerEmails + 1);
    expect(emails[0]).toMatchObject({ subject: `Webhook endpoint ${receiver.url} disabled` });
    expect(emails[0]?.body).toContain(
      `cosell disabled the webhook endpoint ${receiver.url}: it answered 410 Gone.`,
    );

    const audit = await request(
      'contosoOwner',
      'GET',
      `/api/v1/organizations/${personas.contosoId}/audit?from=2000-01-01&to=2100-01-01`,
    );
    const records = audit.body
      .split('\n')
      .filter(Boolean)
      .map(
        (line) => JSON.parse(line) as { subjectId: string; action: string; actor: string; summary: string },
      );
    expect(records.filter((r) => r.subjectId === endpoint.id && r.action === 'disabled')).toEqual([
      expect.objectContaining({
        actor: 'cosell',
        summary: `cosell disabled the webhook endpoint ${receiver.url}: it answered 410 Gone`,
      }),
    ]);
  });

  it("tells admins, in each one's language, when it disables a platform endpoint failing for five days", async () => {
    const { endpoint } = await createEndpoint({}, 'admin');
    const saved = await request('admin', 'PUT', '/api/v1/me/preferences', { locale: 'sv' });
    expect(saved.statusCode).toBe(200);
    for (let i = 0; i < 30; i++) receiver.answers.push({ status: 500 });
    await createOffer('Fails for the platform');
    await deliverDue();
    expect(await noticesAbout('admin', endpoint.id)).toEqual([]);
    clock.advance(5 * 24 * 3_600_000);
    await deliverDue();
    const notices = await noticesAbout('admin', endpoint.id);
    expect(notices.map((n) => [n.kind, n.message])).toEqual([
      [
        'webhookEndpointFailing',
        `cosell disabled the webhook endpoint ${receiver.url}: its deliveries had failed for 5 days.`,
      ],
    ]);
    expect(await noticesAbout('contosoOwner', endpoint.id)).toEqual([]);
    const email = (await emailsTo('admin@vendor.test'))[0];
    expect(email?.subject).toBe(`Webhook-slutpunkten ${receiver.url} har inaktiverats`);
    expect(email?.body).toContain('hade misslyckats i 5 dagar');
    await request('admin', 'PUT', '/api/v1/me/preferences', { locale: 'en' });
  });

  it('signs with both secrets during a rotation overlap, and with the new one alone after it', async () => {
    const { endpoint, secret: first } = await createEndpoint();
    const rotated = await request('contosoOwner', 'POST', `/api/v1/webhooks/${endpoint.id}/rotate-secret`, {
      overlapHours: 24,
    });
    expect(rotated.statusCode).toBe(200);
    const { secret: second, endpoint: after } = rotated.json() as CreatedWebhookEndpoint;
    expect(second).not.toBe(first);
    expect(after.previousSecretExpiresAt).toBe(
      new Date(clock.now().getTime() + 24 * 3_600_000).toISOString(),
    );

    await createOffer('During the overlap');
    await deliverDue();
    const during = receiver.received.at(-1) as ReceivedWebhook;
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(first, during)).toMatchObject({ type: 'offer.created' });
    expect(verify(second, during)).toMatchObject({ type: 'offer.created' });

    clock.advance(24 * 3_600_000 + 1000);
    await createOffer('After the overlap');
    await deliverDue();
    const later = receiver.received.at(-1) as ReceivedWebhook;
    expect(String(later.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verify(second, later)).toMatchObject({ type: 'offer.created' });
    expect(() => verify(first, later)).toThrow(/No matching signature/);

    // An overlap of 0 ends the old secret at once.
    const now = await request('contosoOwner', 'POST', `/api/v1/webhooks/${endpoint.id}/rotate-secret`, {
      overlapHours: 0,
    });
    const third = (now.json() as CreatedWebhookEndpoint).secret;
    await createOffer('Rotated at once');
    await deliverDue();
    const last = receiver.received.at(-1) as ReceivedWebhook;
    expect(verify(third, last)).toBeTruthy();
    expect(() => verify(second, last)).toThrow(/No matching signature/);
  });

  it('replays one delivery with its body and webhook-id, and everything since a time', async () => {
    const { endpoint, secret } = await createEndpoint({ eventTypes: ['offer.created'] });
    // Later than every event of the tests before.
    clock.advance(60_000);
    const start = clock.now();
    await createOffer('First');
    clock.advance(60_000);
    const middle = clock.now();
    await createOffer('Second');
    await createOffer('Third');
    await deliverDue();
    expect(receiver.received).toHaveLength(3);
    const [newest] = await deliveries(endpoint.id);

    clock.advance(60_000);
    const replay = await request(
      'contosoOwner',
      'POST',
      `/api/v1/webhooks/${endpoint.id}/deliveries/${newest?.id}/replay`,
    );
    expect(replay.statusCode).toBe(202);
    expect(replay.json()).toMatchObject({
      replayOf: newest?.id,
      messageId: newest?.messageId,
      status: 'pending',
    });
    await deliverDue();
    const again = receiver.received.at(-1) as ReceivedWebhook;
    expect(again.body).toBe(newest?.body);
    expect(again.headers['webhook-id']).toBe(newest?.messageId);
    expect(verify(secret, again)).toMatchObject({ type: 'offer.created' });

    const since = await request('contosoOwner', 'POST', `/api/v1/webhooks/${endpoint.id}/replay`, {
      since: middle.toISOString(),
    });
    expect(since.statusCode).toBe(202);
    expect(since.json()).toEqual({ queued: 2 });
    await deliverDue();
    const replayed = receiver.received
      .slice(-2)
      .map((w) => (verify(secret, w) as { data: { offerId: string } }).data);
    expect(replayed).toHaveLength(2);
    const all = await request('contosoOwner', 'POST', `/api/v1/webhooks/${endpoint.id}/replay`, {
      since: start.toISOString(),
    });
    expect(all.json()).toEqual({ queued: 3 });
    const future = await request('contosoOwner', 'POST', `/api/v1/webhooks/${endpoint.id}/replay`, {
      since: new Date(clock.now().getTime() + 60_000).toISOString(),
    });
    expect(future.statusCode).toBe(422);
  });

  it('sends a test event to the one endpoint', async () => {
    const { endpoint, secret } = await createEndpoint({ eventTypes: ['offer.deleted'] });
    const other = await createEndpoint();
    const sent = await request('contosoOwner', 'POST', `/api/v1/webhooks/${endpoint.id}/test`);
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toMatchObject({ eventType: 'webhook.test', eventId: null, status: 'pending' });
    expect(await deliverDue()).toBe(1);
    expect(verify(secret, receiver.received[0] as ReceivedWebhook)).toMatchObject({
      type: 'webhook.test',
      organizationId: personas.contosoId,
      data: { endpointId: endpoint.id },
    });
    expect(await deliveries(other.endpoint.id)).toEqual([]);
  });

  it('hands a delivery whose server died during its attempt to the next server, so the event is not lost', async () => {
    const { endpoint, secret } = await createEndpoint();
    const offer = await createOffer('Survives a crash');
    // A server takes the job and dies before it ends: the job stays active, started long ago, past its expiry.
    const { rows } = await t.app.repos.jobs.executeSql(
      `update pgboss.job set state = 'active', started_on = now() - interval '1 hour'
        where name = 'webhook-delivery' returning id`,
    );
    expect(rows).toHaveLength(1);
    expect(await t.app.jobs.runDue()).toBe(0);
    await t.app.jobs.maintain();
    await deliverDue();
    expect(receiver.received).toHaveLength(1);
    expect(verify(secret, receiver.received[0] as ReceivedWebhook)).toMatchObject({
      data: { offerId: offer.id },
    });
    expect((await deliveries(endpoint.id))[0]).toMatchObject({ status: 'delivered' });
  });

  it('refuses URLs that are not https or that carry credentials, and changes an endpoint only at its version', async () => {
    const url = `/api/v1/organizations/${personas.contosoId}/webhooks`;
    for (const bad of [
      'ftp://crm.example/hooks',
      'https://user:pw@crm.example/hooks',
      'crm.example/hooks',
      'https://crm.example/#x',
    ]) {
      const response = await request('contosoOwner', 'POST', url, { url: bad });
      expect(response.statusCode, bad).toBe(422);
      expect(errorBody(response).issues?.[0]?.path).toBe('url');
    }
    const { endpoint } = await createEndpoint();
    const stale = await request(
      'contosoOwner',
      'PATCH',
      `/api/v1/webhooks/${endpoint.id}`,
      { description: 'x' },
      {
        'if-match': '"99"',
      },
    );
    expect(stale.statusCode).toBe(412);
    const missing = await request('contosoOwner', 'PATCH', `/api/v1/webhooks/${endpoint.id}`, {
      description: 'x',
    });
    expect(missing.statusCode).toBe(428);
    const removed = await request('contosoOwner', 'DELETE', `/api/v1/webhooks/${endpoint.id}`, undefined, {
      'if-match': `"${endpoint.version}"`,
    });
    expect(removed.statusCode).toBe(204);
    expect((await request('contosoOwner', 'GET', `/api/v1/webhooks/${endpoint.id}`)).statusCode).toBe(404);
  });

  it("keeps an organisation's endpoints to its owners and platform ones to admins", async () => {
    const { endpoint } = await createEndpoint();
    const platform = await createEndpoint({}, 'admin');
    const status = async (name: PersonaName, url: string) => (await request(name, 'GET', url)).statusCode;
    expect(await status('contosoOwner', `/api/v1/webhooks/${endpoint.id}`)).toBe(200);
    expect(await status('contosoEditor', `/api/v1/webhooks/${endpoint.id}`)).toBe(403);
    expect(await status('admin', `/api/v1/webhooks/${endpoint.id}`)).toBe(403);
    expect(await status('fabrikamOwner', `/api/v1/webhooks/${endpoint.id}`)).toBe(404);
    expect(await status('fabrikamOwner', `/api/v1/webhooks/${endpoint.id}/deliveries`)).toBe(404);
    expect(await status('admin', `/api/v1/webhooks/${platform.endpoint.id}`)).toBe(200);
    expect(await status('contosoOwner', `/api/v1/webhooks/${platform.endpoint.id}`)).toBe(404);
    const list = await request('contosoOwner', 'GET', `/api/v1/organizations/${personas.contosoId}/webhooks`);
    expect((list.json() as { items: WebhookEndpoint[] }).items.map((e) => e.id)).toEqual([endpoint.id]);
  });
});
