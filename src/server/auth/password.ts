import { randomBytes } from 'node:crypto';
import { Piscina } from 'piscina';
import { AppError, problem } from '../errors.js';
import type { Argon2Cost, PasswordTask } from './password-protocol.js';

/**
 * How much work a new hash costs. `standard` is argon2id at OWASP's recommended minimum (19 MiB, 2
 * iterations, 1 lane): about 35 ms here, against 300 ms or more for the scrypt floor it replaces. `test`
 * exists only so the test suites can sign in hundreds of times: the server refuses it unless NODE_ENV=test
 * (config.ts). Stored hashes name their own scheme and cost, so every kind verifies, and a weaker one is
 * replaced at the user's next sign-in.
 */
export type PasswordHashCost = 'standard' | 'test';

const COSTS: Record<PasswordHashCost, Argon2Cost> = {
  standard: { memoryKib: 19_456, iterations: 2, parallelism: 1 },
  test: { memoryKib: 256, iterations: 1, parallelism: 1 },
};

export interface PasswordHashingOptions {
  cost?: PasswordHashCost;
  /** Hashes computed at once for any lane, each on a thread of its own. */
  threads?: number;
  /**
   * Threads kept for the device and address lanes, beyond `threads` (1 when left out): a flood fills the
   * anonymous lane's threads, never these, so a returning or first-time user does not wait for its hashes.
   */
  reservedThreads?: number;
  /** Checks that may wait for a thread; one more is refused with 503 and Retry-After. */
  queue?: number;
  /** Checks of the device lane (sign-ins with a device cookie) that may wait; served before the others. */
  deviceQueue?: number;
  /** Checks of the address lane that may wait; served after the device lane, before the anonymous one. */
  addressQueue?: number;
  /**
   * The share of its threads' time the anonymous lane may take (0.5 when left out): after each of its checks
   * the lane rests as long again, so a flood that keeps it full takes half a core per thread, not a whole
   * one, from everything else the machine does. 1: no rest.
   */
  anonymousShare?: number;
}

/**
 * Who a hash is for, in the order the lanes are served. `device`: a sign-in that presented a valid device
 * cookie for its account, which a flood of unknown emails cannot have (docs/decisions/0008-device-cookies.md).
 * `address`: a sign-in from an address that failed none lately and has no other check waiting
 * (sign-in-addresses.ts), as a first-time user's is and a flood's addresses are not after their first guess.
 * `anonymous`: any other. Each waits in a queue of its own and takes the next free thread before the lanes
 * after it.
 */
export type HashLane = 'device' | 'address' | 'anonymous';

/** The lanes, first served first. */
const LANES: readonly HashLane[] = ['device', 'address', 'anonymous'];

export interface PasswordCheck {
  matches: boolean;
  /** The stored hash is of the earlier scheme or a lower cost: store a new one now that the password is known. */
  needsRehash: boolean;
}

export interface PasswordHashing {
  /** Hashes a password as an argon2id PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
  hash(password: string, lane?: HashLane): Promise<string>;
  /** Checks a password against a stored hash of either scheme (argon2id, or the earlier scrypt). */
  verify(password: string, stored: string, lane?: HashLane): Promise<PasswordCheck>;
  /** Does the work of a real check and says no: "no such user" cannot be told from "wrong password". */
  verifyNobody(password: string, lane?: HashLane): Promise<false>;
  /** Stops the threads; waiting checks fail. */
  close(): Promise<void>;
}

const ARGON2_PARAMS = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/;

/** Whether a stored hash is weaker than `cost`: another scheme, or less memory or fewer iterations. */
export function isWeakerThan(stored: string, cost: Argon2Cost): boolean {
  const params = ARGON2_PARAMS.exec(stored);
  if (!params) return true;
  return Number(params[1]) < cost.memoryKib || Number(params[2]) < cost.iterations;
}

/**
 * Password hashing on a small pool of worker threads of its own: the work never blocks the event loop and
 * never takes libuv's threads from file reads and writes. At most `threads` run at once for the anonymous
 * lane and `reservedThreads` more for the device and address lanes; `queue` wait per lane (`deviceQueue` in
 * the device lane, served first); beyond that a sign-in is refused at once with 503 and Retry-After instead
 * of making everyone wait.
 */
export function createPasswordHashing(options: PasswordHashingOptions = {}): PasswordHashing {
  const cost = COSTS[options.cost ?? 'standard'];
  const queue = options.queue ?? 32;
  const threads = options.threads ?? 1;
  const capacity = threads + (options.reservedThreads ?? 1);
  const pool = new Piscina<PasswordTask, string | boolean>({
    filename: new URL('./password-worker.js', import.meta.url).href,
    minThreads: 0,
    maxThreads: capacity,
    // A thread is cheap to keep and slow to start (it loads the argon2 binding).
    idleTimeout: 60_000,
  });
  let dummyHash: Promise<string> | undefined;
  // The pool is given at most `capacity` tasks at once, of them at most `threads` of the anonymous lane; the
  // rest wait here, a queue per lane, so a device or address lane's check never waits behind a flood's.
  let running = 0;
  let runningAnonymous = 0;
  const waiting: Record<HashLane, Array<() => void>> = { device: [], address: [], anonymous: [] };
  const limits: Record<HashLane, number> = {
    device: options.deviceQueue ?? 32,
    address: options.addressQueue ?? queue,
    anonymous: queue,
  };

  const anonymousShare = options.anonymousShare ?? 0.5;
  if (!(anonymousShare > 0 && anonymousShare <= 1)) throw new RangeError('anonymousShare must be in (0, 1]');
  /** performance.now() before which the anonymous lane starts nothing (it rests), and the timer that ends it. */
  let anonymousRestsUntil = 0;
  let restTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const canStart = (lane: HashLane) =>
    running < capacity &&
    (lane !== 'anonymous' || (runningAnonymous < threads && performance.now() >= anonymousRestsUntil));

  function take(lane: HashLane) {
    running++;
    if (lane === 'anonymous') runningAnonymous++;
  }

  /** Starts waiting checks while there is room for them, the first lanes first. */
  function startWaiting() {
    for (const lane of LANES) {
      const queued = waiting[lane];
      while (queued.length > 0 && canStart(lane)) {
        take(lane);
        (queued.shift() as () => void)();
      }
    }
    // Anonymous checks left waiting while the lane rests start when it ends.
    const rest = anonymousRestsUntil - performance.now();
    if (waiting.anonymous.length > 0 && rest > 0 && !restTimer && !closed)
      restTimer = setTimeout(() => {
        restTimer = undefined;
        startWaiting();
      }, rest + 1);
  }

  async function run(task: PasswordTask, lane: HashLane = 'anonymous'): Promise<string | boolean> {
    // Behind whoever waits in the same lane, even when a thread is free for this one.
    if (waiting[lane].length > 0 || !canStart(lane)) {
      if (waiting[lane].length >= limits[lane])
        throw new AppError('service_unavailable', problem('request.signInsBusy'), undefined, {
          retryAfterSeconds: 1,
        });
      // Counted as running by startWaiting when it is let go.
      await new Promise<void>((start) => {
        waiting[lane].push(start);
        if (lane === 'anonymous') startWaiting(); // sets the timer if only the lane's rest holds it back
      });
    } else take(lane);
    const started = performance.now();
    try {
      return await pool.run(task);
    } finally {
      running--;
      if (lane === 'anonymous') {
        runningAnonymous--;
        const took = performance.now() - started;
        const rest = (took * (1 / anonymousShare - 1)) / threads;
        anonymousRestsUntil = Math.max(anonymousRestsUntil, performance.now() + rest);
      }
      startWaiting();
    }
  }

  async function hash(password: string, lane?: HashLane): Promise<string> {
    return (await run({ kind: 'hash', password: password.normalize('NFKC'), cost }, lane)) as string;
  }

  async function verify(password: string, stored: string, lane?: HashLane): Promise<PasswordCheck> {
    const matches = (await run(
      { kind: 'verify', password: password.normalize('NFKC'), stored },
      lane,
    )) as boolean;
    return { matches, needsRehash: matches && isWeakerThan(stored, cost) };
  }

  return {
    hash,
    verify,
    async verifyNobody(password, lane) {
      dummyHash ??= hash(randomBytes(16).toString('hex')).catch((error: unknown) => {
        dummyHash = undefined; // refused while busy: make it at the next attempt
        throw error;
      });
      await verify(password, await dummyHash, lane);
      return false;
    },
    async close() {
      closed = true;
      clearTimeout(restTimer);
      await pool.destroy();
      // Waiting checks start on the stopped pool, which refuses them.
      for (const lane of LANES) for (const start of waiting[lane].splice(0)) start();
    },
  };
}
