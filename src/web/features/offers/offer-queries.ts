import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import {
  type CreateOfferRequest,
  HistoryPageSchema,
  type Offer,
  OfferListSchema,
  OfferSchema,
  type UpdateOfferRequest,
} from '../../../domain/schemas/offers.js';
import { apiRequest, apiRequestWithEtag, apiSend, type WithEtag } from '../../api/client.js';
import { useIdempotencyKey } from '../../api/idempotency-key.js';
import { queryKeys } from '../../api/query-keys.js';

const offersPath = '/api/v1/offers';
export const offerPath = (offerId: string) => `${offersPath}/${encodeURIComponent(offerId)}`;

/** How many history entries one page asks for. */
export const historyPageSize = 20;

export function useOffers() {
  return useQuery({
    queryKey: queryKeys.offers,
    queryFn: ({ signal }) => apiRequest(offersPath, OfferListSchema, { signal }),
    select: (list) => list.items,
  });
}

export function offerQuery(offerId: string) {
  return queryOptions({
    queryKey: queryKeys.offer(offerId),
    queryFn: ({ signal }) => apiRequestWithEtag(offerPath(offerId), OfferSchema, { signal }),
  });
}

/** One offer with its ETag: every write sends it back as If-Match. */
export function useOffer(offerId: string) {
  return useQuery(offerQuery(offerId));
}

/** Fetches the current version now, for "Reload" after a conflict; resolves to it. */
export function useReloadOffer(offerId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.fetchQuery({ ...offerQuery(offerId), staleTime: 0 });
}

/** After any write: the answer is the new current version; the list and the history are out of date. */
function useRememberOffer() {
  const queryClient = useQueryClient();
  return (answer: WithEtag<Offer>) => {
    queryClient.setQueryData(queryKeys.offer(answer.data.id), answer);
    void queryClient.invalidateQueries({ queryKey: queryKeys.offers });
    void queryClient.invalidateQueries({ queryKey: queryKeys.history(answer.data.id) });
  };
}

export function useCreateOffer() {
  const remember = useRememberOffer();
  const key = useIdempotencyKey();
  return useMutation({
    mutationFn: (request: CreateOfferRequest) =>
      apiRequestWithEtag(offersPath, OfferSchema, {
        method: 'POST',
        body: request,
        idempotencyKey: key.for(request),
      }),
    onSuccess: (answer) => {
      key.succeeded();
      remember(answer);
    },
  });
}

interface UpdateOfferVariables {
  /** The ETag of the version the person edited, not the newest one in the cache. */
  etag: string | null;
  changes: UpdateOfferRequest;
}

export function useUpdateOffer(offerId: string) {
  const remember = useRememberOffer();
  return useMutation({
    mutationFn: ({ etag, changes }: UpdateOfferVariables) =>
      apiRequestWithEtag(offerPath(offerId), OfferSchema, { method: 'PATCH', body: changes, ifMatch: etag }),
    onSuccess: remember,
  });
}

export function useSetOfferState(offerId: string) {
  const remember = useRememberOffer();
  return useMutation({
    mutationFn: ({ action, etag }: { action: 'publish' | 'unpublish'; etag: string | null }) =>
      apiRequestWithEtag(`${offerPath(offerId)}/${action}`, OfferSchema, { method: 'POST', ifMatch: etag }),
    onSuccess: remember,
  });
}

export function useDeleteOffer(offerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (etag: string | null) => apiSend(offerPath(offerId), { method: 'DELETE', ifMatch: etag }),
    // The offer's own queries are dropped by the page once it has left (see forgetOffer): dropping them
    // now would make the still-mounted page fetch a deleted offer.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.offers }),
  });
}

/** Drops everything cached about an offer (after deleting it). */
export function useForgetOffer() {
  const queryClient = useQueryClient();
  return useCallback(
    (offerId: string) => queryClient.removeQueries({ queryKey: queryKeys.offer(offerId) }),
    [queryClient],
  );
}

/** Who changed what, newest first, a page at a time ("Load more" follows nextCursor). */
export function useOfferHistory(offerId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.history(offerId),
    queryFn: ({ signal, pageParam }) => {
      const query = new URLSearchParams({ limit: String(historyPageSize) });
      if (pageParam) query.set('cursor', pageParam);
      return apiRequest(`${offerPath(offerId)}/history?${query}`, HistoryPageSchema, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // History changes whenever anyone saves; show the current one each time the tab opens.
    staleTime: 0,
  });
}
