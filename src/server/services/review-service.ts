import type { Repositories } from '../../db/repositories/index.js';
import { issue } from '../../domain/messages/problem.js';
import { because } from '../../domain/messages/status-causes.js';
import type { ReadinessInput, ReadinessReport } from '../../domain/readiness/readiness-types.js';
import { findReasonProblems, reportItems } from '../../domain/reviews/item-reasons.js';
import { readSnapshot } from '../../domain/reviews/submission-snapshot.js';
import type { DecisionRequest, ItemReason, Submission } from '../../domain/schemas/reviews.js';
import type { UserActor } from '../auth/actor.js';
import { AppError, notFound, problem } from '../errors.js';
import { eventRecorder, offerEvent, offerLinks } from '../events/event-recorder.js';
import type { Clock, IdGenerator } from '../ids.js';
import { coSellStatusRefresher, evaluateOffer, refreshOrganizationOffers } from './readiness-service.js';
import { reviewDetailParts } from './review-detail.js';
import { presentSubmission } from './submission-service.js';
import type { Transaction } from './transaction.js';

/** A rejection without a comment said in its reasons: "Solution one-pager: names another product". */
function reasonsInWords(reasons: readonly ItemReason[], report: ReadinessReport | null): string {
  const items = new Map((report ? reportItems(report) : []).map((item) => [item.id, item]));
  return reasons.map(({ itemId, reason }) => `${items.get(itemId)?.label ?? itemId}: ${reason}`).join('; ');
}

/** The reviewers' side: the queue of pending submissions, one submission in detail, and the decision. */
export function createReviewService({
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
  const recordEvent = eventRecorder({ clock, ids });
  return {
    /** Pending submissions, oldest first, with how long each has waited. */
    async queue() {
      const now = clock.now().getTime();
      const rows = await repos.submissions.listPending();
      return {
        items: rows.map((row) => ({
          submissionId: row.id,
          offerId: row.offerId,
          offerName: row.offerName,
          offerType: row.offerType,
          organizationId: row.organizationId,
          organizationName: row.organizationName,
          submittedAt: row.submittedAt.toISOString(),
          submittedByName: row.submittedByName,
          waitingSeconds: Math.max(0, Math.floor((now - row.submittedAt.getTime()) / 1000)),
        })),
      };
    },

    /**
     * A submission with its frozen snapshot and what was submitted in words, what changed since earlier
     * decisions (review-detail.ts), and the offer's readiness now.
     */
    async get(actor: UserActor, submissionId: string) {
      const submission = await repos.submissions.findById(submissionId);
      const offer = submission && (await repos.offers.findById(submission.offerId));
      if (!submission || !offer) throw notFound('submission');
      const { report } = await evaluateOffer(repos, offer, clock.now());
      return {
        submission: presentSubmission(submission),
        offerName: offer.name,
        organizationName: offer.organizationName,
        snapshot: submission.snapshot as { input: ReadinessInput; report: ReadinessReport },
        ...(await reviewDetailParts(repos, actor, submission, offer)),
        current: report,
      };
    },

    /**
     * Approves (keeping the snapshot's fingerprint, the technical validation result, and optionally
     * confirming the organisation's revenue attestation) or rejects with what to fix: a comment, reasons
     * attached to items of the submitted readiness report, or both. Only a pending submission (409).
     */
    async decide(actor: UserActor, submissionId: string, request: DecisionRequest): Promise<Submission> {
      const comment = request.comment?.trim() || null;
      const reasons = request.reasons ?? [];
      const approve = request.decision === 'approve';
      if (approve && reasons.length > 0)
        throw new AppError('rule_violation', problem('reviews.reasonsOnlyToReject'), [
          issue('reasons', 'reviews.leaveReasonsOut'),
        ]);
      if (!approve && !comment && reasons.length === 0)
        throw new AppError('rule_violation', problem('reviews.sayWhatToFix'), [
          issue('comment', 'reviews.rejectionNeedsComment'),
        ]);
      return transaction(async (r) => {
        const submission = await r.submissions.findById(submissionId);
        if (!submission) throw notFound('submission');
        await r.offers.lockById(submission.offerId);
        const offer = await r.offers.findById(submission.offerId);
        if (!offer) throw notFound('submission');
        const report = readSnapshot(submission.snapshot).report;
        if (submission.status === 'pending' && reasons.length > 0) {
          const problems = report
            ? findReasonProblems(reasons, report)
            : [issue('reasons', 'reviews.noReport')];
          if (problems.length > 0)
            throw new AppError('rule_violation', problem('reviews.reasonsNotInReport'), problems);
        }
        const decided = await r.submissions.decide(submissionId, {
          status: approve ? 'approved' : 'rejected',
          decidedAt: clock.now(),
          decidedById: actor.user.id,
          decidedByName: actor.user.name,
          comment,
          itemReasons: reasons.map(({ itemId, reason }) => ({ itemId, reason })),
          technicalValidationPassed: approve ? (request.technicalValidationPassed ?? null) : null,
        });
        if (!decided)
          throw new AppError('conflict', problem(`submissions.alreadyDecided.${submission.status}`));
        let revenueConfirmed = false;
        if (approve && request.confirmAzureRevenue) {
          await r.organizationProfiles.lock(offer.organizationId);
          const profile = await r.organizationProfiles.findByOrganizationId(offer.organizationId);
          const revenue = profile?.azureConsumedRevenue;
          if (!profile || !revenue)
            throw new AppError('rule_violation', problem('reviews.noRevenue'), [
              issue('confirmAzureRevenue', 'reviews.noAttestation'),
            ]);
          if (!revenue.confirmedByReviewer) {
            const { organizationId: _id, version, updatedAt: _at, ...values } = profile;
            await r.organizationProfiles.save(
              offer.organizationId,
              version + 1,
              {
                ...values,
                azureConsumedRevenue: {
                  ...revenue,
                  confirmedByReviewer: true,
                  confirmedAt: clock.now().toISOString(),
                  confirmedBy: actor.user.name,
                },
              },
              clock.now(),
            );
            revenueConfirmed = true;
          }
        }
        const name = actor.user.name;
        const why = approve
          ? because('approved', { name })
          : because('rejected', { name, comment: comment ?? reasonsInWords(reasons, report) });
        await refresh(r, offer.id, actor, why);
        if (revenueConfirmed)
          await refreshOrganizationOffers(
            r,
            refresh,
            offer.organizationId,
            actor,
            because('revenueConfirmed', { name: actor.user.name }),
          );
        const row = await r.submissions.findById(submissionId);
        if (!row) throw notFound('submission');
        await recordEvent(
          r,
          offerEvent('submission.decided', offer, {
            submissionId,
            decision: approve ? 'approved' : 'rejected',
            link: offerLinks.submissions(offer.id),
          }),
        );
        return presentSubmission(row);
      });
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
