import { describe, expect, it } from 'vitest';
import { errorBody } from '../support/test-app.js';
import { useReviewApp } from './review-api.js';

describe('rejection reasons per readiness item, and what changed since the last decision', () => {
  const { ctx, api, as } = useReviewApp();
  const clock = ctx.clock;

  it('refuses reasons for items the submitted report does not have or the publisher cannot act on', async () => {
    const offerId = await api.readiness.readyOffer(as('contosoOwner'));
    const { id } = await api.submitted(as('contosoOwner'), offerId);
    const decide = (body: Record<string, unknown>) => api.readiness.decide(as('reviewer'), id, body);

    const unknown = errorBody(
      await decide({
        decision: 'reject',
        reasons: [{ itemId: 'customerOnePage', reason: 'Typo in the id' }],
      }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.issues).toEqual([
      {
        path: 'reasons[0].itemId',
        message: '"customerOnePage" is not an item of the submitted readiness report',
        key: 'problems.reviews.notAnItem',
        params: { value: 'customerOnePage' },
      },
    ]);
    const reviewerItem = errorBody(
      await decide({ decision: 'reject', reasons: [{ itemId: 'approved', reason: 'No' }] }),
    );
    expect(reviewerItem.issues?.[0]).toMatchObject({
      path: 'reasons[0].itemId',
      message: expect.stringMatching(/reviewer/),
      key: 'problems.reviews.metByReviewer',
      params: { item: 'approved' },
    });
    const twice = errorBody(
      await decide({
        decision: 'reject',
        reasons: [
          { itemId: 'customerOnePager', reason: 'One' },
          { itemId: 'customerOnePager', reason: 'Two' },
        ],
      }),
    );
    expect(twice.issues?.map((i) => i.path)).toEqual(['reasons[1].itemId']);
    const nothing = errorBody(await decide({ decision: 'reject', reasons: [] }));
    expect(nothing).toMatchObject({ status: 422, issues: [{ path: 'comment' }] });
    const approveWithReasons = errorBody(
      await decide({ decision: 'approve', reasons: [{ itemId: 'customerOnePager', reason: 'Fine' }] }),
    );
    expect(approveWithReasons).toMatchObject({ status: 422, issues: [{ path: 'reasons' }] });
    const blank = errorBody(
      await decide({ decision: 'reject', reasons: [{ itemId: 'customerOnePager', reason: '  ' }] }),
    );
    expect(blank).toMatchObject({ status: 400, issues: [{ path: 'reasons[0].reason' }] });
    // Nothing was decided by the refused requests.
    expect((await api.submissions(as('contosoOwner'), offerId))[0]?.status).toBe('pending');
  });

  it('shows the publisher each reason by its item, and the reviewer which of those items changed', async () => {
    const owner = as('contosoOwner');
    const offerId = await api.readiness.readyOffer(owner, { markets: ['SE'] });
    const first = await api.submitted(owner, offerId);
    clock.advance(3_600_000);
    // A reason alone is enough to reject.
    const rejected = await api.decided(as('reviewer'), first.id, {
      decision: 'reject',
      reasons: [
        { itemId: 'customerOnePager', reason: 'The one-pager names another product.' },
        { itemId: 'partnerSalesEveryMarket', reason: 'Sales is not a person.' },
      ],
    });
    expect(rejected.decision).toMatchObject({ decision: 'reject', comment: null });
    const [latest] = await api.submissions(as('contosoViewer'), offerId);
    expect(latest?.decision?.reasons).toEqual([
      { itemId: 'customerOnePager', reason: 'The one-pager names another product.' },
      { itemId: 'partnerSalesEveryMarket', reason: 'Sales is not a person.' },
    ]);
    const history = await api.readiness.history(owner, offerId);
    expect(history.find((h) => h.subject === 'coSellStatus')?.summary).toMatch(/another product/);

    // The publisher replaces exactly the one-pager and submits again.
    await api.readiness.docs.uploaded(
      owner,
      offerId,
      'customerOnePager',
      'one-pager.pdf',
      Buffer.from('%PDF-1.7\n% v2\n%%EOF\n'),
    );
    const second = await api.submitted(owner, offerId, 'New one-pager.');
    const detail = await api.detail(as('reviewer'), second.id);
    expect(detail.rejectedItems).toMatchObject({
      submissionId: first.id,
      decidedBy: 'reviewer',
      items: [
        { itemId: 'customerOnePager', reason: 'The one-pager names another product.', changed: true },
        { itemId: 'partnerSalesEveryMarket', reason: 'Sales is not a person.', changed: false },
      ],
    });
    // With no approval before it, the changes are those since the rejected submission.
    expect(detail.changes).toMatchObject({ submissionId: first.id, status: 'rejected' });
    expect(detail.changes?.changes).toEqual([
      {
        kind: 'documents',
        slot: { id: 'customerOnePager', label: expect.any(String) },
        before: [{ fileName: 'one-pager.pdf', version: 1 }],
        after: [{ fileName: 'one-pager.pdf', version: 2 }],
      },
    ]);
  });

  it('compares a resubmission with the last approved submission, item by item', async () => {
    const owner = as('contosoOwner');
    const offerId = await api.readiness.readyOffer(owner, { markets: ['SE'] });
    const approved = await api.submitted(owner, offerId);
    await api.decided(as('reviewer'), approved.id, { decision: 'approve' });
    // Markets grow and a contact covers the new one: the approval no longer holds, so the offer goes back.
    const { version } = await api.readiness.offer(owner, offerId);
    const patched = await ctx.t.app.inject({
      method: 'PATCH',
      url: `/api/v1/offers/${offerId}`,
      headers: { ...owner, 'if-match': `"${version}"` },
      payload: { markets: ['SE', 'NO'] },
    });
    expect(patched.statusCode).toBe(200);
    await api.readiness.putContacts(owner, offerId, [
      {
        name: 'Sales',
        email: 'sales@contoso.example',
        jobTitle: 'Seller',
        role: 'PartnerSales',
        countries: ['SE', 'NO'],
      },
    ]);
    const again = await api.submitted(owner, offerId);
    const detail = await api.detail(as('reviewer'), again.id);
    expect(detail.rejectedItems).toBeNull();
    expect(detail.changes).toMatchObject({
      submissionId: approved.id,
      status: 'approved',
      decidedBy: 'reviewer',
    });
    expect(detail.changes?.changes).toEqual([
      {
        kind: 'value',
        part: 'offer',
        field: 'markets',
        before: [{ id: 'SE', label: 'Sweden' }],
        after: [
          { id: 'SE', label: 'Sweden' },
          { id: 'NO', label: 'Norway' },
        ],
      },
      {
        kind: 'contact',
        change: 'changed',
        before: expect.objectContaining({ name: 'Sales', countries: ['SE'] }),
        after: expect.objectContaining({ name: 'Sales', countries: ['SE', 'NO'] }),
      },
    ]);
  });
});
