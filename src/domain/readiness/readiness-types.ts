import type { z } from 'zod';
import type {
  coSellStatuses,
  ReadinessItemSchema,
  ReadinessMessageSchema,
  ReadinessReportSchema,
  ReadinessTierSchema,
  readinessSections,
  readinessTierIds,
} from '../schemas/readiness.js';

export interface OrganizationProfileValues {
  legalName: string | null;
  partnerId: string | null; // digits
  website: string | null;
  headquartersCountry: string | null;
  description: string | null;
  enrolments: string[]; // e.g. 'IsvConnect'
  azureConsumedRevenue: {
    amountUsd: number;
    periodEnd: string;
    attestedAt: string;
    confirmedByReviewer: boolean;
  } | null;
}
export interface ReadinessInput {
  organization: OrganizationProfileValues;
  offer: { offerType: string; state: 'draft' | 'live'; markets: string[] };
  listing: {
    taxonomyVersion: string;
    platforms: string[];
    marketSegments: string[];
    solutionType: string | null;
    solutionAreas: { area: string; subAreas: string[] }[];
  } | null;
  /** The slots' CURRENT documents. `sha256`, when the server passes it, goes into the approval fingerprint. */
  documents: { slot: string; sha256?: string }[];
  /** The sha256 of each blank document template the server hands out: such a file meets no requirement. */
  blankTemplates?: string[];
  contacts: { role: string; countries: string[] }[];
  review: {
    status: 'none' | 'pending' | 'approved' | 'rejected';
    approvedFingerprint: string | null;
    technicalValidationPassed: boolean;
  };
  /** ISO date "today", for the trailing-twelve-months check (the engine never reads a clock). */
  today: string;
}

// The report's types are the schemas' (schemas/readiness.ts): what the server answers and the web parses
// is the engine's output by construction.
export type ReadinessMessage = z.infer<typeof ReadinessMessageSchema>;
export type ReadinessSection = (typeof readinessSections)[number];
export type ReadinessItem = z.infer<typeof ReadinessItemSchema>;
export type TierId = (typeof readinessTierIds)[number];
export type ReadinessTier = z.infer<typeof ReadinessTierSchema>;
export type CoSellStatus = (typeof coSellStatuses)[number];
export type ReadinessReport = z.infer<typeof ReadinessReportSchema>;
