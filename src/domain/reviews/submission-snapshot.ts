import { z } from 'zod';
import type { ReadinessReport } from '../readiness/readiness-types.js';
import { ReadinessReportSchema } from '../schemas/readiness.js';
import { type FrozenContent, FrozenContentSchema } from '../schemas/review-content.js';

// Each part read on its own and dropped when it does not parse: a snapshot frozen by an older server shows
// what it has rather than nothing.
const lenient = <T extends z.ZodType>(schema: T) => schema.nullish().catch(undefined);

const SnapshotInputSchema = z.object({
  organization: lenient(
    z.object({
      legalName: z.string().nullable(),
      partnerId: z.string().nullable(),
      website: z.string().nullable(),
      headquartersCountry: z.string().nullable(),
      description: z.string().nullable(),
      enrolments: z.array(z.string()).catch([]),
      azureConsumedRevenue: lenient(
        z.object({ amountUsd: z.number(), periodEnd: z.string(), confirmedByReviewer: z.boolean() }),
      ),
    }),
  ),
  offer: lenient(
    z.object({ offerType: z.string(), state: z.enum(['draft', 'live']), markets: z.array(z.string()) }),
  ),
  listing: lenient(
    z.object({
      taxonomyVersion: z.string(),
      platforms: z.array(z.string()),
      marketSegments: z.array(z.string()),
      solutionType: z.string().nullable(),
      solutionAreas: z.array(z.object({ area: z.string(), subAreas: z.array(z.string()) })),
    }),
  ),
  documents: lenient(z.array(z.object({ slot: z.string(), sha256: z.string().optional() }))),
  contacts: lenient(z.array(z.object({ role: z.string(), countries: z.array(z.string()) }))),
});

export type SnapshotInput = z.infer<typeof SnapshotInputSchema>;

// Undefined, not null: a listing of null means the offer had none; undefined that nothing was recorded.
const EMPTY_INPUT: SnapshotInput = {
  organization: undefined,
  offer: undefined,
  listing: undefined,
  documents: undefined,
  contacts: undefined,
};

const SnapshotSchema = z.object({
  input: SnapshotInputSchema.catch(EMPTY_INPUT),
  report: lenient(ReadinessReportSchema),
  content: lenient(FrozenContentSchema),
});

/**
 * A submission's frozen snapshot as the review reads it. `input` is the readiness input (a part the snapshot
 * lacks, or that does not parse, is undefined; a listing of null means the offer had none), `report` the readiness report, `content` what submissions freeze since they keep
 * names, document rows and contacts (null in older snapshots).
 */
export interface SubmissionSnapshot {
  input: SnapshotInput;
  report: ReadinessReport | null;
  content: FrozenContent | null;
}

/** Reads a stored snapshot, keeping every part that parses. Never throws. */
export function readSnapshot(stored: unknown): SubmissionSnapshot {
  const parsed = SnapshotSchema.safeParse(stored);
  if (!parsed.success) return { input: EMPTY_INPUT, report: null, content: null };
  const { input, report, content } = parsed.data;
  return { input, report: report ?? null, content: content ?? null };
}
