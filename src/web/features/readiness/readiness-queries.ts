import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ReadinessReportSchema } from '../../../domain/schemas/readiness.js';
import {
  SubmissionListSchema,
  SubmissionSchema,
  type SubmitRequest,
} from '../../../domain/schemas/reviews.js';
import { apiRequest } from '../../api/client.js';
import { useIdempotencyKey } from '../../api/idempotency-key.js';
import { queryKeys } from '../../api/query-keys.js';
import { offerPath } from '../offers/offer-queries.js';

const readinessPath = (offerId: string) => `${offerPath(offerId)}/co-sell/readiness`;
const submissionsPath = (offerId: string) => `${offerPath(offerId)}/co-sell/submissions`;

/** The offer's readiness report: every tier's items, met or not, and whether it may be submitted. */
export function useReadiness(offerId: string) {
  return useQuery({
    queryKey: queryKeys.readiness(offerId),
    queryFn: ({ signal }) => apiRequest(readinessPath(offerId), ReadinessReportSchema, { signal }),
    staleTime: 0,
  });
}

/** The offer's submissions for review, newest first. */
export function useSubmissions(offerId: string) {
  return useQuery({
    queryKey: queryKeys.submissions(offerId),
    queryFn: ({ signal }) => apiRequest(submissionsPath(offerId), SubmissionListSchema, { signal }),
    select: (list) => [...list.items].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)),
    staleTime: 0,
  });
}

/** After a submission is sent or taken back: its list, the readiness, the offer and the offer list. */
function useSubmissionSettled(offerId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.submissions(offerId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.readiness(offerId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.offer(offerId), exact: true });
    void queryClient.invalidateQueries({ queryKey: queryKeys.offers });
  };
}

/** Submits the offer for review, with the publisher's note to the reviewer when there is one. */
export function useSubmitForReview(offerId: string) {
  const onSettled = useSubmissionSettled(offerId);
  const key = useIdempotencyKey();
  return useMutation({
    mutationFn: (request: SubmitRequest) =>
      apiRequest(submissionsPath(offerId), SubmissionSchema, {
        method: 'POST',
        body: request,
        idempotencyKey: key.for(request),
      }),
    onSuccess: () => key.succeeded(),
    onSettled,
  });
}

/** Takes a waiting submission back out of the reviewers' queue. */
export function useWithdrawSubmission(offerId: string) {
  const onSettled = useSubmissionSettled(offerId);
  return useMutation({
    mutationFn: (submissionId: string) =>
      apiRequest(
        `${submissionsPath(offerId)}/${encodeURIComponent(submissionId)}/withdraw`,
        SubmissionSchema,
        {
          method: 'POST',
        },
      ),
    onSettled,
  });
}

/** The parts of an offer whose changes can change its readiness. */
const watchedParts = new Set(['listing', 'documents', 'contacts']);

/**
 * Readiness follows every change to the offer's profile. The listing, documents and contacts each save
 * their own way (mutations, or a streamed upload that only refetches the documents), so rather than teach
 * each of them about readiness, the panel refetches the report after any successful write, and whenever a
 * part it depends on was fetched anew, while it is on screen.
 */
export function useRefreshReadinessOnWrites(offerId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const offerKey = queryKeys.offer(offerId);
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.readiness(offerId) });
      void queryClient.invalidateQueries({ queryKey: offerKey, exact: true });
    };
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success') refresh();
    });
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success' || event.action.manual) return;
      const key = event.query.queryKey;
      const isPartOfOffer = offerKey.every((part, index) => key[index] === part);
      if (isPartOfOffer && watchedParts.has(String(key[offerKey.length]))) {
        // Only a refetch after a change: the first load of a part says nothing new about readiness.
        if (event.query.state.dataUpdateCount > 1) refresh();
      }
    });
    return () => {
      stopMutations();
      stopQueries();
    };
  }, [queryClient, offerId]);
}
