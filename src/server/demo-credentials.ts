import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The demo password: COSELL_DEMO_PASSWORD when set, otherwise one generated at first start and kept beside
 * the data (mode 0600) so it can be printed again at every start of the same demo.
 */
export function demoPassword(
  dataDir: string,
  fromEnv: string | undefined,
): { password: string; generated: boolean } {
  if (fromEnv) return { password: fromEnv, generated: false };
  const file = join(dataDir, 'demo-password');
  if (existsSync(file)) return { password: readFileSync(file, 'utf8').trim(), generated: true };
  const password = `demo-${randomBytes(9).toString('base64url')}`;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return { password, generated: true };
}
