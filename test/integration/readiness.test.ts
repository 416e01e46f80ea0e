import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadinessReport } from '../../src/domain/readiness/readiness-types.js';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, manualClock, type TestApp } from '../support/test-app.js';
import { completeProfile, readinessApi } from './readiness-api.js';

const unmet = (report: ReadinessReport, tier = 'CoSellReady') =>
  report.tiers.find((t) => t.id === tier)?.items.filter((i) => !i.met) ?? [];

describe('co-sell readiness, submission and review', () => {
  let t: TestApp;
  let p: Personas;
  let api: ReturnType<typeof readinessApi>;
  const clock = manualClock();
  const as = (name: keyof Personas['byName']) => p.byName[name].headers;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    p = await createPersonas(t.app);
    api = readinessApi(t.app);
  });
  afterAll(() => t?.close());

  it('reports every co-sell ready item unmet for a fresh offer, each reason naming the data', async () => {
    const offerId = await api.docs.createOffer(as('contosoOwner'), { markets: ['SE', 'US'] });
    const report = await api.readiness(as('contosoViewer'), offerId);
    expect(report.status).toBe('NotCoSellReady');
    expect(report.canSubmit).toBe(false);
    const ids = unmet(report).map((i) => i.id);
    for (const id of ['partnerId', 'offerLive', 'listingComplete', 'customerOnePager', 'approved'])
      expect(ids).toContain(id);
    const contacts = unmet(report).find((i) => i.id === 'contactsEveryMarket');
    expect(contacts?.reason).toMatch(/SE/);
    expect(contacts?.reason).toMatch(/US/);
    expect(unmet(report).every((i) => i.reason.length > 0 && i.fix.section.length > 0)).toBe(true);
  });

  it('answers 409 for an offer type without co-sell, and 404 to another organisation', async () => {
    const vm = await api.docs.createOffer(as('contosoOwner'), { offerType: 'AzureVirtualMachine' });
    expect(errorBody(await api.readinessResponse(as('contosoOwner'), vm)).status).toBe(409);
    const offerId = await api.docs.createOffer(as('contosoOwner'));
    expect(errorBody(await api.readinessResponse(as('fabrikamOwner'), offerId)).status).toBe(404);
  });

  it('refuses a submission with 422 listing the unmet items, and lets no viewer submit', async () => {
    const offerId = await api.docs.createOffer(as('contosoOwner'));
    const refused = errorBody(await api.submit(as('contosoEditor'), offerId));
    expect(refused.status).toBe(422);
    expect(refused.issues?.map((i) => i.path)).toContain('listingComplete');
    expect(refused.issues?.map((i) => i.path)).not.toContain('approved');
    expect(refused.issues?.every((i) => i.message.length > 0)).toBe(true);
    expect(errorBody(await api.submit(as('contosoViewer'), offerId)).status).toBe(403);
    expect(errorBody(await api.submit(as('fabrikamOwner'), offerId)).status).toBe(404);
  });

  it('takes a complete offer through submission and approval to co-sell ready', async () => {
    expect((await api.putProfile(as('contosoOwner'), p.contosoId, completeProfile)).statusCode).toBe(200);
    const offerId = await api.readyOffer(as('contosoEditor'));
    const before = await api.readiness(as('contosoOwner'), offerId);
    expect(unmet(before).map((i) => i.id)).toEqual(['approved']);
    expect(before.canSubmit).toBe(true);

    const submitted = await api.submit(as('contosoEditor'), offerId);
    expect(submitted.statusCode).toBe(201);
    const submission = submitted.json() as { id: string; status: string };
    expect(submission.status).toBe('pending');
    expect((await api.offer(as('contosoOwner'), offerId)).coSellStatus).toBe('InReview');
    expect(errorBody(await api.submit(as('contosoOwner'), offerId)).status).toBe(409);

    clock.advance(90_000);
    const queue = (await api.queue(as('reviewer'))).json() as {
      items: { submissionId: string; waitingSeconds: number; offerName: string; organizationName: string }[];
    };
    const queued = queue.items.find((i) => i.submissionId === submission.id);
    expect(queued).toMatchObject({ waitingSeconds: 90, organizationName: 'Contoso' });
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reviews/${submission.id}`,
      headers: as('reviewer'),
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      snapshot: { report: { canSubmit: true } },
      current: { status: 'InReview' },
    });

    for (const who of ['admin', 'contosoOwner'] as const)
      expect(errorBody(await api.decide(as(who), submission.id, { decision: 'approve' })).status).toBe(403);
    const approved = await api.decide(as('reviewer'), submission.id, { decision: 'approve' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decision: { decision: 'approve' } });
    expect(
      errorBody(await api.decide(as('reviewer'), submission.id, { decision: 'reject', comment: 'x' })).status,
    ).toBe(409);

    expect((await api.offer(as('contosoOwner'), offerId)).coSellStatus).toBe('CoSellReady');
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/offers', headers: as('contosoViewer') })
    ).json() as { items: { id: string; coSellStatus: string }[] };
    expect(list.items.find((o) => o.id === offerId)?.coSellStatus).toBe('CoSellReady');
    const subs = (await api.submissions(as('contosoViewer'), offerId)).json() as {
      items: { status: string }[];
    };
    expect(subs.items.map((s) => s.status)).toEqual(['approved']);
    const statusEntries = (await api.history(as('contosoOwner'), offerId)).filter(
      (h) => h.subject === 'coSellStatus',
    );
    expect(statusEntries.map((h) => h.changes[0]?.after)).toEqual(['CoSellReady', 'InReview']);

    // The one-pager is deleted: the approval no longer covers the data, the status drops and says why.
    const id = findDocumentId(await api.docs.overview(as('contosoOwner'), offerId), 'customerOnePager');
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/offers/${offerId}/co-sell/documents/${id}`,
      headers: { ...as('contosoEditor'), 'if-match': '*' },
    });
    expect(removed.statusCode).toBe(204);
    expect((await api.offer(as('contosoOwner'), offerId)).coSellStatus).toBe('NotCoSellReady');
    const [latest] = (await api.history(as('contosoOwner'), offerId)).filter(
      (h) => h.subject === 'coSellStatus',
    );
    expect(latest).toMatchObject({
      action: 'changed',
      changes: [{ before: 'CoSellReady', after: 'NotCoSellReady' }],
    });
    expect(latest?.summary).toMatch(/one-pager/i);

    // Everyone in Contoso is told, and the email is in the outbox for admins.
    const notes = (
      await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: as('contosoViewer') })
    ).json() as { items: { id: string; offerId: string; message: string; readAt: string | null }[] };
    expect(notes.items[0]).toMatchObject({ offerId, readAt: null });
    expect(notes.items[0]?.message).toMatch(/Not co-sell ready/);
    expect(notes.items.filter((n) => n.offerId === offerId)).toHaveLength(3);
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${notes.items[0]?.id}/read`,
      headers: as('contosoViewer'),
    });
    expect(read.json()).toMatchObject({ readAt: clock.now().toISOString() });
    const stranger = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${notes.items[0]?.id}/read`,
      headers: as('contosoOwner'),
    });
    expect(errorBody(stranger).status).toBe(404);
    const fabrikamNotes = (
      await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: as('fabrikamOwner') })
    ).json() as { items: unknown[] };
    expect(fabrikamNotes.items).toEqual([]);
    const outbox = await t.app.inject({ method: 'GET', url: '/api/v1/admin/outbox', headers: as('admin') });
    expect((outbox.json() as { items: { to: string }[] }).items.map((m) => m.to)).toContain(
      'viewer@contoso.test',
    );
    expect(
      errorBody(await t.app.inject({ method: 'GET', url: '/api/v1/admin/outbox', headers: as('reviewer') }))
        .status,
    ).toBe(403);
  });

  it('drops the status when a market gains a country without a contact, saying which', async () => {
    const offerId = await api.readyOffer(as('contosoOwner'), { markets: ['SE'] });
    const submission = (await api.submit(as('contosoOwner'), offerId)).json() as { id: string };
    expect((await api.decide(as('reviewer'), submission.id, { decision: 'approve' })).statusCode).toBe(200);
    const { version } = await api.offer(as('contosoOwner'), offerId);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/offers/${offerId}`,
      headers: { ...as('contosoOwner'), 'if-match': `"${version}"` },
      payload: { markets: ['SE', 'NO'] },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ coSellStatus: 'NotCoSellReady' });
    const [latest] = (await api.history(as('contosoOwner'), offerId)).filter(
      (h) => h.subject === 'coSellStatus',
    );
    expect(latest?.changes[0]).toMatchObject({ before: 'CoSellReady', after: 'NotCoSellReady' });
    expect(latest?.summary).toMatch(/NO/);
  });

  it('rejects with a required comment, and the publisher sees the decision', async () => {
    const offerId = await api.readyOffer(as('contosoOwner'));
    const submission = (await api.submit(as('contosoOwner'), offerId)).json() as { id: string };
    const noComment = errorBody(await api.decide(as('reviewer'), submission.id, { decision: 'reject' }));
    expect(noComment.status).toBe(422);
    expect(noComment.issues?.[0]?.path).toBe('comment');
    const rejected = await api.decide(as('reviewer'), submission.id, {
      decision: 'reject',
      comment: 'The one-pager names another product.',
    });
    expect(rejected.statusCode).toBe(200);
    expect((await api.offer(as('contosoOwner'), offerId)).coSellStatus).toBe('NotCoSellReady');
    const subs = (await api.submissions(as('contosoViewer'), offerId)).json() as {
      items: { status: string; decision: { comment: string } }[];
    };
    expect(subs.items[0]).toMatchObject({
      status: 'rejected',
      decision: { comment: 'The one-pager names another product.' },
    });
    const [latest] = (await api.history(as('contosoOwner'), offerId)).filter(
      (h) => h.subject === 'coSellStatus',
    );
    expect(latest?.summary).toMatch(/another product/);
    // A rejected offer may be submitted again.
    expect((await api.submit(as('contosoEditor'), offerId)).statusCode).toBe(201);
  });

  it('reaches the Azure IP tier with an IP SaaS offer, a diagram, confirmed revenue and technical validation', async () => {
    expect(
      (
        await api.putProfile(as('contosoOwner'), p.contosoId, {
          ...completeProfile,
          azureConsumedRevenue: { amountUsd: 150_000, periodEnd: '2026-10-31' },
        })
      ).statusCode,
    ).toBe(200);
    const offerId = await api.readyOffer(as('contosoOwner'), { solutionType: 'IP' });
    await api.docs.uploaded(
      as('contosoOwner'),
      offerId,
      'referenceArchitectureDiagram',
      'arch.pdf',
      Buffer.from('%PDF-1.4\n%%EOF\n'),
    );
    const submission = (await api.submit(as('contosoOwner'), offerId)).json() as { id: string };
    const approved = await api.decide(as('reviewer'), submission.id, {
      decision: 'approve',
      technicalValidationPassed: true,
      confirmAzureRevenue: true,
    });
    expect(approved.statusCode).toBe(200);
    expect((await api.offer(as('contosoOwner'), offerId)).coSellStatus).toBe('AzureIpCoSellIncentivized');
    const profile = (await api.getProfile(as('contosoOwner'), p.contosoId)).json() as {
      azureConsumedRevenue: { confirmedByReviewer: boolean };
    };
    expect(profile.azureConsumedRevenue.confirmedByReviewer).toBe(true);
  });

  it('reaches the Business Applications tier with a Dynamics 365 Operations offer and ISV Connect', async () => {
    const fabrikam = as('fabrikamOwner');
    await api.putProfile(fabrikam, p.fabrikamId, {
      ...completeProfile,
      legalName: 'Fabrikam, Inc.',
      enrolments: ['IsvConnect'],
    });
    const offerId = await api.readyOffer(fabrikam, {
      offerType: 'Dynamics365Operations',
      solutionType: 'IP',
    });
    const submission = (await api.submit(fabrikam, offerId)).json() as { id: string };
    await api.decide(as('reviewer'), submission.id, { decision: 'approve' });
    expect((await api.offer(fabrikam, offerId)).coSellStatus).toBe('BusinessApplicationsCoSellIncentivized');
    // Dropping the enrolment in the profile drops every offer of the organisation back to co-sell ready.
    await api.putProfile(fabrikam, p.fabrikamId, { ...completeProfile, legalName: 'Fabrikam, Inc.' });
    expect((await api.offer(fabrikam, offerId)).coSellStatus).toBe('CoSellReady');
  });
});

/** The id of the current document in a slot, from the documents overview. */
function findDocumentId(overview: unknown, slot: string): string {
  const found: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) for (const v of value) walk(v);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.slot === slot && typeof record.id === 'string' && record.id.startsWith('doc'))
        found.push(record.id);
      for (const v of Object.values(record)) walk(v);
    }
  };
  walk(overview);
  if (!found[0]) throw new Error(`no document in ${slot}`);
  return found[0];
}
