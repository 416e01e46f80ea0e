// @ts-check
/**
 * Password hashing on a worker thread of its own (run by piscina from password.ts), so the memory-hard work
 * neither blocks the event loop nor queues in libuv's thread pool, which file reads and writes share. Plain
 * JavaScript so the same file runs from the sources and from dist/.
 */
import { scryptSync, timingSafeEqual } from 'node:crypto';
import { hashSync, verifySync } from '@node-rs/argon2';

/** @typedef {import('./password-protocol.js').PasswordTask} PasswordTask */

const SCRYPT_MAX_MEMORY = 256 * 1024 * 1024;
/** `Algorithm.Argon2id`: the binding declares it as a const enum, which plain JavaScript cannot import. */
const ARGON2ID = 2;

/**
 * Checks a password against a hash of the earlier scheme, `scrypt$N$r$p$salt$hash` (base64url); stored hashes
 * of it are replaced by argon2id at the user's next sign-in.
 * @param {string} password
 * @param {string} stored
 */
function verifyScrypt(password, stored) {
  const [, n, r, p, salt, hash] = stored.split('$');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (!salt || !hash || !Object.values(cost).every((v) => Number.isSafeInteger(v) && v > 0)) return false;
  const expected = Buffer.from(hash, 'base64url');
  try {
    const key = scryptSync(password, Buffer.from(salt, 'base64url'), expected.length || 32, {
      ...cost,
      maxmem: SCRYPT_MAX_MEMORY,
    });
    return key.length === expected.length && timingSafeEqual(key, expected);
  } catch {
    // A cost scrypt refuses (N not a power of two, more memory than allowed) matches nothing.
    return false;
  }
}

/**
 * @param {PasswordTask} task
 * @returns {string | boolean}
 */
export default function run(task) {
  if (task.kind === 'hash') {
    return hashSync(task.password, {
      algorithm: ARGON2ID,
      memoryCost: task.cost.memoryKib,
      timeCost: task.cost.iterations,
      parallelism: task.cost.parallelism,
    });
  }
  if (task.stored.startsWith('$argon2id$')) {
    try {
      return verifySync(task.stored, task.password);
    } catch {
      return false; // a malformed hash matches nothing
    }
  }
  if (task.stored.startsWith('scrypt$')) return verifyScrypt(task.password, task.stored);
  return false;
}
