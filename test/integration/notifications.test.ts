import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeResponse } from '../../src/domain/schemas/auth.js';
import type { Notification } from '../../src/domain/schemas/notifications.js';
import { createPersonas, type PersonaName, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, manualClock, type TestApp } from '../support/test-app.js';
import { completeProfile, readinessApi } from './readiness-api.js';

type Outbox = { items: { to: string; subject: string; body: string }[] };

describe('notifications: about what, to whom, in which language', () => {
  const clock = manualClock();
  let t: TestApp;
  let p: Personas;
  let api: ReturnType<typeof readinessApi>;
  const as = (name: PersonaName) => p.byName[name].headers;
  const notifications = async (name: PersonaName) =>
    (
      (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: as(name) })).json() as {
        items: Notification[];
      }
    ).items;
  const outbox = async () =>
    (
      (
        await t.app.inject({ method: 'GET', url: '/api/v1/admin/outbox', headers: as('admin') })
      ).json() as Outbox
    ).items;
  const setLanguage = (name: PersonaName, locale: unknown) =>
    t.app.inject({ method: 'PUT', url: '/api/v1/me/preferences', headers: as(name), payload: { locale } });

  beforeAll(async () => {
    t = await createTestApp({ clock });
    p = await createPersonas(t.app);
    api = readinessApi(t.app);
    expect((await api.putProfile(as('contosoOwner'), p.contosoId, completeProfile)).statusCode).toBe(200);
  });
  afterAll(() => t?.close());

  it('remembers the language a user chooses, and refuses one it does not speak', async () => {
    const me = async () =>
      (
        (
          await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: as('contosoViewer') })
        ).json() as MeResponse
      ).user.locale;
    expect(await me()).toBeNull();
    const saved = await setLanguage('contosoViewer', 'sv');
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ locale: 'sv' });
    expect(await me()).toBe('sv');
    const refused = errorBody(await setLanguage('contosoViewer', 'de'));
    expect(refused.status).toBe(400);
    expect(refused.issues?.map((i) => i.path)).toEqual(['locale']);
    expect(await me()).toBe('sv');
  });

  it('tells every member but the one who acted, links to the offer’s readiness, and emails each in their language', async () => {
    const offerId = await api.readyOffer(as('contosoEditor'));
    const before = (await outbox()).length;
    expect((await api.submit(as('contosoEditor'), offerId)).statusCode).toBe(201);

    // The editor submitted: the owner and the viewer are told, the editor is not.
    const forOffer = (items: Notification[]) => items.filter((n) => n.offerId === offerId);
    expect(forOffer(await notifications('contosoEditor'))).toEqual([]);
    const [ownerNote] = forOffer(await notifications('contosoOwner'));
    expect(ownerNote).toMatchObject({
      kind: 'coSellStatusChanged',
      message:
        'The co-sell status of Ready SaaS changed from Not co-sell ready to In review. contosoEditor submitted the offer for review.',
      content: {
        key: 'notifications.messages.coSellStatusChanged',
        params: {
          offer: 'Ready SaaS',
          fromStatus: 'NotCoSellReady',
          toStatus: 'InReview',
          cause: 'submitted',
          name: 'contosoEditor',
        },
      },
      target: { page: 'offer', offerId, section: 'readiness' },
      readAt: null,
    });
    expect(forOffer(await notifications('contosoViewer'))).toHaveLength(1);

    // One email each to the two told, the Swedish reader's in Swedish.
    const emails = (await outbox()).slice(0, (await outbox()).length - before);
    expect(emails.map((e) => e.to).sort()).toEqual(['owner@contoso.test', 'viewer@contoso.test']);
    expect(emails.find((e) => e.to === 'owner@contoso.test')).toEqual(
      expect.objectContaining({
        subject: 'Ready SaaS is now In review',
        body: expect.stringMatching(
          /^Hello contosoOwner,\n\nThe co-sell status of Ready SaaS changed from Not co-sell ready to In review\. contosoEditor submitted the offer for review\./,
        ),
      }),
    );
    expect(emails.find((e) => e.to === 'viewer@contoso.test')).toEqual(
      expect.objectContaining({
        subject: 'Ready SaaS är nu Under granskning',
        body: expect.stringMatching(
          /^Hej contosoViewer,\n\nSamförsäljningsstatusen för Ready SaaS ändrades från Inte redo för samförsäljning till Under granskning\. contosoEditor skickade in erbjudandet för granskning\./,
        ),
      }),
    );
  });

  it('tells every member of a reviewer’s decision, the reason in the notice', async () => {
    const offerId = await api.readyOffer(as('contosoOwner'));
    const submission = (await api.submit(as('contosoOwner'), offerId)).json() as { id: string };
    const rejected = await api.decide(as('reviewer'), submission.id, {
      decision: 'reject',
      comment: 'The one-pager names another product.',
    });
    expect(rejected.statusCode).toBe(200);
    const kinds = (await notifications('contosoOwner'))
      .filter((n) => n.offerId === offerId)
      .map((n) => n.content?.params.cause);
    // The owner submitted (not told) and the reviewer rejected (told).
    expect(kinds).toEqual(['rejected']);
    const [note] = (await notifications('contosoEditor')).filter((n) => n.offerId === offerId);
    expect(note?.message).toBe(
      'The co-sell status of Ready SaaS changed from In review to Not co-sell ready. reviewer rejected the submission: The one-pager names another product.',
    );
  });

  it('marks all of one’s notifications read at once, and no one else’s', async () => {
    const unread = async (name: PersonaName) =>
      (await notifications(name)).filter((n) => n.readAt === null).length;
    const viewerUnread = await unread('contosoViewer');
    expect(viewerUnread).toBeGreaterThan(1);
    const ownerUnread = await unread('contosoOwner');
    const marked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: as('contosoViewer'),
    });
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toEqual({ marked: viewerUnread });
    expect(await unread('contosoViewer')).toBe(0);
    expect((await notifications('contosoViewer')).every((n) => n.readAt === clock.now().toISOString())).toBe(
      true,
    );
    expect(await unread('contosoOwner')).toBe(ownerUnread);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: as('contosoViewer'),
    });
    expect(again.json()).toEqual({ marked: 0 });
  });
});
