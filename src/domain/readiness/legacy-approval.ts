import { z } from 'zod';
import {
  type ApprovalDependency,
  computeApprovalFingerprint,
  isCurrentApprovalFingerprint,
} from './approval-dependencies.js';
import type { ReadinessInput } from './readiness-types.js';

/**
 * Approvals stored before approval fingerprints carry an "r1" fingerprint: one hash per category (profile,
 * offer, listing, documents, contacts), which counted every contact and the draft/live state. Comparing it
 * with today's fingerprint would say "changed" for every such approval (a silent drop), and reading it as
 * "unchanged" would be a guess (a silent hold).
 *
 * Decision: an older approval is fingerprinted again from the readiness input frozen in its submission, the
 * content the reviewer saw, by today's rule; it then holds exactly while that content is unchanged. When
 * the frozen input lacks what the rule reads (no snapshot, or a required slot's file without its sha256),
 * the stored fingerprint is kept: it cannot be compared, the approval no longer holds, and the item says so
 * ("cannot be compared: submit for review again") rather than naming a change that did not happen.
 */

/** The parts of a frozen input the dependencies read; anything else in it is ignored. */
const FrozenInputSchema = z.object({
  organization: z.object({ partnerId: z.string().nullable() }),
  offer: z.object({ offerType: z.string(), markets: z.array(z.string()) }),
  listing: z
    .object({
      taxonomyVersion: z.string(),
      platforms: z.array(z.string()),
      marketSegments: z.array(z.string()),
      solutionType: z.string().nullable(),
      solutionAreas: z.array(z.object({ area: z.string(), subAreas: z.array(z.string()) })),
    })
    .nullable(),
  documents: z.array(z.object({ slot: z.string(), sha256: z.string().optional() })),
  contacts: z.array(z.object({ role: z.string(), countries: z.array(z.string()) })),
});

/**
 * The approved fingerprint to compare with today's: the stored one when it is of the current format, else
 * one computed from the submission's frozen input when that input has everything the rule reads, else the
 * stored one (which cannot be compared).
 */
export function approvedFingerprintOf(
  stored: string,
  frozenInput: unknown,
  dependencies: readonly ApprovalDependency[],
  documentSlots: readonly string[],
): string {
  if (isCurrentApprovalFingerprint(stored)) return stored;
  const parsed = FrozenInputSchema.safeParse(frozenInput);
  if (!parsed.success) return stored;
  const unhashed = parsed.data.documents.some((d) => documentSlots.includes(d.slot) && !d.sha256);
  if (unhashed) return stored;
  return computeApprovalFingerprint(parsed.data as unknown as ReadinessInput, dependencies);
}
