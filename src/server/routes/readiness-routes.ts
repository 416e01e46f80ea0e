import { z } from 'zod';
import { ReadinessReportSchema } from '../../domain/schemas/readiness.js';
import { SubmissionListSchema, SubmissionSchema, SubmitRequestSchema } from '../../domain/schemas/reviews.js';
import { requireUser } from '../auth/authenticate.js';
import { OfferParams } from './params.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

/** An offer's co-sell readiness and its submissions for review. */
export async function readinessRoutes(app: ZodApp, { services }: RouteDeps) {
  app.get('/api/v1/offers/:offerId/co-sell/readiness', {
    config: { policy: 'offers.read' },
    schema: {
      tags: ['co-sell'],
      summary: 'Every requirement per status tier: met or not, why, and how to fix it',
      params: OfferParams,
      response: { 200: ReadinessReportSchema, ...errorResponses(401, 403, 404, 409) },
    },
    handler: async (request) => services.readiness.get(requireUser(request), request.params.offerId),
  });

  app.get('/api/v1/offers/:offerId/co-sell/submissions', {
    config: { policy: 'offers.read' },
    schema: {
      tags: ['co-sell'],
      summary: 'The offer’s submissions for review, newest first, with their decisions',
      params: OfferParams,
      response: { 200: SubmissionListSchema, ...errorResponses(401, 403, 404, 409) },
    },
    handler: async (request) => services.submissions.list(requireUser(request), request.params.offerId),
  });

  app.post('/api/v1/offers/:offerId/co-sell/submissions', {
    config: { policy: 'offers.write', idempotent: true },
    schema: {
      tags: ['co-sell'],
      summary: 'Submit the offer for co-sell review (422 lists what is not met; 409 when one is pending)',
      params: OfferParams,
      // Optional: a submission without a note needs no body (which Fastify passes on as null).
      body: SubmitRequestSchema.nullish(),
      response: { 201: SubmissionSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await services.submissions.submit(requireUser(request), request.params.offerId, request.body ?? {}),
        ),
  });

  app.post('/api/v1/offers/:offerId/co-sell/submissions/:submissionId/withdraw', {
    config: { policy: 'offers.write' },
    schema: {
      tags: ['co-sell'],
      summary: 'Withdraw a submission while it waits for review (409 naming its state otherwise)',
      params: OfferParams.extend({ submissionId: z.string().min(1).max(100).describe('A submission id') }),
      response: { 200: SubmissionSchema, ...errorResponses(401, 403, 404, 409) },
    },
    handler: async (request) =>
      services.submissions.withdraw(
        requireUser(request),
        request.params.offerId,
        request.params.submissionId,
      ),
  });
}
