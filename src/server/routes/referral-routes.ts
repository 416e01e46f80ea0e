import { z } from 'zod';
import { writeReferralsCsv } from '../../domain/referrals/referral-csv.js';
import {
  CloseReferralRequestSchema,
  CreateReferralRequestSchema,
  DeclineReferralRequestSchema,
  ReferralFilterSchema,
  ReferralListQuerySchema,
  ReferralNoteRequestSchema,
  ReferralPageSchema,
  ReferralSchema,
  ReferralSummarySchema,
  ReferralTimelineEntrySchema,
  ReferralTimelineSchema,
  UpdateReferralRequestSchema,
} from '../../domain/schemas/referrals.js';
import { requireUser } from '../auth/authenticate.js';
import { attachment } from '../content-disposition.js';
import { requireIfMatch } from '../etag.js';
import { csvResponse } from './file-responses.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

const ReferralParams = z.object({ referralId: z.string().min(1).max(100).describe('A referral id') });
const IfMatchHeaders = z.object({
  'if-match': z.string().optional().describe('The ETag from your last read (required: 428 without it)'),
});

/** Referrals: the deals between publishers and the vendor's sellers (docs/referrals.md). */
export async function referralRoutes(app: ZodApp, { services }: RouteDeps) {
  const referrals = services.referrals;

  app.get('/api/v1/referrals', {
    config: { policy: 'referrals.read' },
    schema: {
      tags: ['referrals'],
      summary: 'The pipeline: the referrals you are a party to, newest first, filtered, a page at a time',
      querystring: ReferralListQuerySchema,
      response: { 200: ReferralPageSchema, ...errorResponses(400, 401, 403) },
    },
    handler: async (request) => referrals.list(requireUser(request), request.query),
  });

  app.get('/api/v1/referrals/summary', {
    config: { policy: 'referrals.read' },
    schema: {
      tags: ['referrals'],
      summary: 'Counts and value sums per currency of the filtered pipeline, by status and substatus',
      querystring: ReferralFilterSchema,
      response: { 200: ReferralSummarySchema, ...errorResponses(400, 401, 403) },
    },
    handler: async (request) => referrals.summary(requireUser(request), request.query),
  });

  app.get('/api/v1/referrals.csv', {
    config: { policy: 'referrals.read' },
    schema: {
      tags: ['referrals'],
      summary: 'The filtered pipeline as CSV (customer contacts are not exported)',
      querystring: ReferralFilterSchema,
      response: { 200: csvResponse('The referrals, one row each'), ...errorResponses(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const items = await referrals.exportAll(requireUser(request), request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment('referrals.csv'))
        .send(writeReferralsCsv(items));
    },
  });

  app.post('/api/v1/referrals', {
    config: { policy: 'referrals.write', idempotent: true },
    schema: {
      tags: ['referrals'],
      summary: 'Refer a customer to a partner (a seller), or share your own deal (a publisher)',
      body: CreateReferralRequestSchema,
      response: { 201: ReferralSchema, ...errorResponses(400, 401, 403, 404, 422) },
    },
    handler: async (request, reply) => {
      const referral = await referrals.create(requireUser(request), request.body);
      return reply
        .code(201)
        .header('etag', referral.eTag)
        .header('location', `/api/v1/referrals/${referral.id}`)
        .send(referral);
    },
  });

  app.get('/api/v1/referrals/:referralId', {
    config: { policy: 'referrals.read' },
    schema: {
      tags: ['referrals'],
      summary: 'One referral as you see it; the ETag header carries its version',
      params: ReferralParams,
      response: { 200: ReferralSchema, ...errorResponses(401, 403, 404) },
    },
    handler: async (request, reply) => {
      const referral = await referrals.get(requireUser(request), request.params.referralId);
      return reply.header('etag', referral.eTag).send(referral);
    },
  });

  app.patch('/api/v1/referrals/:referralId', {
    config: { policy: 'referrals.write' },
    schema: {
      tags: ['referrals'],
      summary: 'Change a referral (If-Match required); its status changes only through the actions',
      params: ReferralParams,
      headers: IfMatchHeaders,
      body: UpdateReferralRequestSchema,
      response: { 200: ReferralSchema, ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const referral = await referrals.update(
        requireUser(request),
        request.params.referralId,
        expected,
        request.body,
      );
      return reply.header('etag', referral.eTag).send(referral);
    },
  });

  app.post('/api/v1/referrals/:referralId/accept', {
    config: { policy: 'referrals.write' },
    schema: {
      tags: ['referrals'],
      summary: 'Accept a New referral sent to your side (If-Match required): Active (Accepted)',
      params: ReferralParams,
      headers: IfMatchHeaders,
      response: { 200: ReferralSchema, ...errorResponses(401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const referral = await referrals.accept(requireUser(request), request.params.referralId, expected);
      return reply.header('etag', referral.eTag).send(referral);
    },
  });

  app.post('/api/v1/referrals/:referralId/decline', {
    config: { policy: 'referrals.write' },
    schema: {
      tags: ['referrals'],
      summary:
        'Decline a New referral sent to your side, with a reason (If-Match required): Closed (Declined)',
      params: ReferralParams,
      headers: IfMatchHeaders,
      body: DeclineReferralRequestSchema,
      response: { 200: ReferralSchema, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const referral = await referrals.decline(
        requireUser(request),
        request.params.referralId,
        expected,
        request.body,
      );
      return reply.header('etag', referral.eTag).send(referral);
    },
  });

  app.post('/api/v1/referrals/:referralId/close', {
    config: { policy: 'referrals.write' },
    schema: {
      tags: ['referrals'],
      summary: 'Close an Active referral Won (with its value) or Lost (with a reason); If-Match required',
      params: ReferralParams,
      headers: IfMatchHeaders,
      body: CloseReferralRequestSchema,
      response: { 200: ReferralSchema, ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const referral = await referrals.close(
        requireUser(request),
        request.params.referralId,
        expected,
        request.body,
      );
      return reply.header('etag', referral.eTag).send(referral);
    },
  });

  app.post('/api/v1/referrals/:referralId/notes', {
    config: { policy: 'referrals.write' },
    schema: {
      tags: ['referrals'],
      summary: "Add a note to the referral's timeline (If-Match required)",
      params: ReferralParams,
      headers: IfMatchHeaders,
      body: ReferralNoteRequestSchema,
      response: { 201: ReferralTimelineEntrySchema, ...errorResponses(400, 401, 403, 404, 412, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const entry = await referrals.addNote(
        requireUser(request),
        request.params.referralId,
        expected,
        request.body.text,
      );
      const current = await referrals.get(requireUser(request), request.params.referralId);
      return reply.code(201).header('etag', current.eTag).send(entry);
    },
  });

  app.get('/api/v1/referrals/:referralId/timeline', {
    config: { policy: 'referrals.read' },
    schema: {
      tags: ['referrals'],
      summary: 'The timeline: notes, status changes and edits, who did them and when, oldest first',
      params: ReferralParams,
      response: { 200: ReferralTimelineSchema, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => referrals.timeline(requireUser(request), request.params.referralId),
  });
}
