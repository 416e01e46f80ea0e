import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type OrganizationProfileInput,
  OrganizationProfileSchema,
} from '../../../domain/schemas/organization-profile.js';
import { apiRequestWithEtag } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';

/** The page where an organisation's profile is read and edited. */
export const organizationProfilePath = (organizationId: string) =>
  `/organizations/${encodeURIComponent(organizationId)}/profile`;

const profileApiPath = (organizationId: string) => `/api/v1${organizationProfilePath(organizationId)}`;

export function useOrganizationProfile(organizationId: string) {
  return useQuery({
    queryKey: queryKeys.organizationProfile(organizationId),
    queryFn: ({ signal }) =>
      apiRequestWithEtag(profileApiPath(organizationId), OrganizationProfileSchema, { signal }),
  });
}

export function useSaveOrganizationProfile(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ profile, etag }: { profile: OrganizationProfileInput; etag: string | null }) =>
      apiRequestWithEtag(profileApiPath(organizationId), OrganizationProfileSchema, {
        method: 'PUT',
        body: profile,
        ifMatch: etag,
      }),
    onSuccess: (answer) => {
      queryClient.setQueryData(queryKeys.organizationProfile(organizationId), answer);
      // Every offer's readiness reads the profile.
      void queryClient.invalidateQueries({ queryKey: queryKeys.everyOffer });
    },
  });
}
