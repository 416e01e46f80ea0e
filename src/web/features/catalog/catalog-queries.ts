import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  CatalogContactsSchema,
  CatalogOfferSchema,
  CatalogPageSchema,
} from '../../../domain/catalog/catalog-schema.js';
import { apiRequest } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { type CatalogSearch, toApiQuery } from './catalog-search-params.js';

const catalogPath = '/api/v1/catalog/offers';
const catalogOfferPath = (offerId: string) => `${catalogPath}/${encodeURIComponent(offerId)}`;

/** How many results one page asks for; "Show more" follows nextCursor. */
export const catalogPageSize = 20;

/** Results a page at a time; the previous results stay on screen while a changed search loads. */
export function useCatalogSearch(search: CatalogSearch) {
  return useInfiniteQuery({
    queryKey: queryKeys.catalogSearch(search),
    queryFn: ({ signal, pageParam }) =>
      apiRequest(`${catalogPath}?${toApiQuery(search, pageParam, catalogPageSize)}`, CatalogPageSchema, {
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** One offer as sellers see it (resellers get less: the server decides). */
export function useCatalogOffer(offerId: string) {
  return useQuery({
    queryKey: queryKeys.catalogOffer(offerId),
    queryFn: ({ signal }) => apiRequest(catalogOfferPath(offerId), CatalogOfferSchema, { signal }),
  });
}

/** The contacts for a country and a role: direct ones first, then those for all countries (OOO). */
export function useCatalogContacts(offerId: string, country: string, role: string) {
  return useQuery({
    queryKey: queryKeys.catalogContacts(offerId, country, role),
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ country });
      if (role) query.set('role', role);
      return apiRequest(`${catalogOfferPath(offerId)}/contacts?${query}`, CatalogContactsSchema, {
        signal,
      });
    },
    enabled: country !== '',
    placeholderData: keepPreviousData,
  });
}
