import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ListingInput, ListingSchema } from '../../../domain/listing/listing-schema.js';
import { apiRequestWithEtag } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { offerPath } from '../offers/offer-queries.js';

export const listingPath = (offerId: string) => `${offerPath(offerId)}/co-sell/listing`;

function listingQuery(offerId: string) {
  return queryOptions({
    queryKey: queryKeys.listing(offerId),
    queryFn: ({ signal }) => apiRequestWithEtag(listingPath(offerId), ListingSchema, { signal }),
  });
}

/** The listing with its ETag (`"0"` before the first save) and what co-sell ready still needs. */
export function useListing(offerId: string) {
  return useQuery(listingQuery(offerId));
}

/** Fetches the current version now, for "Reload" after a conflict; resolves to it. */
export function useReloadListing(offerId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.fetchQuery({ ...listingQuery(offerId), staleTime: 0 });
}

export function useSaveListing(offerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, listing }: { etag: string | null; listing: ListingInput }) =>
      apiRequestWithEtag(listingPath(offerId), ListingSchema, {
        method: 'PUT',
        body: listing,
        ifMatch: etag,
      }),
    onSuccess: (answer) => {
      queryClient.setQueryData(queryKeys.listing(offerId), answer);
      void queryClient.invalidateQueries({ queryKey: queryKeys.history(offerId) });
      // The co-sell status in the list will follow the listing once readiness is computed.
      void queryClient.invalidateQueries({ queryKey: queryKeys.offers });
    },
  });
}
