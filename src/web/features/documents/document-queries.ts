import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import {
  DocumentSchema,
  type DocumentsOverview,
  DocumentsOverviewSchema,
  DocumentTemplatesSchema,
  ExternalUrlSchema,
} from '../../../domain/documents/document-schema.js';
import { apiRequest, apiRequestWithEtag, apiSend } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { isConflict } from '../../components/conflict-message.js';
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

/**
 * The documents' version as this page last read it, as If-Match for the next write (null before the first
 * read: the server then asks for one), and a way to take on the version a write's answer names, so the next
 * write does not wait for the list to be read again.
 */
export function useDocumentsVersion(offerId: string) {
  const queryClient = useQueryClient();
  const ifMatch = useCallback(() => {
    const version = queryClient.getQueryData<DocumentsOverview>(queryKeys.documents(offerId))?.version;
    return version === undefined ? null : `"${version}"`;
  }, [queryClient, offerId]);
  const remember = useCallback(
    (etag: string | null) => {
      const version = etag === null ? undefined : Number(/^"(\d+)"$/.exec(etag)?.[1]);
      if (version === undefined || Number.isNaN(version)) return;
      queryClient.setQueryData<DocumentsOverview>(queryKeys.documents(offerId), (overview) =>
        overview ? { ...overview, version } : overview,
      );
    },
    [queryClient, offerId],
  );
  return { ifMatch, remember };
}

/**
 * After any change: the documents, the history that records it, and the readiness it may change. After a
 * 412 too: the person then sees what someone else changed before trying again.
 */
export function useDocumentsChanged(offerId: string) {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.documents(offerId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.history(offerId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.listing(offerId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.offers });
  }, [queryClient, offerId]);
}

/** A write to the documents: sent with their version as If-Match, taking on the version it answers with. */
function useDocumentsWrite<T>(
  offerId: string,
  write: (ifMatch: string | null, input: T) => Promise<string | null>,
) {
  const changed = useDocumentsChanged(offerId);
  const { ifMatch, remember } = useDocumentsVersion(offerId);
  return useMutation({
    mutationFn: async (input: T) => remember(await write(ifMatch(), input)),
    onSuccess: changed,
    onError: (error) => {
      if (isConflict(error)) changed();
    },
  });
}

export function useDeleteDocument(offerId: string) {
  return useDocumentsWrite(offerId, async (ifMatch, documentId: string) => {
    const { etag } = await apiSend(documentPath(offerId, documentId), { method: 'DELETE', ifMatch });
    return etag;
  });
}

export function useRestoreDocument(offerId: string) {
  return useDocumentsWrite(offerId, async (ifMatch, documentId: string) => {
    const path = `${documentPath(offerId, documentId)}/restore`;
    return (await apiRequestWithEtag(path, DocumentSchema, { method: 'POST', ifMatch })).etag;
  });
}

export function useSaveExternalUrl(offerId: string) {
  return useDocumentsWrite(offerId, async (ifMatch, url: string) => {
    const body = { url };
    return (
      await apiRequestWithEtag(externalUrlPath(offerId), ExternalUrlSchema, { method: 'PUT', body, ifMatch })
    ).etag;
  });
}

export function useClearExternalUrl(offerId: string) {
  return useDocumentsWrite<void>(offerId, async (ifMatch) => {
    const { etag } = await apiSend(externalUrlPath(offerId), { method: 'DELETE', ifMatch });
    return etag;
  });
}
