import { z } from 'zod';
import type { Taxonomy } from '../reference/taxonomy.js';
import { findListingProblems } from './listing-rules.js';

// Bounds on the input's size only; the taxonomy's limits are rules, checked by findListingProblems.
const ids = z.array(z.string().trim().min(1).max(100)).max(50);

/** The shape of a listing a client sends. Every field may be empty: a draft never requires anything. */
export const ListingInputSchema = z.strictObject({
  platforms: ids.default([]).describe('Microsoft platform ids'),
  marketSegments: ids.default([]).describe('Market segment ids'),
  solutionType: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .nullable()
    .default(null)
    .describe('One solution type id, or null'),
  solutionAreas: z
    .array(z.strictObject({ area: z.string().trim().min(1).max(100), subAreas: ids.default([]) }))
    .max(50)
    .default([])
    .describe('Solution areas, each with its sub-areas'),
});
export type ListingInput = z.output<typeof ListingInputSchema>;

/**
 * The listing schema with the taxonomy's rules: what the web form validates with, and what the server
 * applies after the shape check (it answers 422 for these problems, 400 for a wrong shape).
 */
export function listingSchemaFor(taxonomy: Taxonomy) {
  return ListingInputSchema.superRefine((listing, context) => {
    for (const problem of findListingProblems(listing, taxonomy)) {
      // The message's key rides in the issue's params, so the server and the web show it in any language.
      context.addIssue({
        code: 'custom',
        path: problem.path,
        message: problem.message,
        params: { message: problem.text },
      });
    }
  });
}

export const MissingItemSchema = z.object({
  path: z.string().describe('The field that still needs a value for co-sell ready'),
  message: z.string().describe('What it needs, in English'),
  key: z
    .string()
    .describe('The message as a key of the message catalogue (problems.listing.*), to translate'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).describe('The data the message names'),
});

export const ListingSchema = z.object({
  platforms: z.array(z.string()),
  marketSegments: z.array(z.string()),
  solutionType: z.string().nullable(),
  solutionAreas: z.array(z.object({ area: z.string(), subAreas: z.array(z.string()) })),
  taxonomyVersion: z.string().describe('The taxonomy version the listing was written against'),
  version: z.number().int().describe('0 while the listing has never been saved'),
  updatedAt: z.string().nullable(),
  missing: z.array(MissingItemSchema).describe('What co-sell ready still needs; saving never requires it'),
});
export type Listing = z.infer<typeof ListingSchema>;
