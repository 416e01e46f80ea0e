import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ImportReportSchema } from '../../domain/contacts/contact-schema.js';
import { writeContactsCsv } from '../../domain/contacts/csv/write-contacts-csv.js';
import { cleanFileName } from '../../domain/documents/file-name.js';
import { englishText } from '../../domain/messages/problem.js';
import { getTaxonomy } from '../../domain/reference/taxonomy.js';
import { ErrorResponseSchema } from '../../domain/schemas/errors.js';
import { requireUser } from '../auth/authenticate.js';
import { attachment } from '../content-disposition.js';
import { AppError, problem } from '../errors.js';
import { etagOf, requireIfMatch } from '../etag.js';
import { refuseUnstorableField } from '../storable-input.js';
import { csvResponse } from './file-responses.js';
import { ifMatchHeaders } from './if-match.js';
import { multipartError } from './multipart-errors.js';
import { OfferParams } from './params.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

// What browsers and tools label a .csv or .xlsx upload with (Windows often says application/vnd.ms-excel for
// a .csv), and the spreadsheets the import names rather than refuses as a content type: what the file is,
// is decided by its content.
const IMPORT_TYPES = [
  'text/csv',
  'application/csv',
  'text/plain',
  'application/vnd.ms-excel',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/zip',
  'application/vnd.oasis.opendocument.spreadsheet',
];

/**
 * The one `file` part of a multipart import. Every part is read, so a second file or a body cut short is
 * found before anything is imported, and answered as the document upload answers it (400, 413).
 */
async function multipartFile(request: FastifyRequest, reply: FastifyReply): Promise<Buffer> {
  let bytes: Buffer | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') {
        refuseUnstorableField(part.fieldname, String(part.value));
        continue;
      }
      if (part.fieldname !== 'file' || bytes) {
        part.file.resume();
        throw new AppError(
          'bad_request',
          bytes ? problem('csv.oneFile') : problem('csv.partName', { part: part.fieldname }),
        );
      }
      bytes = await part.toBuffer();
    }
  } catch (error) {
    // Refused before the body's end: close the connection after the answer rather than read the rest.
    if (!request.raw.readableEnded) reply.header('connection', 'close');
    throw multipartError(error, problem('csv.tooManyParts'));
  }
  if (!bytes) throw new AppError('bad_request', problem('csv.fileMissing'));
  return bytes;
}

/** The contacts CSV: template, export, import (text/csv body or a multipart file; dryRun previews). */
export async function contactCsvRoutes(app: ZodApp, { services, config, uploads }: RouteDeps) {
  app.get('/api/v1/co-sell/contacts-template.csv', {
    config: { policy: 'reference.read' },
    schema: {
      tags: ['co-sell'],
      summary: 'The contacts CSV template: the header row, in the format import reads and export writes',
      response: { 200: csvResponse('The template: the header row only'), ...errorResponses(401, 403) },
    },
    handler: async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment('co-sell-contacts-template.csv'))
        .send(writeContactsCsv([], getTaxonomy())),
  });

  app.get('/api/v1/offers/:offerId/co-sell/contacts.csv', {
    config: { policy: 'offers.read' },
    schema: {
      tags: ['co-sell'],
      summary: 'Export the contacts as CSV (UTF-8 with BOM, CRLF)',
      params: OfferParams,
      response: {
        200: csvResponse("The offer's contacts, one row per contact"),
        ...errorResponses(401, 403, 404, 409),
      },
    },
    handler: async (request, reply) => {
      const { csv, offerName } = await services.contacts.exportCsv(
        requireUser(request),
        request.params.offerId,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(cleanFileName(`${offerName} contacts.csv`)))
        .send(csv);
    },
  });

  // The import takes raw bytes (CSV or .xlsx by content, text decoded by content, not by a declared charset) in
  // its own scope, with its own size limit, so no other route accepts CSV, workbook or multipart bodies.
  await app.register(async (scope) => {
    uploads.applyTo(scope);
    scope.addContentTypeParser(
      IMPORT_TYPES,
      { parseAs: 'buffer', bodyLimit: config.importMaxBytes },
      (_request, body, done) => done(null, body),
    );
    await scope.register(multipart, {
      limits: { fileSize: config.importMaxBytes, files: 1, fields: 5, parts: 6 },
    });

    scope.withTypeProvider<ZodTypeProvider>().put('/api/v1/offers/:offerId/co-sell/contacts.csv', {
      config: { policy: 'offers.write' },
      bodyLimit: config.importMaxBytes,
      schema: {
        tags: ['co-sell'],
        summary:
          'Import contacts from CSV or .xlsx, replacing all of them; dryRun=true reports, diffs and gives the status effect without writing',
        description:
          'Body: the file as text/csv (any charset: UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252; comma, semicolon or tab separated) or an .xlsx workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet: the sheet named Contacts, else the first; formulas read as their saved results), or multipart/form-data with one `file` part. CSV or workbook is decided by the content, not the type or name; .xls, .ods, Numbers and other zip files are reported as what they are. Every problem is reported at once, with a message key and parameters (and the sheet and cell for a workbook); if there is any, nothing changes (422). Warnings (such as signs of a lossy save) do not stop the import.',
        params: OfferParams,
        querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') }),
        headers: ifMatchHeaders('the contacts (GET .../co-sell/contacts)'),
        response: {
          200: ImportReportSchema,
          422: ImportReportSchema.extend(ErrorResponseSchema.shape),
          ...errorResponses(400, 401, 403, 404, 409, 412, 413, 415, 428),
        },
      },
      handler: async (request, reply) => {
        // Before a multipart body is read: a write without If-Match is refused without reading the file.
        const expected = requireIfMatch(request.headers['if-match']);
        let bytes: Uint8Array;
        if (request.isMultipart()) {
          bytes = await multipartFile(request, reply);
        } else if (Buffer.isBuffer(request.body)) {
          bytes = request.body;
        } else {
          throw new AppError('unsupported_media_type', problem('csv.contentType'));
        }
        const actor = requireUser(request);
        const { offerId } = request.params;
        const dryRun = request.query.dryRun === 'true';
        const report = await services.contacts.importCsv(actor, offerId, bytes, { dryRun, expected });
        if (report.version !== undefined && report.applied) reply.header('etag', etagOf(report.version));
        // A preview that would import also says what the import would do to the co-sell status.
        if (report.ok && report.dryRun) {
          const statusEffect = await services.dryRun(offerId, (w) =>
            w.contacts.importCsv(actor, offerId, bytes, { dryRun: false, expected }),
          );
          return reply.send({ ...report, statusEffect });
        }
        if (report.ok || report.dryRun) return reply.send(report);
        const text = problem('csv.fileProblems', { count: report.errors.length });
        return reply.code(422).send({
          ...report,
          error: 'rule_violation',
          message: englishText(text),
          messageKey: text.key,
          params: text.params,
          status: 422,
          requestId: String(request.id),
        });
      },
    });
  });
}
