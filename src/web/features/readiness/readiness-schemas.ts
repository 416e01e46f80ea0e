import { z } from 'zod';
import type {
  CoSellStatus,
  ReadinessItem,
  ReadinessReport,
  ReadinessSection,
  ReadinessTier,
} from '../../../domain/readiness/readiness-types.js';

// The client parses what the readiness endpoints answer against the engine's types: a mismatch fails loudly
// (ApiError invalidResponse) instead of rendering half a report.

export const coSellStatuses = [
  'NotCoSellReady',
  'InReview',
  'CoSellReady',
  'AzureIpCoSellIncentivized',
  'BusinessApplicationsCoSellIncentivized',
] as const satisfies readonly CoSellStatus[];

const sections = [
  'organization',
  'offer',
  'listing',
  'documents',
  'contacts',
  'review',
] as const satisfies readonly ReadinessSection[];

const ReadinessMessageSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

const ReadinessItemSchema: z.ZodType<ReadinessItem> = z.object({
  id: z.string(),
  met: z.boolean(),
  reason: z.string(),
  action: z.string(),
  reasonMessage: ReadinessMessageSchema.optional(),
  actionMessage: ReadinessMessageSchema.optional(),
  fix: z.object({ section: z.enum(sections), field: z.string() }),
  byReviewer: z.boolean().optional(),
});

const ReadinessTierSchema: z.ZodType<ReadinessTier> = z.object({
  id: z.enum(['CoSellReady', 'AzureIpCoSellIncentivized', 'BusinessApplicationsCoSellIncentivized']),
  label: z.string(),
  met: z.boolean(),
  items: z.array(ReadinessItemSchema),
});

export const ReadinessReportSchema: z.ZodType<ReadinessReport> = z.object({
  taxonomyVersion: z.string(),
  status: z.enum(coSellStatuses),
  tiers: z.array(ReadinessTierSchema),
  canSubmit: z.boolean(),
  fingerprint: z.string(),
});
