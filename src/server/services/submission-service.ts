import type { Repositories } from '../../db/repositories/index.js';
import type { SubmissionRow } from '../../db/repositories/submission-repository.js';
import { issueAt } from '../../domain/messages/problem.js';
import { because } from '../../domain/messages/status-causes.js';
import type { ReadinessReport } from '../../domain/readiness/readiness-types.js';
import type { Submission, SubmitRequest } from '../../domain/schemas/reviews.js';
import type { UserActor } from '../auth/actor.js';
import { AppError, notFound, problem } from '../errors.js';
import { eventRecorder, offerEvent, offerLinks } from '../events/event-recorder.js';
import type { Clock, IdGenerator } from '../ids.js';
import { loadCoSellOffer } from './co-sell-offer.js';
import { historyRecorder } from './history-recorder.js';
import { coSellStatusRefresher, evaluateOffer } from './readiness-service.js';
import { freezeContent } from './submission-content.js';
import type { Transaction } from './transaction.js';

/** A submission as the API shows it, with its decision once there is one. */
export function presentSubmission(row: SubmissionRow): Submission {
  const decided = (row.status === 'approved' || row.status === 'rejected') && row.decidedAt;
  return {
    id: row.id,
    offerId: row.offerId,
    status: row.status,
    submittedAt: row.submittedAt.toISOString(),
    submittedBy: { id: row.submittedById, name: row.submittedByName },
    note: row.note,
    fingerprint: row.fingerprint,
    decision: decided
      ? {
          decision: row.status === 'approved' ? 'approve' : 'reject',
          at: decided.toISOString(),
          by: { id: row.decidedById, name: row.decidedByName ?? '' },
          comment: row.comment,
          reasons: row.itemReasons.map(({ itemId, reason }) => ({ itemId, reason })),
          technicalValidationPassed: row.technicalValidationPassed,
        }
      : null,
    withdrawn: row.withdrawnAt
      ? { at: row.withdrawnAt.toISOString(), by: { id: row.withdrawnById, name: row.withdrawnByName ?? '' } }
      : null,
  };
}

/** The items that keep a publisher from submitting: unmet items of the approved tier a publisher can meet. */
function blockingItems(report: ReadinessReport) {
  const tier = report.tiers.find((t) => t.id === 'CoSellReady') ?? report.tiers[0];
  return (tier?.items ?? []).filter((item) => !item.met && !item.byReviewer);
}

/** A publisher's submissions of an offer for co-sell review. */
export function createSubmissionService({
  repos,
  transaction,
  clock,
  ids,
}: {
  repos: Repositories;
  transaction: Transaction;
  clock: Clock;
  ids: IdGenerator;
}) {
  const refresh = coSellStatusRefresher({ clock, ids });
  const record = historyRecorder({ clock, ids });
  const recordEvent = eventRecorder({ clock, ids });
  return {
    /** The offer's submissions, newest first, with their decisions. */
    async list(actor: UserActor, offerId: string): Promise<{ items: Submission[] }> {
      await loadCoSellOffer(repos, actor, offerId, 'read');
      return { items: (await repos.submissions.listForOffer(offerId)).map(presentSubmission) };
    },

    /**
     * Submits the offer for review when everything a publisher can do is done (422 naming what is not), with
     * an optional note to the reviewer; freezes the readiness input and report, and the content the review
     * shows (submission-content.ts), as the submission's snapshot. One pending at a time (409).
     */
    async submit(actor: UserActor, offerId: string, request: SubmitRequest = {}): Promise<Submission> {
      return transaction(async (r) => {
        await r.offers.lockById(offerId);
        const offer = await loadCoSellOffer(r, actor, offerId, 'write');
        if (await r.submissions.latestForOffer(offerId, ['pending']))
          throw new AppError('conflict', problem('submissions.alreadyWaiting'));
        const { input, report } = await evaluateOffer(r, offer, clock.now());
        if (!report.canSubmit) {
          const unmet = blockingItems(report);
          throw new AppError(
            'rule_violation',
            problem('submissions.unmet', { count: unmet.length }),
            unmet.map((item) =>
              item.reasonMessage
                ? issueAt(item.id, {
                    ...item.reasonMessage,
                    key: `readiness.reasons.${item.reasonMessage.key}`,
                  })
                : { path: item.id, message: item.reason, key: 'readiness.reasons.unknown', params: {} },
            ),
          );
        }
        const content = await freezeContent(r, offer);
        const row = await r.submissions.insert({
          id: ids('sub'),
          offerId,
          status: 'pending',
          note: request.note?.trim() || null,
          submittedAt: clock.now(),
          submittedById: actor.user.id,
          submittedByName: actor.user.name,
          snapshot: { input, report, content },
          fingerprint: report.fingerprint,
        });
        await refresh(r, offerId, actor, because('submitted', { name: actor.user.name }));
        const stored = await r.submissions.findById(row.id);
        if (!stored) throw notFound('submission');
        await recordEvent(
          r,
          offerEvent('submission.submitted', offer, {
            submissionId: row.id,
            link: offerLinks.submissions(offerId),
          }),
        );
        return presentSubmission(stored);
      });
    },

    /**
     * Takes a waiting submission back (owners and editors): it leaves the reviewers' queue and the offer's
     * status is worked out as if it had never been sent. Only a pending submission (409 naming its state).
     */
    async withdraw(actor: UserActor, offerId: string, submissionId: string): Promise<Submission> {
      return transaction(async (r) => {
        await r.offers.lockById(offerId);
        const offer = await loadCoSellOffer(r, actor, offerId, 'write');
        const submission = await r.submissions.findById(submissionId);
        if (!submission || submission.offerId !== offerId) throw notFound('submission');
        const withdrawn = await r.submissions.withdraw(submissionId, {
          withdrawnAt: clock.now(),
          withdrawnById: actor.user.id,
          withdrawnByName: actor.user.name,
        });
        if (!withdrawn)
          throw new AppError('conflict', problem(`submissions.notWaiting.${submission.status}`));
        const why = because('withdrawn', { name: actor.user.name });
        await refresh(r, offerId, actor, why);
        // The status change, when there is one, is the history entry; otherwise the withdrawal gets its own.
        const after = await r.offers.findById(offerId);
        if (after?.coSellStatus === offer.coSellStatus)
          await record(r, actor, offerId, {
            subject: 'submission',
            action: 'withdrawn',
            summaryMessage: why,
            changes: [{ field: 'submission', before: 'pending', after: 'withdrawn' }],
          });
        const row = await r.submissions.findById(submissionId);
        if (!row) throw notFound('submission');
        await recordEvent(
          r,
          offerEvent('submission.withdrawn', offer, {
            submissionId,
            link: offerLinks.submissions(offerId),
          }),
        );
        return presentSubmission(row);
      });
    },
  };
}

export type SubmissionService = ReturnType<typeof createSubmissionService>;
