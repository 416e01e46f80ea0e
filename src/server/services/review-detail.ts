import type { Repositories } from '../../db/repositories/index.js';
import type { OfferRow } from '../../db/repositories/offer-repository.js';
import type { SubmissionRow } from '../../db/repositories/submission-repository.js';
import { describeContent } from '../../domain/reviews/describe-content.js';
import { rejectedItemsChanged } from '../../domain/reviews/item-reasons.js';
import { diffSnapshots } from '../../domain/reviews/snapshot-diff.js';
import { readSnapshot, type SubmissionSnapshot } from '../../domain/reviews/submission-snapshot.js';
import { offerAccess } from '../access/offer-access.js';
import { offerFacts } from '../access/offer-facts.js';
import type { UserActor } from '../auth/actor.js';
import { documentUrl } from './document-presenter.js';

/** Who decided an earlier submission and when, as the review detail names it. */
function earlier(row: SubmissionRow) {
  return {
    submissionId: row.id,
    submittedAt: row.submittedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: row.decidedByName,
  };
}

/**
 * What the review page shows beside the submission: its content in words, whether the reviewer may open its
 * files (the access module decides, as for the document routes), what changed since the last approved
 * submission (else the last rejected one), and the previous rejection's reasons with whether each item changed.
 */
export async function reviewDetailParts(
  r: Repositories,
  actor: UserActor,
  submission: SubmissionRow,
  offer: OfferRow,
) {
  const snapshot = readSnapshot(submission.snapshot);
  const content = describeContent(snapshot, (document, inline) => {
    const url = `${documentUrl(offer.id, document.id)}/content`;
    return inline ? `${url}?disposition=inline` : url;
  });
  const facts = { ...offerFacts(offer), review: await r.submissions.reviewFacts(offer.id) };
  const canOpenDocuments = offerAccess(actor, facts, 'readDocuments') === 'allow';

  const approved = await r.submissions.latestForOffer(offer.id, ['approved'], submission.seq);
  const previous = await r.submissions.latestForOffer(offer.id, ['approved', 'rejected'], submission.seq);
  const base = approved ?? previous;
  const snapshots = new Map<string, SubmissionSnapshot>();
  const snapshotOf = (row: SubmissionRow) => {
    const known = snapshots.get(row.id) ?? readSnapshot(row.snapshot);
    snapshots.set(row.id, known);
    return known;
  };
  const changes = base && {
    ...earlier(base),
    status: base.status === 'approved' ? ('approved' as const) : ('rejected' as const),
    changes: diffSnapshots(snapshotOf(base), snapshot),
  };
  const rejection = previous?.status === 'rejected' && previous.itemReasons.length > 0 ? previous : undefined;
  const rejectedItems = rejection && {
    ...earlier(rejection),
    comment: rejection.comment,
    items: rejectedItemsChanged(
      rejection.itemReasons,
      snapshotOf(rejection).report,
      diffSnapshots(snapshotOf(rejection), snapshot),
    ),
  };
  return { content, canOpenDocuments, changes: changes ?? null, rejectedItems: rejectedItems ?? null };
}
