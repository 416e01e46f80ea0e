import { scryptSync } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createPasswordHashing,
  type HashLane,
  isWeakerThan,
  type PasswordHashing,
  type PasswordHashingOptions,
} from '../../src/server/auth/password.js';
import { AppError } from '../../src/server/errors.js';

const password = 'correct horse battery staple';
const argon2 = (m: number, t: number) =>
  new RegExp(`^\\$argon2id\\$v=19\\$m=${m},t=${t},p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$`);

/** A hash of the earlier scheme, `scrypt$N$r$p$salt$hash`, as stored before argon2id. */
function legacyScrypt(secret: string, N = 1024): string {
  const salt = Buffer.from('0123456789abcdef');
  const key = scryptSync(secret.normalize('NFKC'), salt, 32, { N, r: 8, p: 1 });
  return ['scrypt', N, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

describe('password hashing at the cheap test cost', () => {
  const passwords = createPasswordHashing({ cost: 'test' });
  afterAll(() => passwords.close());
  let stored: string;

  it('hashes to a self-describing argon2id string that verifies', async () => {
    stored = await passwords.hash(password);
    expect(stored).toMatch(argon2(256, 1));
    expect(stored).not.toContain(password);
    expect(await passwords.verify(password, stored)).toEqual({ matches: true, needsRehash: false });
  });

  it('salts each hash', async () => {
    const again = await passwords.hash(password);
    expect(again).not.toBe(stored);
    expect((await passwords.verify(password, again)).matches).toBe(true);
  });

  it('refuses a wrong password', async () => {
    expect(await passwords.verify('correct horse battery stapler', stored)).toEqual({
      matches: false,
      needsRehash: false,
    });
    expect((await passwords.verify('', stored)).matches).toBe(false);
  });

  it('refuses a tampered or malformed hash', async () => {
    const parts = stored.split('$');
    const hash = parts[5] as string;
    const flipped = `${hash.slice(0, 10)}${hash[10] === 'A' ? 'B' : 'A'}${hash.slice(11)}`;
    const refused = async (candidate: string) => (await passwords.verify(password, candidate)).matches;
    expect(await refused([...parts.slice(0, 5), flipped].join('$'))).toBe(false);
    expect(await refused([...parts.slice(0, 4), 'AAAAAAAAAAAAAAAAAAAAAA', hash].join('$'))).toBe(false);
    expect(await refused([...parts.slice(0, 5), hash.slice(0, 20)].join('$'))).toBe(false);
    expect(await refused(stored.replace('$argon2id$', '$argon2d$'))).toBe(false);
    expect(await refused(stored.replace(/^\$argon2id/, 'bcrypt'))).toBe(false);
    expect(await refused('$argon2id$v=19$m=256,t=1,p=1$salt')).toBe(false);
    expect(await refused('')).toBe(false);
  });

  it('normalises to NFKC, so the same password typed in another Unicode form verifies', async () => {
    const composed = 'Smörgåsbord-ﬁle ①'; // precomposed ö and å, the "ﬁ" ligature, a circled one
    const decomposed = 'Smo\u0308rga\u030asbord-file 1'; // combining marks, plain letters and digit
    expect(composed).not.toBe(decomposed);
    const hashed = await passwords.hash(composed);
    expect((await passwords.verify(decomposed, hashed)).matches).toBe(true);
    expect((await passwords.verify('Smorgasbord-file 1', hashed)).matches).toBe(false);
  });

  it('says no, after doing the work, for a user that does not exist', async () => {
    expect(await passwords.verifyNobody(password)).toBe(false);
  });

  it('verifies hashes of the earlier scrypt scheme and asks for them to be replaced', async () => {
    const old = legacyScrypt(password);
    expect(await passwords.verify(password, old)).toEqual({ matches: true, needsRehash: true });
    expect(await passwords.verify('not it', old)).toEqual({ matches: false, needsRehash: false });
    // A cost scrypt refuses (N not a power of two, or more memory than allowed) matches nothing.
    const parts = old.split('$');
    expect((await passwords.verify(password, ['scrypt', 1000, ...parts.slice(2)].join('$'))).matches).toBe(
      false,
    );
    expect((await passwords.verify(password, ['scrypt', 2 ** 24, ...parts.slice(2)].join('$'))).matches).toBe(
      false,
    );
  });
});

describe('password hashing at the standard cost', () => {
  const standard = createPasswordHashing(); // what the server uses unless told otherwise
  afterAll(() => standard.close());

  it("uses argon2id at OWASP's minimum (19 MiB, 2 iterations, 1 lane) and verifies hashes of every cost", async () => {
    const stored = await standard.hash(password);
    expect(stored).toMatch(argon2(19_456, 2));
    expect(await standard.verify(password, stored)).toEqual({ matches: true, needsRehash: false });
    // A weaker hash (the tests' cost, or the earlier scheme) verifies and is marked for replacement.
    const cheap = createPasswordHashing({ cost: 'test' });
    try {
      expect(await standard.verify(password, await cheap.hash(password))).toEqual({
        matches: true,
        needsRehash: true,
      });
    } finally {
      await cheap.close();
    }
    expect(await standard.verify(password, legacyScrypt(password))).toEqual({
      matches: true,
      needsRehash: true,
    });
  });

  it('tells weaker hashes from those at or above a cost', () => {
    const cost = { memoryKib: 19_456, iterations: 2, parallelism: 1 };
    expect(isWeakerThan('$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', cost)).toBe(false);
    expect(isWeakerThan('$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA', cost)).toBe(false);
    expect(isWeakerThan('$argon2id$v=19$m=9216,t=4,p=1$c2FsdA$aGFzaA', cost)).toBe(true);
    expect(isWeakerThan('$argon2id$v=19$m=19456,t=1,p=1$c2FsdA$aGFzaA', cost)).toBe(true);
    expect(isWeakerThan('scrypt$131072$8$1$c2FsdA$aGFzaA', cost)).toBe(true);
  });
});

describe('password hashing under a flood', () => {
  it('runs at most `threads` at once, lets `queue` wait, and refuses the next with 503 and Retry-After', async () => {
    const passwords = createPasswordHashing({ cost: 'test', threads: 1, queue: 2 });
    try {
      // One runs, two wait: nothing is refused yet.
      const accepted = [passwords.hash('a'), passwords.hash('b'), passwords.hash('c')];
      const refused = await passwords.hash('d').then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ code: 'service_unavailable', options: { retryAfterSeconds: 1 } });
      expect(await Promise.all(accepted)).toHaveLength(3);
      // Once the queue has drained, checks are taken again.
      expect((await passwords.verify('a', await passwords.hash('a'))).matches).toBe(true);
    } finally {
      await passwords.close();
    }
  });

  /** What an attempt was refused with, or undefined when it was not. */
  const refusal = (attempt: Promise<unknown>) =>
    attempt.then(
      () => undefined,
      (error: unknown) => error,
    );

  /**
   * Runs `body` with one thread for the anonymous lane and a password hashed in the device lane (so the
   * anonymous lane has nothing to rest from); no rest unless `options` say so.
   */
  async function withHashing(
    options: Omit<PasswordHashingOptions, 'cost' | 'threads'>,
    body: (passwords: PasswordHashing, stored: string) => Promise<void>,
  ) {
    const passwords = createPasswordHashing({ cost: 'test', threads: 1, anonymousShare: 1, ...options });
    try {
      await body(passwords, await passwords.hash(password, 'device'));
    } finally {
      await passwords.close();
    }
  }

  /** Starts a check in `lane` that records `label` in `finished` when it is done. */
  const recorded =
    (passwords: PasswordHashing, stored: string, finished: string[]) => (label: string, lane: HashLane) =>
      passwords.verify(password, stored, lane).then((result) => {
        finished.push(label);
        return result.matches;
      });

  it('serves the device lane first, from a queue of its own that a full anonymous queue does not refuse', () =>
    withHashing({ reservedThreads: 0, queue: 1, deviceQueue: 1 }, async (passwords, stored) => {
      const finished: string[] = [];
      const check = recorded(passwords, stored, finished);
      // One runs; one anonymous check fills its queue, and the next is refused...
      const running = check('running', 'anonymous');
      const anonymous = check('anonymous', 'anonymous');
      const refusedAnonymous = refusal(check('refused', 'anonymous'));
      // ...while a device-lane check still waits, in a queue of one of its own.
      const device = check('device', 'device');
      const refusedDevice = refusal(check('refused', 'device'));
      expect(await refusedAnonymous).toMatchObject({ code: 'service_unavailable' });
      expect(await refusedDevice).toMatchObject({ code: 'service_unavailable' });
      expect(await Promise.all([running, anonymous, device])).toEqual([true, true, true]);
      // It came in after the anonymous one and was served before it.
      expect(finished).toEqual(['running', 'device', 'anonymous']);
    }));

  it('serves the address lane after the device lane and before the anonymous one', () =>
    withHashing({ reservedThreads: 0, queue: 4 }, async (passwords, stored) => {
      const finished: string[] = [];
      const check = recorded(passwords, stored, finished);
      // One runs; then they arrive worst lane first.
      await Promise.all([
        check('running', 'anonymous'),
        check('anonymous', 'anonymous'),
        check('address', 'address'),
        check('device', 'device'),
      ]);
      expect(finished).toEqual(['running', 'device', 'address', 'anonymous']);
    }));

  it('keeps a thread for the device and address lanes that a full anonymous lane cannot take', () =>
    withHashing({ reservedThreads: 1, queue: 0 }, async (passwords, stored) => {
      // The anonymous lane's one thread is taken and nothing may wait: the next anonymous check is refused,
      // while an address lane's check starts on the kept thread, and only a second one finds it taken. (Each
      // is let in or refused as it is asked, before the first await.)
      const running = passwords.verify(password, stored, 'anonymous');
      const refusedAnonymous = refusal(passwords.verify(password, stored, 'anonymous'));
      const address = passwords.verify(password, stored, 'address');
      const refusedAddress = refusal(passwords.verify(password, stored, 'address'));
      expect(await refusedAnonymous).toMatchObject({ code: 'service_unavailable' });
      expect(await refusedAddress).toMatchObject({ code: 'service_unavailable' });
      expect((await Promise.all([running, address])).map((check) => check.matches)).toEqual([true, true]);
    }));

  it('rests the anonymous lane as long as each of its checks took, so a flood keeps its thread busy half the time', () =>
    withHashing({ reservedThreads: 0, queue: 4, anonymousShare: 0.5 }, async (passwords, stored) => {
      const timed = () => {
        const started = performance.now();
        return passwords
          .verify(password, stored, 'anonymous')
          .then(() => ({ started, at: performance.now() }));
      };
      const [a, b] = await Promise.all([timed(), timed()]);
      // The second started no sooner than the first's time again after it ended (a lower bound only: a busy
      // machine makes it later, never sooner).
      expect(b.at - a.at).toBeGreaterThanOrEqual(0.9 * (a.at - a.started));
      // The address lane does not rest: it is not the flood's.
      const address = await Promise.all([
        passwords.verify(password, stored, 'address'),
        passwords.verify(password, stored, 'address'),
      ]);
      expect(address.map((check) => check.matches)).toEqual([true, true]);
    }));

  it('makes the dummy check for an unknown user in the lane it is given', () =>
    withHashing({ reservedThreads: 0, queue: 4 }, async (passwords, stored) => {
      await passwords.verifyNobody('warm the dummy hash');
      const finished: string[] = [];
      const check = recorded(passwords, stored, finished);
      const running = check('running', 'anonymous');
      const anonymous = check('anonymous', 'anonymous');
      const nobody = passwords.verifyNobody(password, 'address').then(() => finished.push('nobody'));
      await Promise.all([running, anonymous, nobody]);
      expect(finished).toEqual(['running', 'nobody', 'anonymous']);
    }));
});
