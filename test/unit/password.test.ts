import { describe, expect, it } from 'vitest';
import { createPasswordHashing } from '../../src/server/auth/password.js';

const password = 'correct horse battery staple';

describe('password hashing at the cheap test cost', () => {
  const passwords = createPasswordHashing('test');
  let stored: string;

  it('hashes to a self-describing scrypt string that verifies', async () => {
    stored = await passwords.hash(password);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain(password);
    expect(await passwords.verify(password, stored)).toBe(true);
  });

  it('salts each hash', async () => {
    const again = await passwords.hash(password);
    expect(again).not.toBe(stored);
    expect(await passwords.verify(password, again)).toBe(true);
  });

  it('refuses a wrong password', async () => {
    expect(await passwords.verify('correct horse battery stapler', stored)).toBe(false);
    expect(await passwords.verify('', stored)).toBe(false);
  });

  it('refuses a tampered or malformed hash', async () => {
    const parts = stored.split('$');
    const hash = parts[5] as string;
    const flipped = `${hash.slice(0, 10)}${hash[10] === 'A' ? 'B' : 'A'}${hash.slice(11)}`;
    expect(await passwords.verify(password, [...parts.slice(0, 5), flipped].join('$'))).toBe(false);
    expect(
      await passwords.verify(password, [...parts.slice(0, 4), 'AAAAAAAAAAAAAAAAAAAAAA', hash].join('$')),
    ).toBe(false);
    expect(await passwords.verify(password, [...parts.slice(0, 5), hash.slice(0, 20)].join('$'))).toBe(false);
    expect(await passwords.verify(password, stored.replace(/^scrypt/, 'bcrypt'))).toBe(false);
    expect(await passwords.verify(password, 'scrypt$131072$8$1$salt')).toBe(false);
    expect(await passwords.verify(password, '')).toBe(false);
    // A cost scrypt refuses (N not a power of two, or more memory than allowed) matches nothing.
    expect(await passwords.verify(password, ['scrypt', 1000, ...parts.slice(2)].join('$'))).toBe(false);
    expect(await passwords.verify(password, ['scrypt', 2 ** 24, ...parts.slice(2)].join('$'))).toBe(false);
  });

  it('normalises to NFKC, so the same password typed in another Unicode form verifies', async () => {
    const composed = 'Smörgåsbord-ﬁle ①'; // precomposed ö and å, the "ﬁ" ligature, a circled one
    const decomposed = 'Smo\u0308rga\u030asbord-file 1'; // combining marks, plain letters and digit
    expect(composed).not.toBe(decomposed);
    const hashed = await passwords.hash(composed);
    expect(await passwords.verify(decomposed, hashed)).toBe(true);
    expect(await passwords.verify('Smorgasbord-file 1', hashed)).toBe(false);
  });

  it('says no, after doing the work, for a user that does not exist', async () => {
    expect(await passwords.verifyNobody(password)).toBe(false);
  });
});

// The production cost is slow on purpose (about 0.3 s a hash here, more on a busy machine): one hash, checked
// for its parameters and that it verifies, with room for a loaded machine.
describe('password hashing at the standard cost', () => {
  it("uses OWASP's scrypt floor, N=2^17 r=8 p=1, and verifies hashes of either cost", async () => {
    const standard = createPasswordHashing(); // what the server uses unless told otherwise
    const stored = await standard.hash(password);
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await standard.verify(password, stored)).toBe(true);
    // A hash made by the test cost verifies too: stored hashes name their own cost.
    expect(await standard.verify(password, await createPasswordHashing('test').hash(password))).toBe(true);
  }, 120_000);
});
