import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Repositories } from '../db/repositories/index.js';
import type { PasswordHashing } from './auth/password.js';
import { demoUsers } from './services/demo-service.js';

/** Where a generated demo password is kept, beside the embedded database. */
const file = (dataDir: string) => join(dataDir, 'demo-password');

export interface DemoPassword {
  password: string;
  generated: boolean;
}

/** COSELL_DEMO_PASSWORD when set, otherwise the generated one kept beside the data; never a new one. */
export function knownDemoPassword(dataDir: string, fromEnv: string | undefined): DemoPassword | undefined {
  if (fromEnv) return { password: fromEnv, generated: false };
  if (existsSync(file(dataDir)))
    return { password: readFileSync(file(dataDir), 'utf8').trim(), generated: true };
  return undefined;
}

/**
 * The password to load a new demo with: COSELL_DEMO_PASSWORD when set, otherwise one generated at first
 * start and kept beside the data (mode 0600) so it can be printed again at every start of the same demo.
 */
export function demoPassword(dataDir: string, fromEnv: string | undefined): DemoPassword {
  const known = knownDemoPassword(dataDir, fromEnv);
  if (known) return known;
  const password = `demo-${randomBytes(9).toString('base64url')}`;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file(dataDir), `${password}\n`, { mode: 0o600 });
  return { password, generated: true };
}

/**
 * For a demo loaded at an earlier start: the password to print, only if the demo users still have it. The
 * environment may differ from the first start (COSELL_DEMO_PASSWORD set then, not now, or changed), and a
 * printed password that does not sign in is worse than none.
 */
export async function loadedDemoPassword(
  repos: Repositories,
  dataDir: string,
  fromEnv: string | undefined,
  passwords: PasswordHashing,
): Promise<DemoPassword | undefined> {
  const known = knownDemoPassword(dataDir, fromEnv);
  const firstUser = demoUsers[0] && (await repos.users.findByEmail(demoUsers[0].email));
  if (!known || !firstUser) return undefined;
  return (await passwords.verify(known.password, firstUser.passwordHash)).matches ? known : undefined;
}
