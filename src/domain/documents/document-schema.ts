import { z } from 'zod';
import { MAX_EXTERNAL_URL_LENGTH } from './external-url.js';
import type { TemplateFormat } from './templates.js';

/** The documents every co-sell slot id names; shared by the API, the OpenAPI document and the web app. */
export const DocumentStateSchema = z
  .enum(['current', 'superseded', 'removed'])
  .describe(
    'current: in its slot now; superseded: replaced by a later version; removed: taken out of its slot',
  );

export const DocumentSchema = z.object({
  id: z.string(),
  slot: z.string().describe('A document slot id from the taxonomy'),
  fileName: z.string().describe('The file name as uploaded, made safe (no paths, no control characters)'),
  contentType: z.string().describe('Decided from the file content, not from what the client sent'),
  size: z.number().int().describe('Bytes'),
  sha256: z.string().describe('SHA-256 of the content, hex'),
  version: z
    .number()
    .int()
    .describe('1, 2, ... within a single-file slot; every file of a multi-file slot is its own version 1'),
  state: DocumentStateSchema,
  restoredFromVersion: z.number().int().nullable().describe('The earlier version this one restored'),
  uploadedAt: z.string(),
  uploadedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  contentUrl: z.string().describe('Where to download the file'),
});
export type DocumentDto = z.infer<typeof DocumentSchema>;

export const DocumentSlotStateSchema = z.object({
  id: z.string(),
  label: z.string(),
  requiredForCoSellReady: z.boolean(),
  maxFiles: z.number().int(),
  isFull: z
    .boolean()
    .describe('Whether another upload would replace (single-file) or be refused (multi-file)'),
  documents: z.array(DocumentSchema).describe('The current files, oldest first'),
  versions: z
    .array(DocumentSchema)
    .optional()
    .describe('Single-file slots, publishers only: the earlier versions, newest first'),
});

export const DocumentsOverviewSchema = z.object({
  slots: z.array(DocumentSlotStateSchema),
  externalReferenceUrl: z
    .string()
    .nullable()
    .optional()
    .describe('The offer’s external reference URL (absent for channel resellers)'),
  version: z
    .number()
    .int()
    .optional()
    .describe(
      'The documents’ version, also sent as the ETag: every upload, removal, restore and external URL change sends it back as If-Match (publishers only)',
    ),
  limits: z.object({
    documentMaxBytes: z.number().int(),
    videoMaxBytes: z.number().int().describe('For .mp4 files'),
    fileExtensions: z.array(z.string()),
  }),
});
export type DocumentsOverview = z.infer<typeof DocumentsOverviewSchema>;

export const ExternalUrlInputSchema = z.strictObject({
  url: z
    .string()
    .max(MAX_EXTERNAL_URL_LENGTH * 2)
    .describe('An absolute https:// address: a page about the offer for sellers'),
});

export const ExternalUrlSchema = z.object({ externalReferenceUrl: z.string().nullable() });

export const DocumentTemplateSchema = z.object({
  id: z.string(),
  slot: z.string().describe('The document slot the template is for, such as customerOnePager'),
  flavour: z.string().optional().describe('For a one-pager: the Microsoft cloud it is written for'),
  format: z.enum(['docx', 'pptx'] as const satisfies readonly TemplateFormat[]),
  fileName: z.string(),
  title: z.string(),
  url: z.string().describe('Where to download the file'),
});

export const DocumentTemplatesSchema = z.object({
  items: z.array(DocumentTemplateSchema),
  guidance: z
    .record(z.string(), z.array(z.string()))
    .describe('For each document slot, what a good document there contains'),
});
export type DocumentTemplates = z.infer<typeof DocumentTemplatesSchema>;
