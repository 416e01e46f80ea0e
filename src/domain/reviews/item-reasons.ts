import { issue } from '../messages/problem.js';
import type { ReadinessItem, ReadinessReport } from '../readiness/readiness-types.js';
import type { ErrorIssue } from '../schemas/errors.js';
import type { ContentChange } from '../schemas/review-content.js';

export interface ItemReason {
  itemId: string;
  reason: string;
}

/** Every item of a report once, lowest tier first (a tier repeats items of the tier it requires). */
export function reportItems(report: ReadinessReport): ReadinessItem[] {
  const seen = new Map<string, ReadinessItem>();
  for (const tier of report.tiers)
    for (const item of tier.items) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}

/** The items a rejection may give a reason for: those the publisher can act on. */
export function reasonableItems(report: ReadinessReport): ReadinessItem[] {
  return reportItems(report).filter((item) => !item.byReviewer && item.fix.section !== 'review');
}

/**
 * What is wrong with a rejection's reasons, against the report frozen with the submission: an item the report
 * does not have, an item only a reviewer can meet (the publisher could not act on it), an item given twice.
 */
export function findReasonProblems(reasons: readonly ItemReason[], report: ReadinessReport): ErrorIssue[] {
  const all = new Map(reportItems(report).map((item) => [item.id, item]));
  const allowed = new Set(reasonableItems(report).map((item) => item.id));
  const seen = new Set<string>();
  return reasons.flatMap(({ itemId }, index) => {
    const path = `reasons[${index}].itemId`;
    if (!all.has(itemId)) return [issue(path, 'reviews.notAnItem', { value: itemId })];
    if (!allowed.has(itemId)) return [issue(path, 'reviews.metByReviewer', { item: itemId })];
    if (seen.has(itemId)) return [issue(path, 'reviews.reasonTwice', { item: itemId })];
    seen.add(itemId);
    return [];
  });
}

/**
 * Whether a change concerns an item: a document item its slot's files, a contacts item the contacts or the
 * markets, any other item a field of the part of the profile it belongs to (its Fix section).
 */
export function changeConcerns(item: Pick<ReadinessItem, 'fix'>, change: ContentChange): boolean {
  const { section, field } = item.fix;
  switch (change.kind) {
    case 'documents':
      return section === 'documents' && change.slot.id === field;
    case 'contact':
      return section === 'contacts';
    case 'value':
      if (section === 'contacts') return change.part === 'offer' && change.field === 'markets';
      return change.part === section;
  }
}

/**
 * A rejection's reasons with whether each item changed since, given the changes between the rejected
 * submission's snapshot and a later one. An item the rejected report no longer has counts as changed only if
 * anything changed at all (there is nothing narrower to go by).
 */
export function rejectedItemsChanged(
  reasons: readonly ItemReason[],
  rejectedReport: ReadinessReport | null,
  changes: readonly ContentChange[],
): (ItemReason & { changed: boolean })[] {
  const items = new Map((rejectedReport ? reportItems(rejectedReport) : []).map((i) => [i.id, i]));
  return reasons.map(({ itemId, reason }) => {
    const item = items.get(itemId);
    const changed = item ? changes.some((change) => changeConcerns(item, change)) : changes.length > 0;
    return { itemId, reason, changed };
  });
}
