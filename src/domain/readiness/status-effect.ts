import type { StatusEffect } from '../schemas/status-effect.js';
import { findChangedDependencies } from './approval-dependencies.js';
import { getReadinessProgramme } from './programmes.js';
import type { CoSellStatus, ReadinessItem, ReadinessReport } from './readiness-types.js';

/** How far up the statuses go: a change to a lower rank lowers the status. */
const RANK: Record<CoSellStatus, number> = {
  NotCoSellReady: 0,
  InReview: 1,
  CoSellReady: 2,
  AzureIpCoSellIncentivized: 3,
  BusinessApplicationsCoSellIncentivized: 3,
};

/** The id of the item a higher tier has for a tier it requires ("CoSellReady" gives "coSellReady"). */
const tierItemId = (tierId: string) => `${tierId.charAt(0).toLowerCase()}${tierId.slice(1)}`;

/** Unmet items in report order (lowest tier first), each id once. */
export function unmetItems(report: ReadinessReport): ReadinessItem[] {
  const seen = new Set<string>();
  const items: ReadinessItem[] = [];
  for (const tier of report.tiers) {
    for (const item of tier.items) {
      if (item.met || seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
}

/**
 * The items a change newly left unmet, the cause first: a requirement before an item that only stands for
 * a lower tier, and a requirement the publisher meets before a reviewer's step. The one place that decides
 * why a status changed: the status refresh writes the first as the history's reason, and a dry run lists
 * them all.
 */
export function newlyUnmetItems(
  report: ReadinessReport,
  previouslyUnmet: readonly string[],
): ReadinessItem[] {
  const known = new Set(previouslyUnmet);
  const tierItems = new Set(report.tiers.map((t) => tierItemId(t.id)));
  const fresh = unmetItems(report).filter((i) => !known.has(i.id));
  const rank = (i: ReadinessItem) => (tierItems.has(i.id) ? 2 : i.byReviewer ? 1 : 0);
  return fresh
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
    .map((e) => e.item);
}

/** An offer's readiness at one moment, as a dry run observes it before and after a change. */
export interface StatusObservation {
  report: ReadinessReport;
  /** Whether the seller catalogue holds the offer (live, of a co-sell type). */
  inCatalogue: boolean;
  /** The approval fingerprint of the submission waiting for a reviewer, if one waits. */
  pendingFingerprint: string | null;
}

/** Whether the report's approval item is met: a reviewer approved the content as it is. */
function approvalHolds(report: ReadinessReport): boolean {
  const programme = getReadinessProgramme(report.taxonomyVersion);
  const tier = report.tiers.find((t) => t.id === programme.approvalTier);
  return tier?.items.find((i) => i.id === programme.approvalRuleId)?.met === true;
}

/**
 * What a change does to the co-sell status, from the offer's readiness before and after it (the same engine
 * evaluated on the prospective state): the statuses, the requirements it breaks, the reviewed content it
 * alters, whether the offer leaves the catalogue and whether co-sell ready then needs a new review.
 */
export function describeStatusEffect(before: StatusObservation, after: StatusObservation): StatusEffect {
  const previouslyUnmet = unmetItems(before.report).map((i) => i.id);
  const fresh = newlyUnmetItems(after.report, previouslyUnmet);
  const tierItems = new Set(after.report.tiers.map((t) => tierItemId(t.id)));
  const shown = fresh.some((i) => !tierItems.has(i.id)) ? fresh.filter((i) => !tierItems.has(i.id)) : fresh;
  const changedContent = findChangedDependencies(before.report.fingerprint, after.report.fingerprint) ?? [];
  // A review covers the content when its approval holds, or when a waiting submission froze this content.
  const reviewed =
    approvalHolds(before.report) ||
    (before.pendingFingerprint !== null && before.pendingFingerprint === before.report.fingerprint);
  const startsNewReview = reviewed && changedContent.length > 0;
  const leavesCatalogue = before.inCatalogue && !after.inCatalogue;
  const lowers = RANK[after.report.status] < RANK[before.report.status];
  return {
    before: before.report.status,
    after: after.report.status,
    reasons: shown.map((i) => ({
      itemId: i.id,
      reason: i.reason,
      ...(i.reasonMessage && { reasonMessage: i.reasonMessage }),
    })),
    changedContent,
    leavesCatalogue,
    startsNewReview,
    needsConfirmation: lowers || leavesCatalogue || startsNewReview,
  };
}

/**
 * What a new file in a document slot would do to the status, from the current report alone: for a client
 * that would rather not send a file twice (an upload's dry run takes the whole file). A new file in a slot
 * the approval depends on is new reviewed content: an approval that holds ends (co-sell ready needs a new
 * review), and a waiting submission no longer covers the content. The caller leaves out a file with the same
 * bytes as the current one, which changes nothing; a blank template, which breaks the requirement as well,
 * ends co-sell ready all the same.
 */
export function newFileEffect(report: ReadinessReport, slot: string): StatusEffect {
  const programme = getReadinessProgramme(report.taxonomyVersion);
  const reviewed = programme.approvalDependencies.some((d) => d.id === slot);
  const holds = reviewed && approvalHolds(report);
  const pending = reviewed && report.status === 'InReview';
  const label = programme.approvalDependencies.find((d) => d.id === slot)?.label ?? slot;
  return {
    before: report.status,
    after: holds ? 'NotCoSellReady' : report.status,
    reasons: holds
      ? [
          {
            itemId: programme.approvalRuleId,
            reason: `A reviewer approved the submission, but the ${label} changed since.`,
            reasonMessage: { key: 'approved.changed', params: { categories: slot } },
          },
        ]
      : [],
    changedContent: reviewed ? [slot] : [],
    leavesCatalogue: false,
    startsNewReview: holds || pending,
    needsConfirmation: holds || pending,
  };
}
