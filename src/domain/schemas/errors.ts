import { z } from 'zod';

export const ErrorIssueSchema = z.object({
  path: z.string().describe('Where the problem is, such as listing.solutionAreas[3]'),
  message: z.string(),
});

/** The one error shape every endpoint answers with. */
export const ErrorResponseSchema = z.object({
  error: z.string().describe('A stable machine-readable code'),
  message: z.string().describe('What went wrong, for a person'),
  status: z.number().int(),
  issues: z.array(ErrorIssueSchema).optional(),
  requestId: z.string(),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
export type ErrorIssue = z.infer<typeof ErrorIssueSchema>;
