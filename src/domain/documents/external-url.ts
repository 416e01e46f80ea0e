/** The longest external reference URL accepted. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

export type ExternalUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * Whether a URL may be an offer's external reference: absolute, https, with a host and without credentials.
 * Returns the URL as given (trimmed), so the publisher sees back what they typed.
 */
export function checkExternalReferenceUrl(input: string): ExternalUrlCheck {
  const url = input.trim();
  if (url === '') return { ok: false, message: 'Enter a URL, or remove the external reference instead.' };
  if (url.length > MAX_EXTERNAL_URL_LENGTH)
    return { ok: false, message: `A URL can have at most ${MAX_EXTERNAL_URL_LENGTH} characters.` };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: 'Enter a complete address that starts with https://.' };
  }
  if (parsed.protocol !== 'https:')
    return {
      ok: false,
      message: `Only https:// addresses are accepted; this one starts with ${parsed.protocol}`,
    };
  if (!/^https:\/\//i.test(url) || parsed.hostname === '')
    return { ok: false, message: 'Enter a complete address that starts with https://.' };
  if (parsed.username !== '' || parsed.password !== '')
    return { ok: false, message: 'The address must not contain a user name or password.' };
  if (/\s/.test(url)) return { ok: false, message: 'The address must not contain spaces.' };
  return { ok: true, url };
}
