import { CURRENT_TAXONOMY_VERSION, getTaxonomy } from '../reference/taxonomy.js';
import { computeApprovalFingerprint } from './approval-dependencies.js';
import type { ReadinessContext, ReadinessProgramme, ReadinessRule, RuleOutcome } from './programme-types.js';
import { getReadinessProgramme } from './programmes.js';
import type {
  CoSellStatus,
  ReadinessInput,
  ReadinessItem,
  ReadinessReport,
  ReadinessTier,
} from './readiness-types.js';
import { plural } from './rule-helpers.js';

function toItem(rule: ReadinessRule, outcome: RuleOutcome): ReadinessItem {
  const item: ReadinessItem = {
    id: rule.id,
    label: rule.label,
    met: outcome.met,
    reason: outcome.reason,
    action: outcome.action,
    reasonMessage: outcome.reasonMessage,
    actionMessage: outcome.actionMessage,
    fix: { section: outcome.section ?? rule.section, field: outcome.field ?? rule.field },
  };
  const byReviewer = outcome.byReviewer ?? rule.byReviewer;
  if (byReviewer) item.byReviewer = true;
  if (!outcome.met) item.actionBy = outcome.actionBy ?? (byReviewer ? 'reviewer' : 'publisher');
  if (outcome.missing && outcome.missing.length > 0) item.missing = outcome.missing;
  return item;
}

/** The item a tier gets for the tier it requires: met with it; its Fix goes to that tier's first open item. */
function requiredTierItem(required: ReadinessTier): ReadinessItem {
  const open = required.items.filter((i) => !i.met);
  const first = open[0] ?? required.items[0];
  const item: ReadinessItem = {
    id: `${required.id.charAt(0).toLowerCase()}${required.id.slice(1)}`,
    label: required.label,
    met: required.met,
    reason: required.met
      ? `${required.label} is met.`
      : `${required.label} is not met: ${open.length} of ${plural(required.items.length, 'requirement')} open (${open.map((i) => i.label ?? i.id).join(', ')}).`,
    action: required.met ? 'Nothing to do' : `Meet ${required.label} first`,
    reasonMessage: required.met
      ? { key: 'requiredTier.met', params: { tier: required.id } }
      : {
          key: 'requiredTier.notMet',
          params: {
            tier: required.id,
            open: open.length,
            total: required.items.length,
            items: open.map((i) => i.id).join(', '),
          },
        },
    actionMessage: required.met
      ? { key: 'nothing', params: {} }
      : { key: 'requiredTier.meetFirst', params: { tier: required.id } },
    fix: first ? { ...first.fix } : { section: 'offer', field: 'offerType' },
  };
  if (!required.met && open.every((i) => i.byReviewer)) item.byReviewer = true;
  if (!required.met) item.actionBy = open.every((i) => i.actionBy === 'reviewer') ? 'reviewer' : 'publisher';
  return item;
}

/**
 * Every requirement of every co-sell status tier that can apply to the offer's type: met or not, why, what
 * to do, who does it and where the Fix button goes. The programme is the one of the listing's taxonomy
 * version (or the current version when there is no listing yet); throws when that version has no programme.
 * Pure: `input.today` is the clock.
 */
export function evaluateReadiness(
  input: ReadinessInput,
  options: { programme?: ReadinessProgramme } = {},
): ReadinessReport {
  const version = input.listing?.taxonomyVersion ?? CURRENT_TAXONOMY_VERSION;
  const programme = options.programme ?? getReadinessProgramme(version);
  const taxonomy = getTaxonomy(programme.taxonomyVersion);
  const fingerprint = computeApprovalFingerprint(input, programme.approvalDependencies);
  const dependencyLabel = (id: string) =>
    programme.approvalDependencies.find((d) => d.id === id)?.label ?? id;
  const ctx: ReadinessContext = { taxonomy, fingerprint, dependencyLabel };

  const tiers: ReadinessTier[] = [];
  for (const definition of programme.tiers) {
    // A tier for other offer types is not shown at all: it cannot be met, and its Fix would lead nowhere.
    if (definition.offerTypes && !definition.offerTypes.includes(input.offer.offerType)) continue;
    const items = definition.rules.map((rule) => toItem(rule, rule.check(input, ctx)));
    if (definition.requires) {
      const required = tiers.find((t) => t.id === definition.requires);
      if (!required)
        throw new Error(
          `Tier ${definition.id} requires ${definition.requires}, which comes later or not at all`,
        );
      items.unshift(requiredTierItem(required));
    }
    tiers.push({ id: definition.id, label: definition.label, met: items.every((i) => i.met), items });
  }

  const approvalTier = tiers.find((t) => t.id === programme.approvalTier);
  const highest = tiers.filter((t) => t.met).at(-1);
  let status: CoSellStatus = highest ? highest.id : 'NotCoSellReady';
  if (!approvalTier?.met && input.review.status === 'pending') status = 'InReview';

  const canSubmit =
    approvalTier?.items.filter((i) => i.id !== programme.approvalRuleId).every((i) => i.met) ?? false;

  return { taxonomyVersion: programme.taxonomyVersion, status, tiers, canSubmit, fingerprint };
}
