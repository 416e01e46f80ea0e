import { z } from 'zod';
import { ALL_COUNTRIES_CODE } from '../reference/taxonomy.js';

const EntrySchema = z.object({ id: z.string(), label: z.string() });

/** The reference data a client needs to render and validate a co-sell profile. */
export const ReferenceResponseSchema = z.object({
  taxonomyVersion: z.string(),
  availableVersions: z.array(z.string()),
  rules: z.object({
    platforms: z.object({ min: z.number() }),
    marketSegments: z.object({ min: z.number() }),
    solutionType: z.object({ exactly: z.number() }),
    solutionAreas: z.object({
      min: z.number(),
      max: z.number(),
      subAreasPerArea: z.object({ min: z.number(), max: z.number() }),
      duplicateAreas: z.boolean(),
    }),
    otherDocuments: z.object({ max: z.number() }),
    documentFileExtensions: z.array(z.string()),
  }),
  offerTypes: z.array(EntrySchema.extend({ coSell: z.boolean() })),
  platforms: z.array(EntrySchema),
  marketSegments: z.array(EntrySchema),
  solutionTypes: z.array(EntrySchema),
  solutionAreas: z.array(EntrySchema.extend({ subAreas: z.array(EntrySchema) })),
  contactRoles: z.array(EntrySchema),
  documentSlots: z.array(
    EntrySchema.extend({
      requiredForCoSellReady: z.boolean(),
      maxFiles: z.number(),
      visibleToChannelResellers: z.boolean().optional(),
    }),
  ),
  coSellStatuses: z.array(EntrySchema),
  countries: z
    .array(z.object({ code: z.string(), name: z.string() }))
    .describe('The countries and regions a market or a contact may name'),
  allCountries: z
    .object({ code: z.literal(ALL_COUNTRIES_CODE), name: z.string() })
    .describe(
      `The code that stands for all countries/regions: a contact's countries may be [${ALL_COUNTRIES_CODE}] alone; not a market`,
    ),
  states: z.array(z.object({ code: z.string(), name: z.string(), country: z.string() })),
});
export type ReferenceResponse = z.infer<typeof ReferenceResponseSchema>;
