#!/usr/bin/env node
// The one test command (`npm test`; .ci/run calls it): unit, integration on PGlite, integration on
// PostgreSQL (when TEST_DATABASE_URL is set; required in CI), and e2e in Debian's Chromium against the
// built app. Ends with a plain `tests: N passed, N failed` line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const extraArgs = process.argv.slice(2);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  return result.status ?? 1;
}

const projects = ['unit', 'integration-pglite'];
if (process.env.TEST_DATABASE_URL) {
  projects.push('integration-postgres');
} else if (inCi) {
  console.error('CI must test both database back ends, but TEST_DATABASE_URL is not set.');
  process.exit(1);
} else {
  console.log('\n!! PostgreSQL tier SKIPPED: TEST_DATABASE_URL is not set (CI sets it; see README).\n');
}

const chromium = process.env.COSELL_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  projects.push('e2e');
  // The e2e tier drives the built app: build whatever is missing or stale first.
  if (run(process.execPath, [join(root, 'scripts/build-if-stale.mjs')]) !== 0) process.exit(1);
} else if (inCi) {
  console.error(`CI must run the e2e tier, but ${chromium} is missing (.ci/run installs Debian's chromium).`);
  process.exit(1);
} else {
  console.log(`\n!! e2e tier SKIPPED: ${chromium} is missing (apt-get install chromium).\n`);
}

mkdirSync(join(root, '.cosell'), { recursive: true });
const report = join(root, '.cosell/test-report.json');
const args = [
  'vitest',
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...extraArgs,
];
const status = run('npx', args);

if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`\nprojects: ${projects.join(', ')}`);
  console.log(
    `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
  if (r.numTotalTests === 0) {
    console.error('No test ran.');
    process.exit(1);
  }
}
process.exit(status);
