import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ContactAnswerSchema,
  type ContactInput,
  ContactListSchema,
  ImportReportSchema,
  ReplaceContactsAnswerSchema,
} from '../../../domain/contacts/contact-schema.js';
import { apiRequest, apiRequestWithEtag, apiSend, apiUpload } from '../../api/client.js';
import { useIdempotencyKey } from '../../api/idempotency-key.js';
import { queryKeys } from '../../api/query-keys.js';
import { offerPath } from '../offers/offer-queries.js';

export const contactsPath = (offerId: string) => `${offerPath(offerId)}/co-sell/contacts`;
/** Export: the offer's contacts as CSV (UTF-8 with BOM); a plain link works, the session cookie goes along. */
export const contactsCsvPath = (offerId: string) => `${contactsPath(offerId)}.csv`;
export const contactsTemplatePath = '/api/v1/co-sell/contacts-template.csv';
/** The same export as an Excel workbook. */
export const contactsXlsxPath = (offerId: string) => `${contactsPath(offerId)}.xlsx`;
/** The Excel template: drop-down lists and a guide in the user's language. */
export const contactsXlsxTemplatePath = '/api/v1/co-sell/contacts-template.xlsx';

/** The contacts with their coverage of the offer's markets, and the ETag every change sends back as If-Match. */
export function useContacts(offerId: string, markets: readonly string[]) {
  return useQuery({
    queryKey: queryKeys.contactsWithCoverage(offerId, markets),
    queryFn: ({ signal }) =>
      apiRequestWithEtag(`${contactsPath(offerId)}?coverage=true`, ContactListSchema, { signal }),
  });
}

/**
 * After any change: the list (and its ETag) is read again before the change counts as done, so the next
 * change sends the new ETag; the offer's co-sell status and history may have moved with it.
 */
function useRefreshContacts(offerId: string) {
  const queryClient = useQueryClient();
  return async () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.history(offerId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.offers });
    void queryClient.invalidateQueries({ queryKey: queryKeys.offer(offerId), exact: true });
    await queryClient.invalidateQueries({ queryKey: queryKeys.contacts(offerId) });
  };
}

export function useAddContact(offerId: string) {
  const refresh = useRefreshContacts(offerId);
  const key = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ etag, contact }: { etag: string | null; contact: ContactInput }) =>
      apiRequest(contactsPath(offerId), ContactAnswerSchema, {
        method: 'POST',
        body: contact,
        ifMatch: etag,
        idempotencyKey: key.for({ etag, contact }),
      }),
    onSuccess: () => {
      key.succeeded();
      return refresh();
    },
  });
}

export function useUpdateContact(offerId: string) {
  const refresh = useRefreshContacts(offerId);
  return useMutation({
    mutationFn: ({ etag, id, contact }: { etag: string | null; id: string; contact: ContactInput }) =>
      apiRequest(`${contactsPath(offerId)}/${encodeURIComponent(id)}`, ContactAnswerSchema, {
        method: 'PATCH',
        body: contact,
        ifMatch: etag,
      }),
    onSuccess: refresh,
  });
}

export function useDeleteContact(offerId: string) {
  const refresh = useRefreshContacts(offerId);
  return useMutation({
    mutationFn: ({ etag, id }: { etag: string | null; id: string }) =>
      apiSend(`${contactsPath(offerId)}/${encodeURIComponent(id)}`, { method: 'DELETE', ifMatch: etag }),
    onSuccess: refresh,
  });
}

/** Replaces every contact at once (Undo uses it to put the previous list back). */
export function useReplaceContacts(offerId: string) {
  const refresh = useRefreshContacts(offerId);
  return useMutation({
    mutationFn: ({ etag, contacts }: { etag: string | null; contacts: ContactInput[] }) =>
      apiRequest(contactsPath(offerId), ReplaceContactsAnswerSchema, {
        method: 'PUT',
        body: { contacts },
        ifMatch: etag,
      }),
    onSuccess: refresh,
  });
}

interface ImportVariables {
  file: File;
  dryRun: boolean;
  /**
   * The contacts' ETag: for the check, the list as last read; for the real import, the version the check
   * compared against, so the preview is what happens.
   */
  etag: string | null;
}

/**
 * Uploads a CSV file. A dry run only reports (problems, or what would change); without it the contacts are
 * replaced. A file with problems answers 422 with the same report, which is returned, not thrown.
 */
export function useImportContacts(offerId: string) {
  const refresh = useRefreshContacts(offerId);
  return useMutation({
    mutationFn: ({ file, dryRun, etag }: ImportVariables) =>
      apiUpload(`${contactsCsvPath(offerId)}?dryRun=${dryRun}`, file, file.name, ImportReportSchema, {
        ifMatch: etag,
        answerStatuses: [422],
      }),
    onSuccess: async (report) => {
      if (report.applied) await refresh();
    },
  });
}
