import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Holds refused sign-ins (429, 503) for a while before they are answered. A client that ignores Retry-After
 * and asks again at once would otherwise get thousands of refusals a second, each an accepted connection,
 * a parsed request and an answer: on a small machine that alone slows everyone else several times over
 * (bench/login-flood.mjs). Held, each of its connections asks about once per `delayMs`. At most `maxHeld`
 * are held at once (a held request keeps its socket): past that a refusal is answered at once.
 */
export function createRefusalHold({ delayMs, maxHeld = 2_000 }: { delayMs: number; maxHeld?: number }) {
  let held = 0;
  return {
    /** Resolves when the refusal may be answered. */
    async hold(): Promise<void> {
      if (delayMs <= 0 || held >= maxHeld) return;
      held++;
      try {
        await sleep(delayMs);
      } finally {
        held--;
      }
    },
    get held(): number {
      return held;
    },
  };
}
