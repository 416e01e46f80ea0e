import { z } from 'zod';

export const CreateTokenRequestSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Name the token')
    .max(100)
    .describe('What the token is for, such as "CI import"'),
  expiresAt: z.iso
    .datetime({ offset: true, message: 'Use an ISO 8601 date and time, such as 2027-01-31T00:00:00Z' })
    .nullish()
    .describe('When the token stops working; omit for a token that does not expire'),
});
export type CreateTokenRequest = z.infer<typeof CreateTokenRequestSchema>;

export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the token, to recognise it'),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const CreatedTokenSchema = ApiTokenSchema.extend({
  token: z.string().describe('The secret; shown once, never again'),
});
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;

export const TokenListSchema = z.object({ items: z.array(ApiTokenSchema) });
