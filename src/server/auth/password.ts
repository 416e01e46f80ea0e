import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/**
 * How much work a new hash costs. `standard` is OWASP's scrypt floor: N=2^17, r=8, p=1 (128 MiB of work
 * memory per hash). `test` is 128 times cheaper and exists only so the test suites can sign in hundreds of
 * times without spending minutes on it: the server refuses it unless NODE_ENV=test (config.ts). Stored hashes
 * name their own cost, so either verifies whatever cost made them.
 */
export type PasswordHashCost = 'standard' | 'test';

const COSTS: Record<PasswordHashCost, ScryptCost> = {
  standard: { N: 131_072, r: 8, p: 1 },
  test: { N: 1024, r: 8, p: 1 },
};

const KEY_LENGTH = 32;
const MAX_MEMORY = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...cost, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Reads `scrypt$N$r$p$salt$hash`; undefined for anything else, including a cost outside sane bounds. */
function parseStored(stored: string) {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return undefined;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(cost).every((v) => Number.isSafeInteger(v) && v > 0)) return undefined;
  return { cost, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') };
}

export interface PasswordHashing {
  /** Hashes a password as `scrypt$N$r$p$salt$hash` (base64url), self-describing so the cost can grow. */
  hash(password: string): Promise<string>;
  /** True when `password` matches `stored`; compares in constant time. */
  verify(password: string, stored: string): Promise<boolean>;
  /** Does the work of a real check and says no: "no such user" cannot be told from "wrong password". */
  verifyNobody(password: string): Promise<false>;
}

/** Password hashing at the given cost (the server's configuration chooses; production is `standard`). */
export function createPasswordHashing(costName: PasswordHashCost = 'standard'): PasswordHashing {
  const cost = COSTS[costName];
  let dummyHash: Promise<string> | undefined;

  async function hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await derive(password, salt, cost);
    return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join(
      '$',
    );
  }

  async function verify(password: string, stored: string): Promise<boolean> {
    const parsed = parseStored(stored);
    if (!parsed) return false;
    // A stored cost scrypt refuses (more memory than allowed, N not a power of two) matches nothing.
    const key = await derive(password, parsed.salt, parsed.cost).catch(() => undefined);
    return key !== undefined && key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
  }

  return {
    hash,
    verify,
    async verifyNobody(password) {
      dummyHash ??= hash(randomBytes(16).toString('hex'));
      await verify(password, await dummyHash);
      return false;
    },
  };
}
