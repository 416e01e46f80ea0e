import { useState } from 'react';

/** 128 random bits; crypto.randomUUID exists only on HTTPS and localhost, getRandomValues everywhere. */
function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

/**
 * The Idempotency-Keys of one create form (README: Idempotent creates). Sending the same form again after
 * its answer was lost (the network failed, the server timed out) reuses the key, so the server answers with
 * what it created the first time instead of creating it twice; a changed form, or the next create after a
 * success, gets a new key.
 */
export function idempotencyKeys(newKey: () => string = randomKey) {
  let last: { body: string; key: string } | null = null;
  return {
    /** The key for sending this body. */
    for(body: unknown): string {
      const text = JSON.stringify(body);
      if (last?.body !== text) last = { body: text, key: newKey() };
      return last.key;
    },
    /** The create succeeded: the next one is another create. */
    succeeded(): void {
      last = null;
    },
  };
}

/** idempotencyKeys for the life of the component (a create mutation's hook). */
export function useIdempotencyKey() {
  const [keys] = useState(() => idempotencyKeys());
  return keys;
}
