import { z } from 'zod';
import { DryRunAnswerSchema } from '../../domain/schemas/status-effect.js';

/**
 * The 200 answer of a write that takes `?dryRun=true`: the written resource, or with the flag, the effect
 * the write would have on the offer's co-sell status (nothing written).
 */
export function orDryRun<T extends z.ZodType>(schema: T) {
  return z
    .union([schema, DryRunAnswerSchema])
    .describe('The result; with ?dryRun=true, { dryRun: true, statusEffect } and nothing changed');
}

/** The description every dry-run route carries, so API clients find the option the same way everywhere. */
export const DRY_RUN_DESCRIPTION =
  'With ?dryRun=true the change is checked as it would be made (the same errors), nothing is changed, and the answer is { dryRun: true, statusEffect }: the co-sell status before and after, the requirements it would leave unmet, the reviewed content it alters, whether the offer would leave the seller catalogue and whether co-sell ready would need a new review. Ask it before a change that may end co-sell ready.';
