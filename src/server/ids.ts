import { randomBytes } from 'node:crypto';

/** Makes opaque ids such as `org_4f9k2m...`: a type prefix for people reading logs, then 80 random bits. */
export type IdGenerator = (prefix: string) => string;

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

// Random bytes are drawn 4 KiB at a time and each byte used once: a call into the CSPRNG per id cost an
// import of 10,000 contacts about 15 ms.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let used = 0;

export const randomId: IdGenerator = (prefix) => {
  if (used + 16 > pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  let id = '';
  for (let i = used; i < used + 16; i++) id += alphabet[(pool[i] as number) % 32];
  used += 16;
  return `${prefix}_${id}`;
};

/** Where time comes from: tests pass one they move by hand, so nothing waits for real time to pass. */
export interface Clock {
  /** The date and time: for what is stored or shown. */
  now(): Date;
  /** Milliseconds from an arbitrary start, never going back when the system clock is set: for durations. */
  monotonicMs(): number;
}

export const systemClock: Clock = { now: () => new Date(), monotonicMs: () => performance.now() };
