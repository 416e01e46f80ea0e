#!/usr/bin/env node
// Fails when src/db/migrations is stale: generates migrations from src/db/schema.ts into a scratch copy and
// checks that drizzle-kit found nothing new. Also checks the generated reference-data module.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const migrations = join(root, 'src/db/migrations');
// drizzle-kit takes the output folder relative to the project, so the scratch copy lives inside it.
const scratchRelative = '.cosell/migration-check';
const scratch = join(root, scratchRelative);
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
try {
  cpSync(migrations, scratch, { recursive: true });
  const before = readdirSync(scratch).filter((f) => f.endsWith('.sql'));
  const result = spawnSync('npx', ['drizzle-kit', 'generate', '--name', 'stale_check'], {
    cwd: root,
    env: { ...process.env, DRIZZLE_OUT: `./${scratchRelative}` },
    encoding: 'utf8',
  });
  if (result.status !== 0 || /error/i.test(result.stderr)) {
    console.error(result.stdout, result.stderr);
    process.exit(1);
  }
  const after = readdirSync(scratch).filter((f) => f.endsWith('.sql'));
  if (after.length !== before.length) {
    console.error(
      'src/db/migrations is stale: src/db/schema.ts has changes with no migration. Run `npm run db:generate -- --name <what>`.',
    );
    process.exit(1);
  }
  console.log(`migrations are up to date (${before.length})`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const reference = spawnSync(process.execPath, [join(root, 'scripts/generate-reference.mjs'), '--check'], {
  stdio: 'inherit',
});
process.exit(reference.status ?? 1);
