import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  type CloseReferralRequest,
  type CreateReferralRequest,
  type DeclineReferralRequest,
  type ReferralFilter,
  ReferralPageSchema,
  ReferralSchema,
  ReferralSummarySchema,
  ReferralTimelineEntrySchema,
  ReferralTimelineSchema,
} from '../../../domain/schemas/referrals.js';
import { apiRequest } from '../../api/client.js';
import { useIdempotencyKey } from '../../api/idempotency-key.js';
import { queryKeys } from '../../api/query-keys.js';

const referralsPath = '/api/v1/referrals';
export const referralPath = (id: string) => `${referralsPath}/${encodeURIComponent(id)}`;

/** How many referrals one page of the pipeline asks for; "Show more" follows nextCursor. */
export const pipelinePageSize = 25;

/** The filter as the API's query string (empty values left out). */
export function filterQuery(filter: ReferralFilter, extra: Record<string, string> = {}): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== '') query.set(key, String(value));
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return query;
}

/** The CSV export of the same filtered list (a plain link: the browser downloads it with the cookie). */
export function exportUrl(filter: ReferralFilter): string {
  return `${referralsPath}.csv?${filterQuery(filter)}`;
}

export function usePipeline(filter: ReferralFilter) {
  return useInfiniteQuery({
    queryKey: queryKeys.referralList(filter),
    queryFn: ({ signal, pageParam }) =>
      apiRequest(
        `${referralsPath}?${filterQuery(filter, { limit: String(pipelinePageSize), ...(pageParam && { cursor: pageParam }) })}`,
        ReferralPageSchema,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function usePipelineSummary(filter: ReferralFilter) {
  return useQuery({
    queryKey: queryKeys.referralSummary(filter),
    queryFn: ({ signal }) =>
      apiRequest(`${referralsPath}/summary?${filterQuery(filter)}`, ReferralSummarySchema, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReferral(id: string) {
  return useQuery({
    queryKey: queryKeys.referral(id),
    queryFn: ({ signal }) => apiRequest(referralPath(id), ReferralSchema, { signal }),
  });
}

export function useReferralTimeline(id: string) {
  return useQuery({
    queryKey: queryKeys.referralTimeline(id),
    queryFn: ({ signal }) => apiRequest(`${referralPath(id)}/timeline`, ReferralTimelineSchema, { signal }),
    select: (timeline) => timeline.items,
  });
}

function useInvalidateReferrals() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.everyReferral });
}

export function useCreateReferral() {
  const invalidate = useInvalidateReferrals();
  const key = useIdempotencyKey();
  return useMutation({
    mutationFn: (request: CreateReferralRequest) =>
      apiRequest(referralsPath, ReferralSchema, {
        method: 'POST',
        body: request,
        idempotencyKey: key.for(request),
      }),
    onSuccess: () => {
      key.succeeded();
      return invalidate();
    },
  });
}

export type ReferralMove =
  | { action: 'accept' }
  | { action: 'decline'; body: DeclineReferralRequest }
  | { action: 'close'; body: CloseReferralRequest };

/** Accept, decline or close, with the ETag of the version on screen (412 when someone changed it since). */
export function useReferralMove(id: string, eTag: string) {
  const invalidate = useInvalidateReferrals();
  return useMutation({
    mutationFn: (move: ReferralMove) =>
      apiRequest(`${referralPath(id)}/${move.action}`, ReferralSchema, {
        method: 'POST',
        ifMatch: eTag,
        ...('body' in move && { body: move.body }),
      }),
    onSuccess: invalidate,
  });
}

export function useAddNote(id: string, eTag: string) {
  const invalidate = useInvalidateReferrals();
  return useMutation({
    mutationFn: (text: string) =>
      apiRequest(`${referralPath(id)}/notes`, ReferralTimelineEntrySchema, {
        method: 'POST',
        ifMatch: eTag,
        body: { text },
      }),
    onSuccess: invalidate,
  });
}
