import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type DecisionRequest,
  ReviewDetailSchema,
  ReviewQueueSchema,
  SubmissionSchema,
} from '../../../domain/schemas/reviews.js';
import { apiRequest } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';

const reviewsPath = '/api/v1/reviews';
const reviewPath = (submissionId: string) => `${reviewsPath}/${encodeURIComponent(submissionId)}`;

/** Submissions waiting for a decision, oldest first; refreshed each minute so waiting times move on. */
export function useReviewQueue() {
  return useQuery({
    queryKey: queryKeys.reviewQueue,
    queryFn: ({ signal }) => apiRequest(reviewsPath, ReviewQueueSchema, { signal }),
    select: (queue) => [...queue.items].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)),
    refetchInterval: 60_000,
  });
}

/** One submission with its frozen snapshot and the offer's readiness as it is now. */
export function useReview(submissionId: string) {
  return useQuery({
    queryKey: queryKeys.review(submissionId),
    queryFn: ({ signal }) => apiRequest(reviewPath(submissionId), ReviewDetailSchema, { signal }),
    staleTime: 0,
  });
}

export function useDecide(submissionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: DecisionRequest) =>
      apiRequest(`${reviewPath(submissionId)}/decision`, SubmissionSchema, {
        method: 'POST',
        body: decision,
      }),
    onSuccess: (submission) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.everyReview });
      void queryClient.invalidateQueries({ queryKey: queryKeys.offer(submission.offerId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.offers });
    },
  });
}
