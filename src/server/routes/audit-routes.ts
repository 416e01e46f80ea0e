import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AuditQuerySchema } from '../../domain/schemas/audit.js';
import { requireUser } from '../auth/authenticate.js';
import { attachment } from '../content-disposition.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

const mediaTypes = { ndjson: 'application/x-ndjson; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

/** The export's answer, in either format: what the schema of each says. */
const exportResponse = {
  description:
    'The records, oldest first, streamed as they are read: NDJSON (a JSON object a line, see the fields of ' +
    'AuditRecord in the description) or CSV (UTF-8 with BOM, CRLF, the same fields as columns, cells that a ' +
    'spreadsheet would run as formulas prefixed with an apostrophe). Fields: at, category (offer, member, token, ' +
    'webhook), organizationId, organizationName, subjectId, subjectName, action, actor, summary, details.',
  content: {
    'application/x-ndjson': { schema: z.string().describe('A JSON object (an AuditRecord) a line') },
    'text/csv': { schema: z.string().describe('CSV text: UTF-8 with BOM, CRLF line ends') },
  },
};

const description =
  "Every offer's history (deleted offers' too, in the words of the history page), members joining, the API " +
  "tokens of the organisation's members created and revoked, and webhook endpoints created, changed, rotated, " +
  'disabled, enabled and deleted, in the range. Summaries are in `locale`, else your chosen language.';

/** The audit export: one organisation's (its owners, admins), or everything (admins). */
export async function auditRoutes(app: ZodApp, { services }: RouteDeps) {
  for (const scope of ['organization', 'platform'] as const) {
    const organizationScope = scope === 'organization';
    app.get(organizationScope ? '/api/v1/organizations/:orgId/audit' : '/api/v1/admin/audit', {
      config: { policy: organizationScope ? 'organization.audit' : 'admin.manage' },
      schema: {
        tags: organizationScope ? ['organizations'] : ['admin'],
        summary: organizationScope
          ? "Export an organisation's audit history for a date range (owners and admins)"
          : "Export every organisation's and the platform's audit history for a date range (admins)",
        description,
        params: organizationScope ? z.object({ orgId: z.string().min(1).max(100) }) : z.object({}),
        querystring: AuditQuerySchema,
        response: {
          200: exportResponse,
          ...errorResponses(400, 401, 403, ...(organizationScope ? ([404] as const) : [])),
        },
      },
      handler: async (request, reply) => {
        const params = request.params as { orgId?: string };
        const opened = await services.audit.open(
          requireUser(request),
          organizationScope ? (params.orgId ?? '') : null,
          request.query,
        );
        // A stream, which the schema's string stands for: the typed reply takes only what it serialises.
        return (reply as FastifyReply)
          .type(mediaTypes[request.query.format])
          .header('content-disposition', attachment(opened.fileName))
          .send(Readable.from(opened.lines));
      },
    });
  }
}
