import { describe, expect, it } from 'vitest';
import { ReviewQueueSchema } from '../../src/domain/schemas/reviews.js';
import { errorBody } from '../support/test-app.js';
import { useReviewApp } from './review-api.js';

describe('withdrawing a submission while it waits', () => {
  const { ctx, api, as } = useReviewApp();
  const clock = ctx.clock;
  const queuedIds = async () =>
    ReviewQueueSchema.parse((await api.readiness.queue(as('reviewer'))).json()).items.map(
      (i) => i.submissionId,
    );

  it('takes it out of the queue, brings the status back from In review, and writes it in the history', async () => {
    const offerId = await api.readiness.readyOffer(as('contosoOwner'));
    const submission = await api.submitted(as('contosoOwner'), offerId, 'Please look at the deck.');
    expect((await api.readiness.offer(as('contosoOwner'), offerId)).coSellStatus).toBe('InReview');
    expect(await queuedIds()).toContain(submission.id);
    const onePager = (await api.detail(as('reviewer'), submission.id)).content.documents[0]?.files[0];
    if (!onePager) throw new Error('no one-pager');

    // A viewer may not, another organisation is told there is nothing, a wrong offer is not it either.
    expect(errorBody(await api.withdraw(as('contosoViewer'), offerId, submission.id)).status).toBe(403);
    expect(errorBody(await api.withdraw(as('fabrikamOwner'), offerId, submission.id)).status).toBe(404);
    const other = await api.readiness.docs.createOffer(as('contosoOwner'));
    expect(errorBody(await api.withdraw(as('contosoOwner'), other, submission.id)).status).toBe(404);

    clock.advance(120_000);
    const response = await api.withdraw(as('contosoEditor'), offerId, submission.id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: submission.id,
      status: 'withdrawn',
      decision: null,
      withdrawn: {
        at: clock.now().toISOString(),
        by: { id: ctx.p.byName.contosoEditor.userId, name: 'contosoEditor' },
      },
    });
    expect(await queuedIds()).not.toContain(submission.id);
    expect((await api.readiness.offer(as('contosoOwner'), offerId)).coSellStatus).toBe('NotCoSellReady');
    const readiness = await api.readiness.readiness(as('contosoOwner'), offerId);
    expect(readiness.canSubmit).toBe(true);
    const [entry] = (await api.readiness.history(as('contosoOwner'), offerId)).filter(
      (h) => h.subject === 'coSellStatus',
    );
    expect(entry).toMatchObject({ changes: [{ before: 'InReview', after: 'NotCoSellReady' }] });
    expect(entry?.summary).toMatch(/contosoEditor withdrew the submission/);
    // Reviewers no longer open its files.
    expect(errorBody(await api.open(as('reviewer'), onePager.contentUrl)).status).toBe(404);

    // Once withdrawn it cannot be withdrawn again; the offer can be submitted anew.
    const again = errorBody(await api.withdraw(as('contosoOwner'), offerId, submission.id));
    expect(again.status).toBe(409);
    expect(again.message).toMatch(/withdrawn/);
    const resubmitted = await api.submitted(as('contosoOwner'), offerId);
    expect(await queuedIds()).toContain(resubmitted.id);
  });

  it('refuses a decided submission, naming its state, and a decision on a withdrawn one', async () => {
    const offerId = await api.readiness.readyOffer(as('contosoOwner'));
    const approved = await api.submitted(as('contosoOwner'), offerId);
    await api.decided(as('reviewer'), approved.id, { decision: 'approve' });
    const refused = errorBody(await api.withdraw(as('contosoOwner'), offerId, approved.id));
    expect(refused.status).toBe(409);
    expect(refused.message).toMatch(/approved/);
    expect((await api.readiness.offer(as('contosoOwner'), offerId)).coSellStatus).toBe('CoSellReady');
    // Sent again and taken back: the approval still holds, and the history says who withdrew it (as the
    // status change's cause, or as an entry of its own when the status did not move).
    const resent = await api.submitted(as('contosoOwner'), offerId);
    expect((await api.withdraw(as('contosoOwner'), offerId, resent.id)).statusCode).toBe(200);
    expect((await api.readiness.offer(as('contosoOwner'), offerId)).coSellStatus).toBe('CoSellReady');
    const [latest] = await api.readiness.history(as('contosoOwner'), offerId);
    expect(latest?.summary).toMatch(/contosoOwner withdrew the submission/);

    const second = await api.readiness.readyOffer(as('contosoOwner'));
    const pending = await api.submitted(as('contosoOwner'), second);
    expect((await api.withdraw(as('contosoOwner'), second, pending.id)).statusCode).toBe(200);
    expect(
      errorBody(await api.readiness.decide(as('reviewer'), pending.id, { decision: 'approve' })).status,
    ).toBe(409);
  });

  it('keeps the publisher’s note to the reviewer within its limit', async () => {
    const offerId = await api.readiness.readyOffer(as('contosoOwner'));
    const tooLong = errorBody(await api.submitWith(as('contosoOwner'), offerId, { note: 'x'.repeat(2001) }));
    expect(tooLong).toMatchObject({ status: 400, issues: [{ path: 'note' }] });
    expect(errorBody(await api.submitWith(as('contosoOwner'), offerId, { note: 'a', extra: 1 })).status).toBe(
      400,
    );
    expect((await api.submissions(as('contosoOwner'), offerId)).length).toBe(0);
  });
});
