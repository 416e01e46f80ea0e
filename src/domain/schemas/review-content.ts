import { z } from 'zod';
import { CoverageSchema } from '../contacts/contact-schema.js';

/**
 * What a reviewer reads on a submission: the content frozen when it was submitted, in words (labels and
 * names resolved through the taxonomy of the frozen listing), what changed since an earlier submission,
 * and which items a rejection gave reasons for. The snapshot stores ids; these schemas are the answer.
 */

/** A taxonomy entry: its id and its English label (the web translates ids it has words for). */
export const LabelledSchema = z.object({ id: z.string(), label: z.string() });
export type Labelled = z.infer<typeof LabelledSchema>;

/** A country, region or state: its code and its name. */
export const PlaceSchema = z.object({ code: z.string(), name: z.string() });
export type Place = z.infer<typeof PlaceSchema>;

/**
 * The parts of a submission's content stored beside the readiness input at submit time: what the input does
 * not hold (names, the document rows, the contacts' people, the external URL). Document rows are immutable
 * versions, so the ids open the exact files; contacts are not versioned, so they are copied.
 */
export const FrozenContentSchema = z.object({
  offerName: z.string(),
  organizationName: z.string(),
  externalReferenceUrl: z.string().nullable(),
  documents: z.array(
    z.object({
      id: z.string(),
      slot: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      size: z.number(),
      version: z.number(),
      sha256: z.string(),
      uploadedAt: z.string(),
      uploadedBy: z.object({ id: z.string().nullable(), name: z.string() }),
    }),
  ),
  // Written out rather than ContactSchema.omit(...): this is a storage format, and snapshots stored years
  // ago must keep parsing when the API's contact gains a field.
  contacts: z.array(
    z.object({
      name: z.string(),
      email: z.string(),
      jobTitle: z.string(),
      role: z.string(),
      countries: z.array(z.string()),
      states: z.array(z.string()),
    }),
  ),
});
export type FrozenContent = z.infer<typeof FrozenContentSchema>;

export const SubmittedDocumentSchema = z.object({
  id: z.string().describe('The document version submitted (rows are immutable)'),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int().describe('Bytes'),
  version: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.string().describe("The uploader's name"),
  contentUrl: z
    .string()
    .describe('Opens this exact version: in the browser for PDF and images, as a download otherwise'),
  opensInline: z.boolean().describe('Whether the browser shows it (PDF, images) rather than downloads it'),
});
export type SubmittedDocument = z.infer<typeof SubmittedDocumentSchema>;

export const SubmittedContactSchema = z.object({
  name: z.string().nullable().describe('Null in a snapshot frozen before contacts were copied'),
  email: z.string().nullable(),
  jobTitle: z.string().nullable(),
  role: LabelledSchema,
  countries: z.array(PlaceSchema).describe('OOO stands for all countries/regions'),
  states: z.array(PlaceSchema),
});

/** The submission's content in words, as it was submitted. */
export const ReviewContentSchema = z.object({
  partial: z
    .boolean()
    .describe('Frozen before submissions kept file and contact details: those parts show what was recorded'),
  offer: z.object({
    name: z.string().nullable(),
    offerType: LabelledSchema.nullable(),
    state: z.enum(['draft', 'live']).nullable(),
    markets: z.array(PlaceSchema),
  }),
  organization: z.object({
    name: z.string().nullable(),
    legalName: z.string().nullable(),
    partnerId: z.string().nullable(),
    website: z.string().nullable(),
    headquarters: PlaceSchema.nullable(),
    description: z.string().nullable(),
    enrolments: z.array(z.string()),
    azureConsumedRevenue: z
      .object({ amountUsd: z.number(), periodEnd: z.string(), confirmedByReviewer: z.boolean() })
      .nullable(),
  }),
  listing: z
    .object({
      taxonomyVersion: z.string(),
      platforms: z.array(LabelledSchema),
      marketSegments: z.array(LabelledSchema),
      solutionType: LabelledSchema.nullable(),
      solutionAreas: z.array(LabelledSchema.extend({ subAreas: z.array(LabelledSchema) })),
    })
    .nullable()
    .describe('Null when the offer had no listing'),
  documents: z
    .array(
      z.object({
        slot: LabelledSchema,
        files: z.array(SubmittedDocumentSchema),
        recorded: z
          .number()
          .int()
          .describe('How many files the slot held; more than files.length in a partial snapshot'),
      }),
    )
    .describe('Every slot that held a file, in taxonomy order'),
  externalReferenceUrl: z.string().nullable().describe('Null when none was set or it was not recorded'),
  contacts: z.array(SubmittedContactSchema),
  coverage: CoverageSchema.describe('Which roles had a contact in each market'),
});
export type ReviewContent = z.infer<typeof ReviewContentSchema>;

/** A file as a change names it. */
export const ChangedFileSchema = z.object({
  fileName: z.string().nullable().describe('Null in a snapshot that recorded only the content hash'),
  version: z.number().int().nullable(),
});

/** A contact as a change names it. */
export const ChangedContactSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  jobTitle: z.string().nullable(),
  role: LabelledSchema,
  countries: z.array(z.string()).describe('Country codes; OOO for all'),
  states: z.array(z.string()),
});

export const contentParts = ['organization', 'offer', 'listing', 'externalUrl'] as const;

/** One item that differs between two frozen snapshots. */
export const ContentChangeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('value'),
    part: z.enum(contentParts),
    field: z
      .string()
      .describe(
        'legalName, partnerId, ..., name, offerType, state, markets, platforms, marketSegments, solutionType, solutionAreas, subAreas, externalReferenceUrl',
      ),
    before: z
      .array(LabelledSchema)
      .describe(
        'The values: id (a taxonomy id, a code or the text itself) and label (in words); empty for none',
      ),
    after: z.array(LabelledSchema),
  }),
  z.object({
    kind: z.literal('documents'),
    slot: LabelledSchema,
    before: z.array(ChangedFileSchema),
    after: z.array(ChangedFileSchema),
  }),
  z.object({
    kind: z.literal('contact'),
    change: z.enum(['added', 'removed', 'changed']),
    before: ChangedContactSchema.nullable(),
    after: ChangedContactSchema.nullable(),
  }),
]);
export type ContentChange = z.infer<typeof ContentChangeSchema>;

const EarlierSubmissionSchema = z.object({
  submissionId: z.string(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
});

/** What changed since an earlier decided submission, item by item. */
export const SubmissionChangesSchema = EarlierSubmissionSchema.extend({
  status: z
    .enum(['approved', 'rejected'])
    .describe('Compared with the last approved one, else the last rejected'),
  changes: z.array(ContentChangeSchema),
});

/** The previous rejection's reasons, and whether each item changed since. */
export const RejectedItemsSchema = EarlierSubmissionSchema.extend({
  comment: z.string().nullable(),
  items: z.array(
    z.object({
      itemId: z.string(),
      reason: z.string(),
      changed: z.boolean().describe('Whether the part of the profile the item concerns changed since'),
    }),
  ),
});
