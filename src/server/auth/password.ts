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
  /** Hashes computed at once, each on a thread of its own. */
  threads?: number;
  /** Checks that may wait for a thread; one more is refused with 503 and Retry-After. */
  queue?: number;
  /** Checks of the device lane (sign-ins with a device cookie) that may wait; served before the others. */
  deviceQueue?: number;
}

/**
 * Who a hash is for. `device`: a sign-in that presented a valid device cookie for its account, which a flood
 * of unknown emails cannot have; it waits in a queue of its own and takes the next free thread before any
 * `anonymous` check (docs/decisions/0008-device-cookies.md).
 */
export type HashLane = 'anonymous' | 'device';

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
  verifyNobody(password: string): Promise<false>;
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
 * never takes libuv's threads from file reads and writes. At most `threads` run at once and `queue` wait
 * (and `deviceQueue` of the device lane, served first); beyond that a sign-in is refused at once with 503
 * and Retry-After instead of making everyone wait.
 */
export function createPasswordHashing(options: PasswordHashingOptions = {}): PasswordHashing {
  const cost = COSTS[options.cost ?? 'standard'];
  const queue = options.queue ?? 32;
  const threads = options.threads ?? 1;
  const pool = new Piscina<PasswordTask, string | boolean>({
    filename: new URL('./password-worker.js', import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    // A thread is cheap to keep and slow to start (it loads the argon2 binding).
    idleTimeout: 60_000,
  });
  let dummyHash: Promise<string> | undefined;
  // The pool is given at most `threads` tasks at once; the rest wait here, a queue per lane, so a device
  // lane's check waits for one running hash at most, never behind a flood's queue.
  let running = 0;
  const waiting: Record<HashLane, Array<() => void>> = { device: [], anonymous: [] };
  const limits: Record<HashLane, number> = { anonymous: queue, device: options.deviceQueue ?? 32 };

  function next() {
    const start = waiting.device.shift() ?? waiting.anonymous.shift();
    if (start) start();
  }

  async function run(task: PasswordTask, lane: HashLane = 'anonymous'): Promise<string | boolean> {
    if (running >= threads) {
      if (waiting[lane].length >= limits[lane])
        throw new AppError('service_unavailable', problem('request.signInsBusy'), undefined, {
          retryAfterSeconds: 1,
        });
      await new Promise<void>((start) => waiting[lane].push(start));
    } else running++;
    // `running` stays counted when a finished check hands its thread to the next waiting one.
    try {
      return await pool.run(task);
    } finally {
      if (waiting.device.length + waiting.anonymous.length > 0) next();
      else running--;
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
    async verifyNobody(password) {
      dummyHash ??= hash(randomBytes(16).toString('hex')).catch((error: unknown) => {
        dummyHash = undefined; // refused while busy: make it at the next attempt
        throw error;
      });
      await verify(password, await dummyHash);
      return false;
    },
    async close() {
      await pool.destroy();
      // Waiting checks start on the stopped pool, which refuses them.
      for (const start of [...waiting.device.splice(0), ...waiting.anonymous.splice(0)]) start();
    },
  };
}
