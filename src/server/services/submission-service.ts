import type { Repositories } from '../../db/repositories/index.js';
import type { SubmissionRow } from '../../db/repositories/submission-repository.js';
import { because } from '../../domain/messages/status-causes.js';
import type { ReadinessReport } from '../../domain/readiness/readiness-types.js';
import type { Submission } from '../../domain/schemas/reviews.js';
import type { UserActor } from '../auth/actor.js';
import { AppError, notFound } from '../errors.js';
import type { Clock, IdGenerator } from '../ids.js';
import { loadCoSellOffer } from './co-sell-offer.js';
import { coSellStatusRefresher, evaluateOffer } from './readiness-service.js';
import type { Transaction } from './transaction.js';

/** A submission as the API shows it, with its decision once there is one. */
export function presentSubmission(row: SubmissionRow): Submission {
  return {
    id: row.id,
    offerId: row.offerId,
    status: row.status,
    submittedAt: row.submittedAt.toISOString(),
    submittedBy: { id: row.submittedById, name: row.submittedByName },
    fingerprint: row.fingerprint,
    decision:
      row.status === 'pending' || row.status === 'withdrawn' || !row.decidedAt
        ? null
        : {
            decision: row.status === 'approved' ? 'approve' : 'reject',
            at: row.decidedAt.toISOString(),
            by: { id: row.decidedById, name: row.decidedByName ?? '' },
            comment: row.comment,
            technicalValidationPassed: row.technicalValidationPassed,
          },
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
  return {
    /** The offer's submissions, newest first, with their decisions. */
    async list(actor: UserActor, offerId: string): Promise<{ items: Submission[] }> {
      await loadCoSellOffer(repos, actor, offerId, 'read');
      return { items: (await repos.submissions.listForOffer(offerId)).map(presentSubmission) };
    },

    /**
     * Submits the offer for review when everything a publisher can do is done (422 naming what is not);
     * freezes the readiness input and report as the submission's snapshot. One pending at a time (409).
     */
    async submit(actor: UserActor, offerId: string): Promise<Submission> {
      return transaction(async (r) => {
        await r.offers.lockById(offerId);
        const offer = await loadCoSellOffer(r, actor, offerId, 'write');
        if (await r.submissions.latestForOffer(offerId, ['pending']))
          throw new AppError('conflict', 'This offer is already waiting for review.');
        const { input, report } = await evaluateOffer(r, offer, clock.now());
        if (!report.canSubmit) {
          const unmet = blockingItems(report);
          throw new AppError(
            'rule_violation',
            `The offer cannot be submitted yet: ${unmet.length} requirement${unmet.length === 1 ? ' is' : 's are'} not met.`,
            unmet.map((item) => ({ path: item.id, message: item.reason })),
          );
        }
        const row = await r.submissions.insert({
          id: ids('sub'),
          offerId,
          status: 'pending',
          submittedAt: clock.now(),
          submittedById: actor.user.id,
          submittedByName: actor.user.name,
          snapshot: { input, report },
          fingerprint: report.fingerprint,
        });
        await refresh(r, offerId, actor, because('submitted', { name: actor.user.name }));
        const stored = await r.submissions.findById(row.id);
        if (!stored) throw notFound('The submission');
        return presentSubmission(stored);
      });
    },
  };
}

export type SubmissionService = ReturnType<typeof createSubmissionService>;
