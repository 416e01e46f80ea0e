import type { FastifyInstance } from 'fastify';
import { formatIssuePath } from '../domain/issue-path.js';
import { issue } from '../domain/messages/problem.js';
import { findUnstorableText, isStorableText, showUnstorableText } from '../domain/text/storable-text.js';
import { AppError, problem } from './errors.js';

const invalidPart = {
  params: 'request.invalidParams',
  querystring: 'request.invalidQuery',
  body: 'request.invalidBody',
} as const;

/**
 * Refuses text the database cannot store (src/domain/text/storable-text.ts) in path parameters, the query
 * string and JSON bodies of every route, before validation: 400 with an issue per place, named as the
 * validation errors name them. CSV cells and multipart fields come as bytes and are checked where they are
 * read (the contacts import, the document upload).
 */
export function registerStorableTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const parts = [
      ['params', request.params],
      ['querystring', request.query],
      // Only parsed JSON: a CSV body is a Buffer and multipart is read later, part by part.
      ['body', Buffer.isBuffer(request.body) ? undefined : request.body],
    ] as const;
    for (const [where, value] of parts) {
      const found = findUnstorableText(value);
      if (found.length === 0) continue;
      throw new AppError(
        'validation_failed',
        problem(invalidPart[where]),
        found.map((segments) => issue(formatIssuePath(segments) || where, 'input.unstorable')),
      );
    }
  });
}

/** The same rule for a multipart text field, which no JSON check sees: 400 naming the field. */
export function refuseUnstorableField(name: string, value: string): void {
  if (isStorableText(name) && isStorableText(value)) return;
  throw new AppError('validation_failed', problem('request.invalidBody'), [
    issue(showUnstorableText(name), 'input.unstorable'),
  ]);
}
