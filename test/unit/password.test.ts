import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../src/server/auth/password.js';

describe('password hashing', () => {
  const password = 'correct horse battery staple';
  let stored: string;

  it('hashes to a self-describing scrypt string that verifies', async () => {
    stored = await hashPassword(password);
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain(password);
    expect(await verifyPassword(password, stored)).toBe(true);
  });

  it('salts each hash', async () => {
    const again = await hashPassword(password);
    expect(again).not.toBe(stored);
    expect(await verifyPassword(password, again)).toBe(true);
  });

  it('refuses a wrong password', async () => {
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('refuses a tampered or malformed hash', async () => {
    const parts = stored.split('$');
    const hash = parts[5] as string;
    const flipped = `${hash.slice(0, 10)}${hash[10] === 'A' ? 'B' : 'A'}${hash.slice(11)}`;
    expect(await verifyPassword(password, [...parts.slice(0, 5), flipped].join('$'))).toBe(false);
    expect(
      await verifyPassword(password, [...parts.slice(0, 4), 'AAAAAAAAAAAAAAAAAAAAAA', hash].join('$')),
    ).toBe(false);
    expect(await verifyPassword(password, [...parts.slice(0, 5), hash.slice(0, 20)].join('$'))).toBe(false);
    expect(await verifyPassword(password, stored.replace(/^scrypt/, 'bcrypt'))).toBe(false);
    expect(await verifyPassword(password, 'scrypt$131072$8$1$salt')).toBe(false);
    expect(await verifyPassword(password, '')).toBe(false);
  });

  it('normalises to NFKC, so the same password typed in another Unicode form verifies', async () => {
    const composed = 'Smörgåsbord-ﬁle ①'; // precomposed ö and å, the "ﬁ" ligature, a circled one
    const decomposed = 'Smo\u0308rga\u030asbord-file 1'; // combining marks, plain letters and digit
    expect(composed).not.toBe(decomposed);
    const hashed = await hashPassword(composed);
    expect(await verifyPassword(decomposed, hashed)).toBe(true);
    expect(await verifyPassword('Smorgasbord-file 1', hashed)).toBe(false);
  });

  it('says no, after doing the work, for a user that does not exist', async () => {
    expect(await verifyAgainstDummy(password)).toBe(false);
  });
});
