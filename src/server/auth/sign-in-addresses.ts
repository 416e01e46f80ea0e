import type { HashLane } from './password.js';

/** The lane an anonymous sign-in's check takes, and what to call when it is over. */
export interface AddressAdmission {
  lane: Extract<HashLane, 'address' | 'anonymous'>;
  /** Says how the sign-in ended: `failed` for wrong credentials (counted against the address). */
  settle(failed: boolean): void;
}

export interface SignInAddressesOptions {
  /** How long a failed sign-in keeps its address out of the address lane. */
  windowMs: number;
  /** Monotonic milliseconds. */
  now: () => number;
  /** Addresses remembered at most (the oldest failure is forgotten first): a bound on memory. */
  maxTracked?: number;
}

/**
 * Which addresses failed a sign-in lately, as this server saw them. A sign-in without a device cookie from an
 * address that failed none within the window, and that has no other check in the address lane, takes the
 * address lane, served before the anonymous one (password.ts): a first-time user is not queued behind a
 * flood spread over many addresses, because each of the flood's addresses is out of the lane from its first
 * wrong guess, and no address has more than one check in it at a time. Which lane a check takes does not
 * depend on the account (an unknown email and a wrong password wait alike).
 *
 * Per server and in memory: it orders the work this server's threads do, and needs no agreement with
 * other servers. An office behind one address where someone mistypes waits in the anonymous lane for a
 * window, which costs nothing unless a flood is filling that lane.
 */
export function createSignInAddresses({ windowMs, now, maxTracked = 100_000 }: SignInAddressesOptions) {
  /** Address → when it last failed, oldest first (Map keeps insertion order; a new failure moves it last). */
  const failedAt = new Map<string, number>();
  /** Addresses with a check in the address lane now. */
  const inLane = new Set<string>();

  function failedLately(address: string): boolean {
    const at = failedAt.get(address);
    if (at === undefined) return false;
    if (now() - at < windowMs) return true;
    failedAt.delete(address);
    return false;
  }

  function recordFailure(address: string): void {
    failedAt.delete(address);
    failedAt.set(address, now());
    if (failedAt.size > maxTracked) failedAt.delete(failedAt.keys().next().value as string);
  }

  return {
    admit(address: string): AddressAdmission {
      const lane = failedLately(address) || inLane.has(address) ? 'anonymous' : 'address';
      if (lane === 'address') inLane.add(address);
      let settled = false;
      return {
        lane,
        settle(failed) {
          if (settled) return;
          settled = true;
          if (lane === 'address') inLane.delete(address);
          if (failed) recordFailure(address);
        },
      };
    },
  };
}

export type SignInAddresses = ReturnType<typeof createSignInAddresses>;
