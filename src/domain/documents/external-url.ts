/** The longest external reference URL accepted. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

import { englishText, type ProblemKey, problem } from '../messages/problem.js';
import type { Message } from '../schemas/messages.js';

export type ExternalUrlCheck = { ok: true; url: string } | { ok: false; message: string; text: Message };

/** A refusal: the words in English and as a key of the catalogue (problems.documents.url.*). */
function refuse(key: ProblemKey, params: Message['params'] = {}): ExternalUrlCheck {
  const text = problem(key, params);
  return { ok: false, message: englishText(text), text };
}

/**
 * Whether a URL may be an offer's external reference: absolute, https, with a host and without credentials.
 * Returns the URL as given (trimmed), so the publisher sees back what they typed.
 */
export function checkExternalReferenceUrl(input: string): ExternalUrlCheck {
  const url = input.trim();
  if (url === '') return refuse('documents.url.required');
  if (url.length > MAX_EXTERNAL_URL_LENGTH)
    return refuse('documents.url.tooLong', { max: MAX_EXTERNAL_URL_LENGTH });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('documents.url.incomplete');
  }
  if (parsed.protocol !== 'https:') return refuse('documents.url.notHttps', { protocol: parsed.protocol });
  if (!/^https:\/\//i.test(url) || parsed.hostname === '') return refuse('documents.url.incomplete');
  if (parsed.username !== '' || parsed.password !== '') return refuse('documents.url.credentials');
  if (/\s/.test(url)) return refuse('documents.url.spaces');
  return { ok: true, url };
}
