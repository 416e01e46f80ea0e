import { createHmac, randomBytes } from 'node:crypto';

/** Standard Webhooks' prefix of a signing secret; the rest is the key, base64. */
export const SECRET_PREFIX = 'whsec_';

/** A new signing secret: 32 random bytes (the spec asks for 24 to 64), base64, after whsec_. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** What the endpoint list shows of a secret, to recognise it: whsec_ and four characters. */
export function secretPrefix(secret: string): string {
  return secret.slice(0, SECRET_PREFIX.length + 4);
}

/**
 * One signature as Standard Webhooks v1 defines it: `v1,` and the base64 HMAC-SHA256, keyed with the
 * base64-decoded part of the secret after whsec_, of `<webhook-id>.<webhook-timestamp>.<body>`.
 */
export function signPayload(
  secret: string,
  messageId: string,
  timestampSeconds: number,
  body: string,
): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  const mac = createHmac('sha256', key).update(`${messageId}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/** The webhook-signature header: one signature per secret, separated by spaces (during a rotation, two). */
export function signatureHeader(
  secrets: readonly string[],
  messageId: string,
  timestampSeconds: number,
  body: string,
): string {
  return secrets.map((secret) => signPayload(secret, messageId, timestampSeconds, body)).join(' ');
}
