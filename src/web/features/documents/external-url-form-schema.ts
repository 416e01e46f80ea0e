import { z } from 'zod';
import { checkExternalReferenceUrl } from '../../../domain/documents/external-url.js';
import { en } from '../../i18n/en.js';

/**
 * Why the shared rule refuses a URL, in words of en.validation so useIssueMessage translates them (the
 * rule's own English names the offending protocol, which a dictionary cannot hold).
 */
function problemOf(url: string): string | undefined {
  if (checkExternalReferenceUrl(url).ok) return undefined;
  if (url === '') return en.validation.urlRequired;
  try {
    return new URL(url).protocol === 'https:' ? en.validation.urlInvalid : en.validation.urlHttpsOnly;
  } catch {
    return en.validation.urlInvalid;
  }
}

/** The offer's external reference URL, trimmed, checked with the rule the server applies. */
export const externalUrlFormSchema = z.object({
  url: z
    .string()
    .trim()
    .superRefine((url, context) => {
      const problem = problemOf(url);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }),
});
export type ExternalUrlFormValues = z.infer<typeof externalUrlFormSchema>;
