import { englishText, type ProblemKey, problem } from '../messages/problem.js';
import type { Message } from '../schemas/messages.js';

export const MAX_ENDPOINT_URL_LENGTH = 2048;

export type EndpointUrlCheck = { ok: true; url: string } | { ok: false; message: string; text: Message };

function refuse(key: ProblemKey, params: Message['params'] = {}): EndpointUrlCheck {
  const text = problem(key, params);
  return { ok: false, message: englishText(text), text };
}

/**
 * Whether a URL may receive webhooks, as far as its text tells: absolute, https (http only where private
 * addresses are allowed, for tests and intranets), a host, no credentials, no fragment. Where the host's
 * addresses point is checked by the server at every delivery (server/webhooks/public-address.ts), as DNS
 * may change after the endpoint is saved.
 */
export function checkEndpointUrl(input: string, options: { allowHttp: boolean }): EndpointUrlCheck {
  const url = input.trim();
  if (url === '') return refuse('webhooks.url.required');
  if (url.length > MAX_ENDPOINT_URL_LENGTH)
    return refuse('webhooks.url.tooLong', { max: MAX_ENDPOINT_URL_LENGTH });
  if (/\s/.test(url)) return refuse('webhooks.url.spaces');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('webhooks.url.incomplete');
  }
  const httpAllowed = options.allowHttp && parsed.protocol === 'http:';
  if (parsed.protocol !== 'https:' && !httpAllowed)
    return refuse('webhooks.url.notHttps', { protocol: parsed.protocol });
  if (!/^https?:\/\/[^/]/i.test(url) || parsed.hostname === '') return refuse('webhooks.url.incomplete');
  if (parsed.username !== '' || parsed.password !== '') return refuse('webhooks.url.credentials');
  if (parsed.hash !== '') return refuse('webhooks.url.fragment');
  return { ok: true, url };
}
