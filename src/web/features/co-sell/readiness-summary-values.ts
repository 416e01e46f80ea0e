import {
  findListingProblems,
  findMissingListingItems,
  type ListingValues,
} from '../../../domain/listing/listing-rules.js';
import type {
  ReadinessItem,
  ReadinessReport,
  ReadinessTier,
} from '../../../domain/readiness/readiness-types.js';
import type { Taxonomy } from '../../../domain/reference/taxonomy.js';

/** The sections of the co-sell tab whose items the summary counts beside their link. */
export const countedSections = ['listing', 'documents', 'contacts'] as const;
export type CountedSection = (typeof countedSections)[number];

/** A readiness item as the summary shows it: met as saved, or as the listing form's unsaved values make it. */
export interface SummaryItem extends ReadinessItem {
  /** Its state comes from unsaved input, not from the server. */
  fromDraft: boolean;
}

/** What the co-sell tab's summary shows: the tier being worked towards and what it still needs, by section. */
export interface ReadinessSummary {
  tier: Omit<ReadinessTier, 'items'> & { items: SummaryItem[] };
  met: number;
  total: number;
  /** Unmet items of the tier that the publisher can act on, per section. */
  toDo: Record<CountedSection, number>;
  /** Some item counts unsaved input. */
  countsDraft: boolean;
}

/** The solution type an item of the solution-type rule asks for, read from its message (rules.ts keys). */
function neededSolutionType(item: ReadinessItem): string | undefined {
  const message = item.reasonMessage;
  if (!message?.key.startsWith('solutionType.')) return undefined;
  const needed =
    message.key === 'solutionType.met' ? message.params.solutionType : message.params.neededSolutionType;
  return typeof needed === 'string' ? needed : undefined;
}

/**
 * An item as the listing draft makes it: the listing's completeness by the same domain rules the server
 * applies, and a tier's solution type; other items (documents, contacts, the review) are as saved.
 */
function withDraft(item: ReadinessItem, draft: ListingValues, taxonomy: Taxonomy): SummaryItem {
  if (item.fix.section !== 'listing') return { ...item, fromDraft: false };
  let met: boolean | undefined;
  if (item.id === 'listingComplete')
    met =
      findMissingListingItems(draft, taxonomy).length === 0 &&
      findListingProblems(draft, taxonomy).length === 0;
  else {
    const needed = item.fix.field === 'solutionType' ? neededSolutionType(item) : undefined;
    if (needed !== undefined) met = draft.solutionType === needed;
  }
  if (met === undefined || met === item.met) return { ...item, fromDraft: false };
  return { ...item, met, fromDraft: true };
}

/** Whether the publisher can act on an unmet item (a reviewer's approval or confirmation is not theirs). */
function isPublishers(item: ReadinessItem): boolean {
  return !item.byReviewer && item.fix.section !== 'review';
}

/**
 * The summary of a readiness report, with the listing form's unsaved values (`draft`, null when there are
 * none) counted in, so that it follows the form as the person fills it in. The tier shown is the first one
 * not met, or the highest when all are.
 */
export function summariseReadiness(
  report: ReadinessReport,
  draft: ListingValues | null,
  taxonomy: Taxonomy,
): ReadinessSummary | undefined {
  const source = report.tiers.find((tier) => !tier.met) ?? report.tiers.at(-1);
  if (!source) return undefined;
  const items = source.items.map((item) =>
    draft ? withDraft(item, draft, taxonomy) : { ...item, fromDraft: false },
  );
  const toDo: Record<CountedSection, number> = { listing: 0, documents: 0, contacts: 0 };
  for (const item of items) {
    const section = item.fix.section as CountedSection;
    if (!item.met && isPublishers(item) && countedSections.includes(section)) toDo[section] += 1;
  }
  return {
    tier: { ...source, items },
    met: items.filter((item) => item.met).length,
    total: items.length,
    toDo,
    countsDraft: items.some((item) => item.fromDraft),
  };
}
