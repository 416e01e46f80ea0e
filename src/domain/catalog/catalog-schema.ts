import { z } from 'zod';
import { ContactSchema } from '../contacts/contact-schema.js';

const ids = (what: string) =>
  z
    .union([z.string().max(100), z.array(z.string().max(100)).max(50)])
    .optional()
    .describe(`${what}; repeat the parameter for several (any of them matches)`);

/** GET /api/v1/catalog/offers: free text, filters (repeatable), cursor. */
export const CatalogSearchQuerySchema = z.strictObject({
  q: z
    .string()
    .max(200)
    .optional()
    .describe(
      'Free text: words of the name, descriptions, platform, area and sub-area labels (English or Swedish; accents and case do not matter; close misspellings match)',
    ),
  platform: ids('Platform ids, such as Azure'),
  segment: ids('Market segment ids, such as SMB'),
  solutionType: ids('Solution type ids, such as IP'),
  area: ids('Solution area ids, such as Security'),
  subArea: ids('Sub-area ids, such as ThreatProtection'),
  country: ids('Two-letter country codes: offers available there'),
  offerType: ids('Offer type ids, such as SaaS'),
  status: ids('Co-sell status ids, such as CoSellReady'),
  cursor: z.string().max(500).optional().describe("The previous page's nextCursor"),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Results per page, 1 to 100'),
});
export type CatalogSearchQuery = z.output<typeof CatalogSearchQuerySchema>;

/** A repeatable query parameter as a list. */
export const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export const CATALOG_FACETS = [
  'platform',
  'segment',
  'solutionType',
  'area',
  'subArea',
  'country',
  'offerType',
  'status',
] as const;
export type CatalogFacet = (typeof CATALOG_FACETS)[number];

export const FacetCountSchema = z.object({ id: z.string(), count: z.number().int() });

export const CatalogItemSchema = z.object({
  offerId: z.string(),
  name: z.string(),
  offerType: z.string(),
  coSellStatus: z.string(),
  summary: z.string(),
  organizationName: z.string(),
  soldThroughCsp: z.boolean(),
  markets: z
    .array(z.string())
    .describe('Two-letter codes of the countries and regions where it is available'),
  worldwide: z
    .boolean()
    .describe('Available in every country and region of the reference table (markets then lists them all)'),
  platforms: z.array(z.string()),
  solutionAreas: z.array(z.string()).describe('Solution area ids, such as DataAndAI'),
  documentSlots: z
    .array(z.string())
    .describe(
      "Document slots with a current file that the caller may open (channel resellers: the channel pitch deck only), in the taxonomy's order",
    ),
  contactRoles: z
    .array(z.string())
    .describe(
      "Contact roles with a contact for the country filter: one naming a filtered country, or OOO (all countries); without a country filter, every role with a contact. In the taxonomy's order",
    ),
  matched: z
    .array(z.string())
    .describe(
      'Why it matched: fields the words were found in (name, summary, description, platform:<id>, area:<id>, subArea:<id>) and filters applied (filter:<facet>:<id>)',
    ),
});
export type CatalogItem = z.infer<typeof CatalogItemSchema>;

export const CatalogPageSchema = z.object({
  items: z.array(CatalogItemSchema),
  facets: z
    .object(
      Object.fromEntries(CATALOG_FACETS.map((f) => [f, z.array(FacetCountSchema)])) as Record<
        CatalogFacet,
        z.ZodArray<typeof FacetCountSchema>
      >,
    )
    .describe("Per filter value, how many results choosing it would give (the facet's own filter left out)"),
  total: z.number().int().describe('How many offers match the query and every filter'),
  nextCursor: z.string().nullable(),
});
export type CatalogPage = z.infer<typeof CatalogPageSchema>;

const CatalogDocumentSchema = z.object({
  id: z.string(),
  slot: z.string(),
  slotLabel: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  version: z.number().int(),
  uploadedAt: z.string(),
  contentUrl: z.string().describe('GET it to download the file'),
});

/** GET /api/v1/catalog/offers/{offerId}: what a seller or channel reseller sees of one offer. */
export const CatalogOfferSchema = z.object({
  offerId: z.string(),
  name: z.string(),
  offerType: z.string(),
  summary: z.string(),
  description: z.string(),
  organizationName: z.string(),
  markets: z.array(z.string()),
  soldThroughCsp: z.boolean(),
  coSellStatus: z.string(),
  audience: z.enum(['seller', 'reseller']),
  listing: z.object({
    platforms: z.array(z.string()),
    marketSegments: z.array(z.string()),
    solutionType: z.string().nullable(),
    solutionAreas: z.array(z.object({ area: z.string(), subAreas: z.array(z.string()) })),
    taxonomyVersion: z.string(),
  }),
  documents: z.array(CatalogDocumentSchema),
  externalReferenceUrl: z
    .string()
    .nullable()
    .optional()
    .describe('Sellers only; channel resellers do not get it'),
});
export type CatalogOffer = z.infer<typeof CatalogOfferSchema>;

export const CatalogContactsQuerySchema = z.strictObject({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .optional()
    .describe(
      "The customer's two-letter country code: contacts covering it directly come first, then OOO ones",
    ),
  role: z.string().max(100).optional().describe('A contact role id, such as PartnerSales'),
});

export const CatalogContactSchema = ContactSchema.extend({
  coverage: z
    .enum(['direct', 'global'])
    .describe('direct: names the country (or no country was asked); global: OOO'),
});

export const CatalogContactsSchema = z.object({
  offerId: z.string(),
  country: z.string().nullable(),
  role: z.string().nullable(),
  contacts: z.array(CatalogContactSchema),
});
export type CatalogContacts = z.infer<typeof CatalogContactsSchema>;
