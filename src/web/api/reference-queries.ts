import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReferenceResponse, ReferenceResponseSchema } from '../../domain/schemas/reference.js';
import { localiseReference } from '../i18n/localise-reference.js';
import { apiRequest } from './client.js';
import { queryKeys } from './query-keys.js';

/**
 * The taxonomy and rules; they change only with a deployment, so one fetch per page load is enough. The
 * labels come in the reader's language (localiseReference), and again in the other one when they switch.
 */
export function useReference() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const select = useCallback(
    (reference: ReferenceResponse) =>
      localiseReference(reference, {
        locale,
        text: (key) =>
          i18n.exists(key, { lng: locale }) ? String(i18n.t(key as never, { lng: locale })) : undefined,
      }),
    [i18n, locale],
  );
  return useQuery({
    queryKey: queryKeys.reference,
    queryFn: ({ signal }) => apiRequest('/api/v1/reference', ReferenceResponseSchema, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    select,
  });
}
