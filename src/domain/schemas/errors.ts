import { z } from 'zod';

const ParamsSchema = z
  .record(z.string(), z.union([z.string(), z.number()]))
  .describe('The data the message names (ids, codes, counts), to fill its template in any language');

export const ErrorIssueSchema = z.object({
  path: z.string().describe('Where the problem is, such as listing.solutionAreas[3]'),
  message: z.string().describe('What is wrong there, in English'),
  key: z
    .string()
    .describe(
      "The message as a stable key of the message catalogue (problems.*, readiness.reasons.*), to show in the reader's language",
    ),
  params: ParamsSchema,
});

/** The one error shape every endpoint answers with. */
export const ErrorResponseSchema = z.object({
  error: z.string().describe('A stable machine-readable code'),
  message: z.string().describe('What went wrong, for a person, in English'),
  messageKey: z
    .string()
    .describe(
      "The message as a stable key of the message catalogue (problems.*), to show in the reader's language; problems.codes.<error> when nothing more particular was said",
    ),
  params: ParamsSchema,
  status: z.number().int(),
  issues: z.array(ErrorIssueSchema).optional(),
  requestId: z.string(),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
export type ErrorIssue = z.infer<typeof ErrorIssueSchema>;
