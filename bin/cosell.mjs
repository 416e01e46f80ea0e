#!/usr/bin/env node
// The `cosell` CLI: builds the server code if needed, then runs dist/cli/main.js.
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const build = spawnSync(process.execPath, [`${root}scripts/build-if-stale.mjs`, '--only', 'server'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
await import(`${root}dist/cli/main.js`);
