import { z } from 'zod';
import { type CreateTokenRequest, CreateTokenRequestSchema } from '../../../domain/schemas/tokens.js';
import { en } from '../../i18n/en.js';

/** Today's date in UTC as YYYY-MM-DD, the format of <input type="date">. */
function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The form asks for a day, the API for an ISO date-time. The name rule comes straight from the shared
 * request schema; the expiry is checked here and turned into midnight UTC of that day. Messages are the
 * English dictionary texts so useIssueMessage can translate them.
 */
export function createTokenFormSchema(now: () => Date = () => new Date()) {
  return CreateTokenRequestSchema.pick({ name: true }).extend({
    expiresOn: z
      .string()
      .refine((value) => value === '' || z.iso.date().safeParse(value).success, en.validation.expiryInvalid)
      .refine((value) => value === '' || value > todayUtc(now()), en.validation.expiryInPast),
  });
}

export type CreateTokenFormInput = z.input<ReturnType<typeof createTokenFormSchema>>;
export type CreateTokenFormValues = z.output<ReturnType<typeof createTokenFormSchema>>;

/** Build the request and hold it to the shared schema, so the form cannot send what the server would refuse. */
export function toCreateTokenRequest(values: CreateTokenFormValues): CreateTokenRequest {
  return CreateTokenRequestSchema.parse({
    name: values.name,
    ...(values.expiresOn ? { expiresAt: `${values.expiresOn}T00:00:00Z` } : {}),
  });
}
