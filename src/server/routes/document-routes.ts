import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { documentExtensions } from '../../domain/documents/document-formats.js';
import {
  DocumentSchema,
  DocumentsOverviewSchema,
  ExternalUrlInputSchema,
  ExternalUrlSchema,
} from '../../domain/documents/document-schema.js';
import { opensInline } from '../../domain/documents/inline-display.js';
import { ErrorResponseSchema } from '../../domain/schemas/errors.js';
import { DryRunAnswerSchema, DryRunQuerySchema } from '../../domain/schemas/status-effect.js';
import { requireUser } from '../auth/authenticate.js';
import { attachment, inline } from '../content-disposition.js';
import { AppError, problem } from '../errors.js';
import { etagOf, requireIfMatch } from '../etag.js';
import { documentUrl } from '../services/document-presenter.js';
import type { UploadPart } from '../services/document-upload.js';
import { parseRange } from './document-range.js';
import { DRY_RUN_DESCRIPTION } from './dry-run.js';
import { documentFileResponse } from './file-responses.js';
import { ifMatchHeaders } from './if-match.js';
import { multipartError } from './multipart-errors.js';
import { OfferParams } from './params.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

const DocumentParams = OfferParams.extend({
  documentId: z.string().min(1).max(100).describe('A document id'),
});
const DOCUMENTS = '/api/v1/offers/:offerId/co-sell/documents';
const IfMatch = ifMatchHeaders('the documents (GET .../co-sell/documents)');

/** The parts of a multipart request as the upload service reads them. */
async function* uploadParts(request: FastifyRequest): AsyncIterable<UploadPart> {
  for await (const part of request.parts()) {
    if (part.type === 'file')
      yield { type: 'file', name: part.fieldname, fileName: part.filename, stream: part.file };
    else yield { type: 'field', name: part.fieldname, value: String(part.value) };
  }
}

/** The files of an offer's co-sell document slots, their versions, and the external reference URL. */
export async function documentRoutes(app: ZodApp, { services, config, uploads }: RouteDeps) {
  app.get(DOCUMENTS, {
    config: { policy: 'documents.read' },
    schema: {
      tags: ['co-sell'],
      summary:
        'Every document slot with its files (publishers also see earlier versions) and the external URL',
      description:
        'Publisher members see everything; sellers the current files of live co-sell offers; channel resellers the channel pitch deck of live CSP offers.',
      params: OfferParams,
      response: { 200: DocumentsOverviewSchema, ...errorResponses(401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const overview = await services.documents.list(requireUser(request), request.params.offerId);
      // The version is the publisher's, who writes: only they are given the ETag to send back.
      if (overview.version !== undefined) reply.header('etag', etagOf(overview.version));
      return reply.send(overview);
    },
  });

  app.get(`${DOCUMENTS}/:documentId`, {
    config: { policy: 'documents.read' },
    schema: {
      tags: ['co-sell'],
      summary: "A document's metadata",
      params: DocumentParams,
      response: { 200: DocumentSchema, ...errorResponses(401, 403, 404, 409) },
    },
    handler: async (request) =>
      services.documents.get(requireUser(request), request.params.offerId, request.params.documentId),
  });

  app.get(`${DOCUMENTS}/:documentId/content`, {
    config: { policy: 'documents.read' },
    schema: {
      tags: ['co-sell'],
      summary: 'The file, with its original name; single byte ranges (Range: bytes=...) are served with 206',
      params: DocumentParams,
      querystring: z.strictObject({
        disposition: z
          .enum(['attachment', 'inline'])
          .optional()
          .describe('inline: PDF and images open in the browser; other types are always downloaded'),
      }),
      headers: z.object({
        range: z.string().optional(),
        'if-range': z.string().optional(),
        'if-none-match': z.string().optional(),
      }),
      response: {
        200: documentFileResponse('The file, in the content type its content was recognised as'),
        206: documentFileResponse('The requested bytes (Content-Range says which)'),
        304: z.null(),
        416: ErrorResponseSchema,
        ...errorResponses(401, 403, 404, 409),
      },
    },
    handler: async (request, reply) => sendContent(request, reply),
  });

  async function sendContent(
    request: FastifyRequest<{
      Params: z.infer<typeof DocumentParams>;
      Querystring: { disposition?: 'attachment' | 'inline' | undefined };
      Headers: { range?: string; 'if-range'?: string; 'if-none-match'?: string };
    }>,
    reply: FastifyReply,
  ) {
    const actor = requireUser(request);
    const { offerId, documentId } = request.params;
    const document = await services.documents.get(actor, offerId, documentId);
    const etag = `"${document.sha256}"`;
    // Shown in place only for types decided from the content that run nothing (nosniff keeps it so).
    const showInPlace = request.query.disposition === 'inline' && opensInline(document.contentType);
    reply
      .header('etag', etag)
      .header('cache-control', 'private, no-cache')
      .header('accept-ranges', 'bytes')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', (showInPlace ? inline : attachment)(document.fileName));
    const inm = request.headers['if-none-match'];
    if (inm?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      return reply.code(304).send();
    }
    const ifRange = request.headers['if-range'];
    const range =
      ifRange === undefined || ifRange.trim() === etag
        ? parseRange(request.headers.range, document.size)
        : ({ kind: 'whole' } as const);
    if (range.kind === 'unsatisfiable') {
      reply.header('content-range', `bytes */${document.size}`);
      throw new AppError('range_not_satisfiable', problem('request.rangePastEnd', { size: document.size }));
    }
    const bytes = range.kind === 'partial' ? { start: range.start, end: range.end } : undefined;
    const { stream } = await services.documents.openContent(actor, offerId, documentId, bytes);
    reply.type(document.contentType);
    if (bytes) {
      reply
        .code(206)
        .header('content-range', `bytes ${bytes.start}-${bytes.end}/${document.size}`)
        .header('content-length', bytes.end - bytes.start + 1);
    } else {
      reply.header('content-length', document.size);
    }
    return reply.send(stream);
  }

  app.delete(`${DOCUMENTS}/:documentId`, {
    config: { policy: 'offers.write' },
    schema: {
      tags: ['co-sell'],
      summary:
        'Take the current file out of its slot (a single-file slot keeps it among its earlier versions)',
      description: DRY_RUN_DESCRIPTION,
      params: DocumentParams,
      querystring: DryRunQuerySchema,
      headers: IfMatch,
      response: {
        200: DryRunAnswerSchema,
        204: z.null(),
        ...errorResponses(400, 401, 403, 404, 409, 412, 428),
      },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const { offerId, documentId } = request.params;
      const actor = requireUser(request);
      if (request.query.dryRun === 'true') {
        const statusEffect = await services.dryRun(offerId, (w) =>
          w.documents.remove(actor, offerId, documentId, expected),
        );
        return reply.send({ dryRun: true as const, statusEffect });
      }
      const { version } = await services.documents.remove(actor, offerId, documentId, expected);
      return reply.code(204).header('etag', etagOf(version)).send(null);
    },
  });

  app.post(`${DOCUMENTS}/:documentId/restore`, {
    config: { policy: 'offers.write' },
    schema: {
      tags: ['co-sell'],
      summary: "Make an earlier version its slot's current file again, as a new version",
      description: DRY_RUN_DESCRIPTION,
      params: DocumentParams,
      querystring: DryRunQuerySchema,
      headers: IfMatch,
      response: {
        200: DryRunAnswerSchema,
        201: DocumentSchema,
        ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428),
      },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const { offerId, documentId } = request.params;
      const actor = requireUser(request);
      if (request.query.dryRun === 'true') {
        const statusEffect = await services.dryRun(offerId, (w) =>
          w.documents.restore(actor, offerId, documentId, expected),
        );
        return reply.send({ dryRun: true as const, statusEffect });
      }
      const { document, version } = await services.documents.restore(actor, offerId, documentId, expected);
      return reply
        .code(201)
        .header('location', documentUrl(offerId, document.id))
        .header('etag', etagOf(version))
        .send(document);
    },
  });

  app.put('/api/v1/offers/:offerId/co-sell/external-url', {
    config: { policy: 'offers.write' },
    schema: {
      tags: ['co-sell'],
      summary: 'Set or change the external reference URL (absolute https:// only)',
      params: OfferParams,
      headers: IfMatch,
      body: ExternalUrlInputSchema,
      response: { 200: ExternalUrlSchema, ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const { url, version } = await services.documents.setExternalUrl(
        requireUser(request),
        request.params.offerId,
        expected,
        request.body.url,
      );
      return reply.header('etag', etagOf(version)).send({ externalReferenceUrl: url });
    },
  });

  app.delete('/api/v1/offers/:offerId/co-sell/external-url', {
    config: { policy: 'offers.write' },
    schema: {
      tags: ['co-sell'],
      summary: 'Remove the external reference URL',
      params: OfferParams,
      headers: IfMatch,
      response: { 204: z.null(), ...errorResponses(401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const { version } = await services.documents.clearExternalUrl(
        requireUser(request),
        request.params.offerId,
        expected,
      );
      return reply.code(204).header('etag', etagOf(version)).send(null);
    },
  });

  // Uploads in their own scope, so no other route accepts multipart bodies. The parser's own cut-off sits
  // one byte above the largest limit; the per-type limit is enforced while streaming, in the blob store.
  await app.register(async (scope) => {
    uploads.applyTo(scope);
    await scope.register(multipart, {
      limits: {
        fileSize: Math.max(config.documentMaxBytes, config.videoMaxBytes) + 1,
        files: 2,
        fields: 5,
        parts: 8,
        fieldSize: 1024,
        headerPairs: 20,
      },
    });
    scope.withTypeProvider<ZodTypeProvider>().post(DOCUMENTS, {
      config: { policy: 'offers.write' },
      schema: {
        tags: ['co-sell'],
        summary: 'Upload a file into a slot (multipart/form-data: a slot field, then one file part)',
        description: `A full single-file slot gets the new file as its next version; the earlier one stays in its history. The type is checked by content (${documentExtensions.join(' ')}). The slot may also be given as ?slot= for clients that send the file first. ${DRY_RUN_DESCRIPTION}`,
        params: OfferParams,
        querystring: DryRunQuerySchema.extend({
          slot: z
            .string()
            .min(1)
            .max(100)
            .optional()
            .describe('A document slot id, instead of the slot field'),
        }),
        headers: IfMatch,
        response: {
          200: DryRunAnswerSchema,
          201: DocumentSchema,
          ...errorResponses(400, 401, 403, 404, 409, 412, 413, 415, 422, 428),
        },
      },
      handler: async (request, reply) => {
        try {
          const expected = requireIfMatch(request.headers['if-match']);
          const actor = requireUser(request);
          const { offerId } = request.params;
          const parts = request.isMultipart() ? uploadParts(request) : undefined;
          if (request.query.dryRun === 'true') {
            const statusEffect = await services.dryRun(offerId, (w) =>
              w.documents.upload(actor, offerId, expected, parts, request.query.slot),
            );
            return reply.send({ dryRun: true as const, statusEffect });
          }
          const { document, version } = await services.documents.upload(
            actor,
            offerId,
            expected,
            parts,
            request.query.slot,
          );
          return reply
            .code(201)
            .header('location', documentUrl(request.params.offerId, document.id))
            .header('etag', etagOf(version))
            .send(document);
        } catch (error) {
          // Refused before the body was read to its end: close the connection after the reply rather
          // than read (and throw away) the rest of a file that may be hundreds of megabytes.
          if (!request.raw.readableEnded) reply.header('connection', 'close');
          throw multipartError(error, problem('documents.tooManyParts'));
        }
      },
    });
  });
}
