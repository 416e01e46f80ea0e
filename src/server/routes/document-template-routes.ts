import { z } from 'zod';
import { DocumentTemplatesSchema } from '../../domain/documents/document-schema.js';
import {
  documentTemplates,
  findDocumentTemplate,
  slotGuidance,
  templateContentTypes,
} from '../../domain/documents/templates.js';
import { attachment } from '../content-disposition.js';
import { notFound } from '../errors.js';
import { templateFile } from '../templates/index.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

const TEMPLATES_PATH = '/api/v1/co-sell/document-templates';

// The file goes out as the Buffer it is: Fastify sends a Buffer without running it through the serializer,
// so the schema is only there to type the reply and to document the body as binary in OpenAPI.
const TemplateFileSchema = z
  .custom<Buffer>((value) => Buffer.isBuffer(value))
  .meta({
    type: 'string',
    format: 'binary',
    description: 'The file: Word (DOCX) or PowerPoint (PPTX) bytes',
  });

/** Templates for the co-sell documents (Word and PowerPoint files) and what a good document in each slot shows. */
export async function documentTemplateRoutes(app: ZodApp, _deps: RouteDeps) {
  app.get(TEMPLATES_PATH, {
    config: { policy: 'reference.read' },
    schema: {
      tags: ['co-sell'],
      summary: 'The document templates there are, and guidance on what each document slot should contain',
      response: { 200: DocumentTemplatesSchema, ...errorResponses(401, 403) },
    },
    handler: async () => ({
      items: documentTemplates.map(({ id, slot, flavour, format, fileName, title }) => ({
        id,
        slot,
        ...(flavour ? { flavour } : {}),
        format,
        fileName,
        title,
        url: `${TEMPLATES_PATH}/${encodeURIComponent(id)}`,
      })),
      guidance: Object.fromEntries(Object.entries(slotGuidance).map(([slot, lines]) => [slot, [...lines]])),
    }),
  });

  app.get(`${TEMPLATES_PATH}/:templateId`, {
    config: { policy: 'reference.read' },
    schema: {
      tags: ['co-sell'],
      summary: 'Download a document template: a Word (DOCX) or PowerPoint (PPTX) file',
      params: z.object({ templateId: z.string().min(1).max(100) }),
      response: {
        200: {
          description: 'The file',
          content: {
            [templateContentTypes.docx]: { schema: TemplateFileSchema },
            [templateContentTypes.pptx]: { schema: TemplateFileSchema },
          },
        },
        ...errorResponses(401, 403, 404),
      },
    },
    handler: async (request, reply) => {
      const template = findDocumentTemplate(request.params.templateId);
      if (!template) throw notFound('documentTemplate', { id: request.params.templateId });
      const file = await templateFile(template);
      return reply
        .type(file.contentType)
        .header('content-disposition', attachment(file.fileName))
        .send(file.bytes);
    },
  });
}
