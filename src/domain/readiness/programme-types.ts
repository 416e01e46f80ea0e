import type { Taxonomy } from '../reference/taxonomy.js';
import type { ApprovalDependency } from './approval-dependencies.js';
import type { ReadinessInput, ReadinessMessage, ReadinessSection, TierId } from './readiness-types.js';

/** What a rule found: whether it is met, the data it looked at, and what to do about it. */
export interface RuleOutcome {
  met: boolean;
  reason: string;
  action: string;
  /** The reason as a translatable key and parameters. */
  reasonMessage: ReadinessMessage;
  /** The action as a translatable key and parameters. */
  actionMessage: ReadinessMessage;
  /** Overrides the rule's own `byReviewer` when only a reviewer's step is left (such as a confirmation). */
  byReviewer?: boolean;
  /** Who takes the action of an unmet item, when not the one `byReviewer` implies (submitting is yours). */
  actionBy?: 'publisher' | 'reviewer';
  /** Overrides the rule's Fix target section when the outcome points elsewhere (no markets: the offer). */
  section?: ReadinessSection;
  /** Overrides the rule's Fix target field when the outcome points at a more precise one. */
  field?: string;
  /** The values the item lacks, such as countries without a contact or empty profile fields. */
  missing?: string[];
}

/** What every rule may read besides the input: the programme's taxonomy and the current fingerprint. */
export interface ReadinessContext {
  taxonomy: Taxonomy;
  /** The approval fingerprint of this input (approval-dependencies.ts). */
  fingerprint: string;
  /** English words for an approval dependency, for the reasons that name one. */
  dependencyLabel: (id: string) => string;
}

/** One requirement of a tier, as data: a stable id, the Fix target and a pure check. */
export interface ReadinessRule {
  id: string;
  /** A short English name of the requirement, such as "Partner ID" (the web may translate by id). */
  label: string;
  section: ReadinessSection;
  field: string;
  byReviewer?: boolean;
  check(input: ReadinessInput, ctx: ReadinessContext): RuleOutcome;
}

/** A status tier of a programme year: met when every rule is met and the required tier is met. */
export interface TierDefinition {
  id: TierId;
  label: string;
  /** The tier that must be met first, or null for the base tier. */
  requires: TierId | null;
  /** The offer types the tier can apply to; a tier is left out of other offers' reports. All when absent. */
  offerTypes?: readonly string[];
  rules: readonly ReadinessRule[];
}

/** The co-sell programme of one taxonomy version: its tiers, lowest first, and what approval covers. */
export interface ReadinessProgramme {
  taxonomyVersion: string;
  tiers: readonly TierDefinition[];
  /** The tier a reviewer approves; its data is fingerprinted and InReview applies while it is not met. */
  approvalTier: TierId;
  /** The rule of the approval tier that is the reviewer's approval (left out of canSubmit). */
  approvalRuleId: string;
  /** What the approval depends on (approval-dependencies.ts): while that content is unchanged, it holds. */
  approvalDependencies: readonly ApprovalDependency[];
  /** The document slots required for the approval tier (their files are approval dependencies). */
  requiredDocumentSlots: readonly string[];
}
