import { randomBytes } from 'node:crypto';

/** Makes opaque ids such as `org_4f9k2m...`: a type prefix for people reading logs, then 80 random bits. */
export type IdGenerator = (prefix: string) => string;

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

export const randomId: IdGenerator = (prefix) => {
  const bytes = randomBytes(16);
  let id = '';
  for (const byte of bytes) id += alphabet[byte % 32];
  return `${prefix}_${id}`;
};

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
