import type { Submission } from '../../../domain/schemas/reviews.js';

/**
 * The reasons of the rejection the publisher has to answer, by item id: those of the latest submission that
 * was not withdrawn, when a reviewer rejected it. Once the offer is sent again (pending) or approved, the old
 * reasons are no longer what stands.
 */
export function standingReasons(submissions: readonly Submission[] | undefined): ReadonlyMap<string, string> {
  const latest = submissions?.find((submission) => submission.status !== 'withdrawn');
  if (latest?.status !== 'rejected' || !latest.decision) return new Map();
  return new Map(latest.decision.reasons.map(({ itemId, reason }) => [itemId, reason]));
}
