import type { Repositories } from '../../db/repositories/index.js';
import { because } from '../../domain/messages/status-causes.js';
import type { ReadinessInput, ReadinessReport } from '../../domain/readiness/readiness-types.js';
import type { DecisionRequest, Submission } from '../../domain/schemas/reviews.js';
import type { UserActor } from '../auth/actor.js';
import { AppError, notFound } from '../errors.js';
import type { Clock, IdGenerator } from '../ids.js';
import { coSellStatusRefresher, evaluateOffer, refreshOrganizationOffers } from './readiness-service.js';
import { presentSubmission } from './submission-service.js';
import type { Transaction } from './transaction.js';

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

    /** A submission with its frozen snapshot and the offer's readiness now. */
    async get(submissionId: string) {
      const submission = await repos.submissions.findById(submissionId);
      const offer = submission && (await repos.offers.findById(submission.offerId));
      if (!submission || !offer) throw notFound('The submission');
      const { report } = await evaluateOffer(repos, offer, clock.now());
      return {
        submission: presentSubmission(submission),
        offerName: offer.name,
        organizationName: offer.organizationName,
        snapshot: submission.snapshot as { input: ReadinessInput; report: ReadinessReport },
        current: report,
      };
    },

    /**
     * Approves (keeping the snapshot's fingerprint, the technical validation result, and optionally
     * confirming the organisation's revenue attestation) or rejects with what to fix. Only a pending
     * submission can be decided (409).
     */
    async decide(actor: UserActor, submissionId: string, request: DecisionRequest): Promise<Submission> {
      const comment = request.comment?.trim() || null;
      if (request.decision === 'reject' && !comment)
        throw new AppError('rule_violation', 'Say what the publisher should fix.', [
          { path: 'comment', message: 'A rejection needs a comment: what to fix' },
        ]);
      return transaction(async (r) => {
        const submission = await r.submissions.findById(submissionId);
        if (!submission) throw notFound('The submission');
        await r.offers.lockById(submission.offerId);
        const offer = await r.offers.findById(submission.offerId);
        if (!offer) throw notFound('The submission');
        const approve = request.decision === 'approve';
        const decided = await r.submissions.decide(submissionId, {
          status: approve ? 'approved' : 'rejected',
          decidedAt: clock.now(),
          decidedById: actor.user.id,
          decidedByName: actor.user.name,
          comment,
          technicalValidationPassed: approve ? (request.technicalValidationPassed ?? null) : null,
        });
        if (!decided) throw new AppError('conflict', `This submission was already ${submission.status}.`);
        let revenueConfirmed = false;
        if (approve && request.confirmAzureRevenue) {
          await r.organizationProfiles.lock(offer.organizationId);
          const profile = await r.organizationProfiles.findByOrganizationId(offer.organizationId);
          const revenue = profile?.azureConsumedRevenue;
          if (!profile || !revenue)
            throw new AppError('rule_violation', 'The organisation has attested no Azure consumed revenue.', [
              { path: 'confirmAzureRevenue', message: 'There is no attestation to confirm' },
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
          : because('rejected', { name, comment: comment ?? '' });
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
        if (!row) throw notFound('The submission');
        return presentSubmission(row);
      });
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
