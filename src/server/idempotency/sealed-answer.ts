import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/** The parts of a create's answer that a replay sends again. */
export interface StoredAnswer {
  headers: Record<string, string>;
  body: string;
}

const INFO = 'cosell idempotent answer';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** How a key is stored and looked up: its SHA-256, never the key itself. */
export const hashIdempotencyKey = (key: string) => sha256(key);

/** What "the same request" means: the same method, path and query, and the same body (parsed, keys sorted). */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return sha256(`${method} ${url}\n${canonicalJson(body)}`);
}

function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
}

/**
 * The encryption key of one caller's answer, derived from the Idempotency-Key, which the database does not
 * hold: the answers of token and webhook creates carry their secret, which must not lie in the clear in the
 * database ("shown once"). Only a caller who has the Idempotency-Key can read the answer again, so a random
 * key (a UUID) protects it as well as the secret itself.
 */
function answerKey(userId: string, idempotencyKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', idempotencyKey, userId, INFO, 32));
}

/** The answer as stored: AES-256-GCM, base64url of IV, tag and ciphertext. */
export function sealAnswer(userId: string, idempotencyKey: string, answer: StoredAnswer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', answerKey(userId, idempotencyKey), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(answer), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The stored answer, or undefined when it cannot be opened with this key (never for a matching row). */
export function openAnswer(userId: string, idempotencyKey: string, sealed: string): StoredAnswer | undefined {
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      answerKey(userId, idempotencyKey),
      bytes.subarray(0, IV_BYTES),
    );
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
    return JSON.parse(text) as StoredAnswer;
  } catch {
    return undefined;
  }
}
