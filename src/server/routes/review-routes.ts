import { z } from 'zod';
import {
  DecisionRequestSchema,
  ReviewDetailSchema,
  ReviewQueueSchema,
  SubmissionSchema,
} from '../../domain/schemas/reviews.js';
import { requireUser } from '../auth/authenticate.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

const SubmissionParams = z.object({ submissionId: z.string().min(1).max(100).describe('A submission id') });

/** The reviewers' queue of co-sell submissions and their decisions. */
export async function reviewRoutes(app: ZodApp, { services }: RouteDeps) {
  app.get('/api/v1/reviews', {
    config: { policy: 'reviews.manage' },
    schema: {
      tags: ['reviews'],
      summary: 'Pending submissions, oldest first, with how long each has waited',
      response: { 200: ReviewQueueSchema, ...errorResponses(401, 403) },
    },
    handler: async () => services.reviews.queue(),
  });

  app.get('/api/v1/reviews/:submissionId', {
    config: { policy: 'reviews.manage' },
    schema: {
      tags: ['reviews'],
      summary:
        'A submission: what was submitted in words, what changed since earlier decisions, and the offer’s readiness now',
      params: SubmissionParams,
      response: { 200: ReviewDetailSchema, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => services.reviews.get(requireUser(request), request.params.submissionId),
  });

  app.post('/api/v1/reviews/:submissionId/decision', {
    config: { policy: 'reviews.manage' },
    schema: {
      tags: ['reviews'],
      summary:
        'Approve, or reject with what to fix: a comment and reasons per readiness item (409 when no longer pending)',
      params: SubmissionParams,
      body: DecisionRequestSchema,
      response: { 200: SubmissionSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) =>
      services.reviews.decide(requireUser(request), request.params.submissionId, request.body),
  });
}
