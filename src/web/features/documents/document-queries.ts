import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import {
  DocumentSchema,
  DocumentsOverviewSchema,
  DocumentTemplatesSchema,
  ExternalUrlSchema,
} from '../../../domain/documents/document-schema.js';
import { apiRequest, apiSend } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { offerPath } from '../offers/offer-queries.js';

export const documentsPath = (offerId: string) => `${offerPath(offerId)}/co-sell/documents`;
const documentPath = (offerId: string, documentId: string) =>
  `${documentsPath(offerId)}/${encodeURIComponent(documentId)}`;
const externalUrlPath = (offerId: string) => `${offerPath(offerId)}/co-sell/external-url`;

/** Every slot with its files (publishers also get earlier versions), the external URL and the limits. */
export function useDocuments(offerId: string) {
  return useQuery({
    queryKey: queryKeys.documents(offerId),
    queryFn: ({ signal }) => apiRequest(documentsPath(offerId), DocumentsOverviewSchema, { signal }),
  });
}

/** The downloadable templates and what a good document in each slot shows; the same for every offer. */
export function useDocumentTemplates() {
  return useQuery({
    queryKey: queryKeys.documentTemplates,
    queryFn: ({ signal }) =>
      apiRequest('/api/v1/co-sell/document-templates', DocumentTemplatesSchema, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** After any change: the documents, the history that records it, and the readiness it may change. */
export function useDocumentsChanged(offerId: string) {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.documents(offerId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.history(offerId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.listing(offerId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.offers });
  }, [queryClient, offerId]);
}

export function useDeleteDocument(offerId: string) {
  const changed = useDocumentsChanged(offerId);
  return useMutation({
    mutationFn: (documentId: string) => apiSend(documentPath(offerId, documentId), { method: 'DELETE' }),
    onSuccess: changed,
  });
}

export function useRestoreDocument(offerId: string) {
  const changed = useDocumentsChanged(offerId);
  return useMutation({
    mutationFn: (documentId: string) =>
      apiRequest(`${documentPath(offerId, documentId)}/restore`, DocumentSchema, { method: 'POST' }),
    onSuccess: changed,
  });
}

export function useSaveExternalUrl(offerId: string) {
  const changed = useDocumentsChanged(offerId);
  return useMutation({
    mutationFn: (url: string) =>
      apiRequest(externalUrlPath(offerId), ExternalUrlSchema, { method: 'PUT', body: { url } }),
    onSuccess: changed,
  });
}

export function useClearExternalUrl(offerId: string) {
  const changed = useDocumentsChanged(offerId);
  return useMutation({
    mutationFn: () => apiSend(externalUrlPath(offerId), { method: 'DELETE' }),
    onSuccess: changed,
  });
}
